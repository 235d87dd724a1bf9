import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/parse/index.js';
import { BIN, SAMPLE, badInputs, expectRefusals, runBin, sentenceTexts, tempDir } from '../helpers.js';

/** A CoNLL-U sentence as the checks below read it: comments, word lines, multiword lines. */
interface Block {
  comments: string[];
  words: string[][];
  multiwords: string[][];
}

function blocksOf(conllu: string): Block[] {
  expect(conllu.endsWith('\n\n')).toBe(true);
  return conllu
    .trimEnd()
    .split('\n\n')
    .map((block) => {
      const lines = block.split('\n');
      const rows = lines.filter((line) => !line.startsWith('#')).map((line) => line.split('\t'));
      return {
        comments: lines.filter((line) => line.startsWith('# ')).map((line) => line.slice(2)),
        words: rows.filter((row) => /^\d+$/u.test(row[0]!)),
        multiwords: rows.filter((row) => /^\d+-\d+$/u.test(row[0]!)),
      };
    });
}

/**
 * Checks one sentence's lines the way the CoNLL-U validator would for a basic tree: ten columns,
 * IDs 1..n, one root, heads in range, every word reaching the root (no cycles), a known UPOS.
 */
function expectValidTree(block: Block): void {
  const words = block.words;
  for (const row of [...words, ...block.multiwords]) expect(row).toHaveLength(10);
  expect(words.map((row) => Number(row[0]))).toEqual(words.map((_, index) => index + 1));
  const heads = words.map((row) => Number(row[6]));
  expect(heads.filter((head) => head === 0)).toHaveLength(1);
  expect(words.find((row) => row[6] === '0')![7]).toBe('root');
  for (const head of heads) expect(head >= 0 && head <= words.length).toBe(true);
  for (let start = 1; start <= words.length; start += 1) {
    let word = start;
    for (let steps = 0; word !== 0; steps += 1) {
      expect(steps).toBeLessThanOrEqual(words.length);
      word = heads[word - 1]!;
    }
  }
  for (const row of words) expect(row[3]).toMatch(/^(ADJ|ADP|ADV|AUX|CCONJ|DET|INTJ|NOUN|NUM|PART|PRON|PROPN|PUNCT|SCONJ|SYM|VERB|X)$/u);
}

const INDONESIAN_LINES = [
  'Presiden Joko Widodo meresmikan jalan tol itu pada hari Senin .',
  'Menurut nya , harga beras akan turun bulan depan .',
  'Pemerintah telah menaikkan anggaran pendidikan sebesar 20 persen .',
];

describe('ringkas parse --tokenized', () => {
  it('round-trips: one sentence per line, FORM exactly the given tokens, a valid tree each', async () => {
    const dir = await tempDir();
    const file = join(dir, 'lines.txt');
    // Blank lines are not sentences; odd spacing does not change the tokens.
    await writeFile(file, `${INDONESIAN_LINES[0]}\n\n${INDONESIAN_LINES[1]}\n  ${INDONESIAN_LINES[2]!.replace(' ', '   ')}  \n`);
    const result = await runBin(['parse', file, '--tokenized', '--lang', 'id']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const blocks = blocksOf(result.stdout);
    expect(blocks).toHaveLength(3);
    blocks.forEach((block, index) => {
      expect(block.words.map((row) => row[1])).toEqual(INDONESIAN_LINES[index]!.split(' '));
      expect(block.multiwords).toEqual([]);
      expect(block.comments).toContain(`sent_id = ${index + 1}`);
      expectValidTree(block);
    });
  });

  it('takes tokens as given, even a token no tokeniser would make, and detects English', async () => {
    const input = "I do n't think so , said Ms. Smith\nThe U.S.-based firm sold 1,000 shares for $5.50 each";
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = execFile(process.execPath, [BIN, 'parse', '-', '--tokenized'], (error, out) => (error ? reject(error) : resolve(out)));
      child.stdin!.end(input);
    });
    const blocks = blocksOf(stdout);
    expect(blocks.map((block) => block.words.map((row) => row[1]).join(' '))).toEqual(input.split('\n'));
    for (const block of blocks) expectValidTree(block);
    // English tags: the model for English was chosen.
    expect(blocks[0]!.words.map((row) => row[3]).slice(0, 3)).toEqual(['PRON', 'AUX', 'PART']);
  });

  it('gives the same output for the same input, run after run', async () => {
    const dir = await tempDir();
    const file = join(dir, 'lines.txt');
    await writeFile(file, INDONESIAN_LINES.join('\n'));
    const first = await runBin(['parse', file, '--tokenized']);
    const second = await runBin(['parse', file, '--tokenized']);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });
});

describe('ringkas parse <article>', () => {
  it('parses every sentence of the sample, with multiword tokens and offsets that rebuild the sentence', async () => {
    const result = await runBin(['parse', SAMPLE]);
    expect(result.code).toBe(0);
    const article = await parseArticle({ path: SAMPLE, text: await readFile(SAMPLE, 'utf8'), kind: 'text' });
    const sentences = sentenceTexts(article);
    const blocks = blocksOf(result.stdout);
    expect(blocks.map((block) => block.comments.find((comment) => comment.startsWith('text = '))!.slice(7))).toEqual(sentences);
    for (const [index, block] of blocks.entries()) {
      expectValidTree(block);
      // Written tokens (multiword tokens in place of their words) joined as SpaceAfter says give back the sentence.
      const covered = new Set(block.multiwords.flatMap((row) => {
        const [first, last] = row[0]!.split('-').map(Number) as [number, number];
        return Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
      }));
      let rebuilt = '';
      for (const row of [...block.multiwords, ...block.words.filter((word) => !covered.has(Number(word[0])))].sort((a, b) => parseInt(a[0]!, 10) - parseInt(b[0]!, 10))) {
        rebuilt += row[1] + (row[9]!.includes('SpaceAfter=No') ? '' : ' ');
      }
      expect(rebuilt.trim()).toBe(sentences[index]!.replace(/\s+/gu, ' '));
    }
    // The sample's -nya words are split as the treebanks split them.
    const multiwords = blocks.flatMap((block) => block.multiwords.map((row) => row[1]));
    expect(multiwords.length).toBeGreaterThan(0);
    for (const form of multiwords) expect(form).toMatch(/(nya|lah|kah|pun|ku|mu)$/iu);
  });

  it('reports bad input in one line with the usual exit codes', async () => {
    const { dir, empty, binary } = await badInputs();
    await expectRefusals([
      [['parse', empty], 1, /empty/u],
      [['parse', binary], 1, /binary/u],
      [['parse', empty, '--tokenized'], 1, /empty/u],
      [['parse', binary, '--tokenized'], 1, /binary/u],
      [['parse', join(dir, 'missing.txt')], 1, /no such file/u],
      [['parse', SAMPLE, '--lang', 'fr'], 2, /lang/u],
    ]);
  });
});

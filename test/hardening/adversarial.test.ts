import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a script module without types, shared with the bench.
import { adversarialInputs } from '../../scripts/adversarial-inputs.mjs';
import { readMarkdown } from '../../src/parse/markdown.js';
import { CHUNK_SIZES } from '../../src/parse/markdown-chunks.js';
import { ROOT, runBin, tempDir } from '../helpers.js';

/**
 * Findings 3 and 7 of "Hardening II": texts whose shape once cost time or memory out of proportion
 * to their size (minutes, gigabytes), overflowed a stack, or were blamed on the wrong cause. Their
 * speed is measured by `npm run bench` at 1 MB; here each must end in a deck or a one-line refusal.
 */

const inputs: { name: string; text: string; refused?: string }[] = adversarialInputs(512 * 1024);

describe('adversarial article texts', () => {
  it(
    'each builds or is refused with a one-line message naming the file and the fix, in one batch under a 512 MB heap',
    async () => {
      const dir = await tempDir();
      for (const input of inputs) await writeFile(join(dir, input.name), input.text);
      // 512 MB of heap: one paragraph of 330 KB once took 1.7 GB and died.
      const result = await runBin(['build', ...inputs.map((input) => input.name), '--format', 'md', '--out', 'out'], {
        cwd: dir,
        env: { NODE_OPTIONS: '--max-old-space-size=512' },
      });
      const errors = result.stderr.split('\n').filter((line) => line.startsWith('error: '));
      for (const input of inputs) {
        const error = errors.find((line) => line.startsWith(`error: ${input.name}: `));
        if (input.refused) {
          expect(error, input.name).toContain(input.refused);
          expect(error, input.name).toMatch(/flatten|split|save the text as plain text|at least one paragraph of prose/u);
        } else {
          expect(error, input.name).toBeUndefined();
          const deck = await readFile(join(dir, 'out', `${input.name.replace(/\.\w+$/u, '')}.md`), 'utf8');
          expect(deck.split('\n---\n').length, input.name).toBeGreaterThan(1);
        }
      }
      expect(result.code).toBe(1);
      expect(result.stderr).not.toMatch(/^\s+at |Maximum call stack|heap out of memory|front matter/mu);
    },
    300_000,
  );
});

describe('Markdown read in chunks', () => {
  // Real Markdown with lists, quotes, code, HTML, tables, link definitions: the READMEs and
  // changelogs installed with ringkas's dependencies, and ringkas's own documents.
  const files = async () => {
    const found = await glob(['node_modules/**/*.md', '*.md', 'docs/**/*.md'], { cwd: ROOT, ignore: ['node_modules/**/test/**', 'node_modules/**/fixtures/**'] });
    return found.sort().slice(0, 250);
  };
  const whole = { bytes: Number.POSITIVE_INFINITY, markers: Number.POSITIVE_INFINITY, marks: Number.POSITIVE_INFINITY, force: Number.POSITIVE_INFINITY };

  it('gives the blocks of one whole parse, cut at every line it may cut at or at the default sizes', async () => {
    const paths = await files();
    expect(paths.length).toBeGreaterThan(100);
    let compared = 0;
    for (const path of paths) {
      const text = await readFile(join(ROOT, path), 'utf8');
      if (text.length > 200_000) continue;
      let expected: string;
      try {
        expected = JSON.stringify(readMarkdown(text, whole).blocks);
      } catch {
        continue; // front matter that is not YAML: refused either way
      }
      expect(JSON.stringify(readMarkdown(text, { ...whole, bytes: 1, markers: 1 }).blocks), path).toBe(expected);
      expect(JSON.stringify(readMarkdown(text, CHUNK_SIZES).blocks), path).toBe(expected);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(100);
  }, 180_000);

  it('keeps every word of a line cut inside, and joins its pieces again into one paragraph', () => {
    const line = Array.from({ length: 3000 }, (_, index) => `kata${index} *tebal${index}*`).join(' ');
    const small = { bytes: 1024, markers: 64, marks: 100, force: 2000 };
    const { blocks } = readMarkdown(`# Judul\n\n${line}\n\nParagraf berikut.\n`, small);
    expect(blocks.map((block) => block.kind)).toEqual(['heading', 'paragraph', 'paragraph']);
    expect(blocks[1]!.text.replace(/\*/gu, '')).toBe(line.replace(/\*/gu, ''));
  });
});

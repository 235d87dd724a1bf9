import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConllu } from '../../src/syntax/conllu.js';
import { type Token, tokenize } from '../../src/syntax/tokenize.js';
import { ROOT } from '../helpers.js';

const TREEBANKS = join(ROOT, '..', 'shared', 'treebanks');

/** The words as the test reads them: form, and `+` before a word that continues a multiword token. */
function shown(tokens: readonly Token[]): string[] {
  return tokens.map((token, index) => (index > 0 && tokens[index - 1]!.token === token.token ? `+${token.form}` : token.form));
}

/**
 * Where the offsets fail to round-trip: every word must be the text at its offsets, in order, and
 * together the words must be all of the text but its whitespace.
 */
function offsetProblems(text: string, tokens: readonly Token[]): string[] {
  const problems: string[] = [];
  let last = 0;
  for (const token of tokens) {
    if (text.slice(token.start, token.end) !== token.form) problems.push(`"${token.form}" is not the text at ${token.start}–${token.end}`);
    if (token.start < last || !/^\s*$/u.test(text.slice(last, token.start))) problems.push(`text before "${token.form}" at ${token.start} is lost or repeated`);
    last = token.end;
  }
  if (!/^\s*$/u.test(text.slice(last))) problems.push(`text after ${last} is lost`);
  return problems.map((problem) => `${problem} in "${text}"`);
}

function expectOffsetsRoundTrip(text: string, tokens: readonly Token[]): void {
  expect(offsetProblems(text, tokens)).toEqual([]);
}

/** One test per sentence: cut into the expected words, offsets round-tripping. */
function itCutsEach(cases: readonly [string, string[]][], lang: 'id' | 'en'): void {
  for (const [text, expected] of cases) {
    it(`cuts "${text}"`, () => {
      const tokens = tokenize(text, lang);
      expect(shown(tokens)).toEqual(expected);
      expectOffsetsRoundTrip(text, tokens);
    });
  }
}

describe('tokenize: Indonesian as GSD and CSUI have it', () => {
  const cases: [string, string[]][] = [
    ['Menurutnya, pemerintah akan membelinya tahun depan.', ['Menurut', '+nya', ',', 'pemerintah', 'akan', 'membeli', '+nya', 'tahun', 'depan', '.']],
    // Adverbs and stems that only look like a clitic stay whole; reduplication stays one word.
    ['Sebelumnya, hanya anak-anak yang bersekolah adalah langkah awal.', ['Sebelumnya', ',', 'hanya', 'anak-anak', 'yang', 'bersekolah', 'adalah', 'langkah', 'awal', '.']],
    ['Apakah tidaklah mungkin, walaupun apapun terjadi?', ['Apa', '+kah', 'tidak', '+lah', 'mungkin', ',', 'walaupun', 'apa', '+pun', 'terjadi', '?']],
    // A clitic after a hyphen is a word of its own, the hyphen too (CSUI: "PPh - nya").
    ['Kenaikan PPh-nya mencapai 10,4 persen atau Rp 452,556 triliun.', ['Kenaikan', 'PPh', '-', 'nya', 'mencapai', '10,4', 'persen', 'atau', 'Rp', '452,556', 'triliun', '.']],
    ['"Kami siap," ujarnya di Jl. Merdeka No. 5, Jakarta (15/3/2024).', ['"', 'Kami', 'siap', ',', '"', 'ujar', '+nya', 'di', 'Jl.', 'Merdeka', 'No.', '5', ',', 'Jakarta', '(', '15/3/2024', ')', '.']],
    ['Lihat https://kompas.com/read/2024/05/01/berita.html atau kirim surel ke redaksi@kompas.com.', ['Lihat', 'https://kompas.com/read/2024/05/01/berita.html', 'atau', 'kirim', 'surel', 'ke', 'redaksi@kompas.com', '.']],
    ['Dirinyalah yang datang, kata Abdullah kepadaku.', ['Diri', '+nya', '+lah', 'yang', 'datang', ',', 'kata', 'Abdullah', 'kepada', '+ku', '.']],
  ];
  itCutsEach(cases, 'id');
});

describe('tokenize: English as EWT has it', () => {
  const cases: [string, string[]][] = [
    ["I don't think it's John's fault, and they can't say they're sure.", ['I', 'do', "+n't", 'think', 'it', "+'s", 'John', "+'s", 'fault', ',', 'and', 'they', 'ca', "+n't", 'say', 'they', "+'re", 'sure', '.']],
    // Typographic apostrophes and quotes, as news sites write them.
    ['“We’ll see,” she said — it cannot wait.', ['“', 'We', '+’ll', 'see', ',', '”', 'she', 'said', '—', 'it', 'can', '+not', 'wait', '.']],
    ['The long-term plan costs $5,000.50 (about 12%) per e-mail, i.e. too much...', ['The', 'long', '-', 'term', 'plan', 'costs', '$', '5,000.50', '(', 'about', '12', '%', ')', 'per', 'e-mail', ',', 'i.e.', 'too', 'much', '...']],
    ['Dr. Smith moved to the U.S. in 2019 and/or met the anti-war group at 10:30 a.m. today.', ['Dr.', 'Smith', 'moved', 'to', 'the', 'U.S.', 'in', '2019', 'and', '/', 'or', 'met', 'the', 'anti-war', 'group', 'at', '10:30', 'a.m.', 'today', '.']],
    ['See www.example.org/a?b=1&c=2 for scores of 5-3 and 713-853-3989!!', ['See', 'www.example.org/a?b=1&c=2', 'for', 'scores', 'of', '5', '-', '3', 'and', '713-853-3989', '!!']],
  ];
  itCutsEach(cases, 'en');

  it('keeps offsets through whitespace of any kind and characters outside the BMP', () => {
    const text = '  Emoji 😀 stay\twhole,\u00a0and  so do tabs . ';
    const tokens = tokenize(text, 'en');
    expect(tokens.map((token) => token.form)).toEqual(['Emoji', '😀', 'stay', 'whole', ',', 'and', 'so', 'do', 'tabs', '.']);
    expectOffsetsRoundTrip(text, tokens);
  });

  it('returns no tokens for blank text', () => {
    expect(tokenize(' \n\t', 'id')).toEqual([]);
  });
});

describe.skipIf(!existsSync(TREEBANKS))('tokenize: against the treebanks’ own tokenisation', () => {
  // Sentence text from the treebanks' "# text =" lines, compared with their gold syntactic words.
  const files: [string, 'id' | 'en', number][] = [
    ['en_ewt-ud-test.conllu', 'en', 88],
    ['id_gsd-ud-test.conllu', 'id', 92],
    ['id_csui-ud-test.conllu', 'id', 89],
  ];
  for (const [file, lang, minimum] of files) {
    it(`${file}: offsets round-trip on every sentence, and at least ${minimum}% of sentences are cut exactly as the treebank`, () => {
      let exact = 0;
      const problems: string[] = [];
      const sentences = readConllu(readFileSync(join(TREEBANKS, file), 'utf8'));
      for (const sentence of sentences) {
        const text = sentence.comments.find((comment) => comment.startsWith('text = '))!.slice('text = '.length);
        const tokens = tokenize(text, lang);
        problems.push(...offsetProblems(text, tokens));
        if (tokens.map((token) => token.form).join(' ') === sentence.words.map((word) => word.form).join(' ')) exact += 1;
      }
      expect(problems).toEqual([]);
      expect((100 * exact) / sentences.length).toBeGreaterThanOrEqual(minimum);
    });
  }
});

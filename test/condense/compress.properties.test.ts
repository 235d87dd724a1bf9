import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEvalSets } from '../../scripts/eval-data.mjs';
import { type Compression, compressSentence } from '../../src/condense/index.js';
import { LANGUAGES } from '../../src/lang/index.js';
import type { Language } from '../../src/model.js';
import { parseArticle } from '../../src/parse/index.js';
import { type Syntax, loadSyntax, tokenize } from '../../src/syntax/index.js';
import { ROOT, isDeletionOf } from '../helpers.js';

/**
 * The compressor's guarantees, checked on every sentence of the UD treebanks' test files and of
 * the evaluation articles (both read where they lie in ../shared): whatever the sentence, its
 * bullet is a deletion of it, a connected subtree of its tree around a predicate with the
 * predicate's subject and complements, with every negator and both halves of every two-part
 * construction; and a bullet the deck may use opens with neither a connective nor a pronoun,
 * keeps a quote's speaker, and is no question.
 */

const TREEBANKS = join(ROOT, '..', 'shared', 'treebanks');
/** Each test file, its language, and the least share of its sentences that make a usable bullet. */
const TEST_FILES: [string, Language, number][] = [
  // Web text: fragments, questions, imperatives, first-person posts.
  ['en_ewt-ud-test.conllu', 'en', 0.2],
  ['id_gsd-ud-test.conllu', 'id', 0.4],
  ['id_csui-ud-test.conllu', 'id', 0.4],
];
const BUDGET = 14;

/** Relations of the predicate's core: its subject and complements. */
const CORE_OF_PREDICATE = new Set(['nsubj', 'nsubj:pass', 'csubj', 'csubj:pass', 'expl', 'obj', 'iobj', 'ccomp', 'xcomp', 'obl:agent', 'cop']);

/** Every guarantee of one compression of `text`; `name` says where the sentence came from. */
function checkCompression(text: string, lang: Language, compression: Compression, name: string): void {
  const rules = LANGUAGES[lang].compression;
  const where = `${name}: "${text}" → "${compression.text}"`;
  const { parsed, heads, relations, kept, top } = compression;

  // Deletion only: the kept words are the sentence's own, in order, and the bullet is made of them.
  expect(isDeletionOf(compression.text, text), where).toBe(true);
  for (const word of parsed) expect(text.slice(word.start, word.end), where).toBe(word.form);
  expect([...kept].sort((a, b) => a - b), where).toEqual(kept);
  const letters = (forms: string) => forms.replace(/\s+/gu, '').toLowerCase();
  expect(letters(compression.text), where).toBe(letters(kept.map((index) => parsed[index]!.form).join('')));

  // Every negator stays.
  const negators = (forms: string[]) => forms.filter((form) => rules.negators.has(form.toLowerCase().replaceAll('’', "'"))).length;
  expect(negators(kept.map((index) => parsed[index]!.form)), where).toBe(negators(tokenize(text, lang).map((token) => token.form)));

  if (top < 0) return;
  // One connected subtree around the top: every kept word but the top has its head kept. The
  // tree is the parser's, but where the compressor mended it (a name in apposition standing for
  // its noun, a noun phrase cut in two joined): `heads` says which tree it pruned.
  expect(heads.filter((head, index) => head !== parsed[index]!.head).length, where).toBeLessThanOrEqual(Math.max(4, parsed.length / 4));
  const keptSet = new Set(kept);
  const isWord = (index: number) => /[\p{L}\p{N}]/u.test(parsed[index]!.form);
  for (const index of kept) {
    if (index === top || !isWord(index)) continue;
    expect(keptSet.has(heads[index]! - 1), `${where}: "${parsed[index]!.form}" kept without its head`).toBe(true);
  }
  expect(keptSet.has(top), where).toBe(true);
  // The top keeps its subject and complements (a speech frame after its claim is no complement).
  parsed.forEach((word, index) => {
    if (heads[index]! - 1 !== top || !CORE_OF_PREDICATE.has(relations[index]!) || !isWord(index)) return;
    if (index > top && rules.reportingVerbs.has(word.form.toLowerCase())) return;
    expect(keptSet.has(index), `${where}: ${relations[index]} "${word.form}" dropped`).toBe(true);
  });

  // Both halves of a two-part construction, or neither.
  const lower = parsed.map((word) => word.form.toLowerCase());
  const spells = (start: number, phrase: string) => phrase.split(' ').every((part, offset) => lower[start + offset] === part);
  for (const pair of rules.pairs) {
    for (let start = 0; start < lower.length; start += 1) {
      if (!spells(start, pair.first)) continue;
      const firstEnd = start + pair.first.split(' ').length - 1;
      const second = lower.findIndex((_, at) => at > firstEnd && pair.second.some((phrase) => spells(at, phrase)));
      if (second < 0) continue;
      expect(keptSet.has(firstEnd), `${where}: "${pair.first} … ${lower[second]}" split`).toBe(keptSet.has(second));
    }
  }

  // A list of names or nouns keeps all its items or none ("A, B, C dan D" is never "A dan D").
  kept.forEach((head) => {
    // (A conjunct with a subject or copula of its own is a clause, not an item: "… a pair V, E, where … E is the set of …".)
    const clause = (node: number) => relations.some((relation, index) => heads[index]! - 1 === node && (relation.startsWith('nsubj') || relation === 'cop'));
    const items = relations.flatMap((relation, index) => (relation === 'conj' && heads[index]! - 1 === head && /^(?:NOUN|PROPN)$/u.test(parsed[index]!.upos) && !clause(index) ? [index] : []));
    if (items.length < 2 || !/^(?:NOUN|PROPN)$/u.test(parsed[head]!.upos)) return;
    expect(new Set(items.map((item) => keptSet.has(item))).size, `${where}: list of "${parsed[head]!.form}" cut`).toBe(1);
  });

  if (compression.unfit !== undefined) return;
  // A bullet the deck may use: no question, no opening connective or pronoun, a quote with its speaker, within budget or said not to be.
  expect(/\?["”’»)]*\s*$/u.test(text), where).toBe(false);
  const opening = kept.filter(isWord).map((index) => lower[index]!);
  const opensWith = (phrase: string) => phrase.split(' ').every((part, offset) => opening[offset] === part);
  // (The first half of a two-part construction kept whole is none: "So many … that …".)
  const opensPair = rules.pairs.some((pair) => opensWith(pair.first) && pair.second.some((phrase) => phrase.split(' ').every((part) => opening.slice(1).includes(part))));
  expect(rules.connectives.some(opensWith) && !opensPair, `${where}: opens with a connective`).toBe(false);
  expect(rules.anaphors.some(opensWith), `${where}: opens with a pronoun`).toBe(false);
  const firstPerson = opening.some((word) => rules.firstPerson.has(word));
  const quoted = /["“”]/u.test(text) || lower.some((word) => rules.reportingVerbs.has(word) || rules.firstPersonSingular.has(word));
  if (firstPerson && quoted) expect(opening.some((word) => rules.reportingVerbs.has(word) || rules.attributionMarkers.has(word)), `${where}: quote without its speaker`).toBe(true);
  expect(compression.overBudget, where).toBe(compression.words > BUDGET);
}

/** The sentences of a treebank file, as written (`# text = …`). */
function treebankSentences(file: string): string[] {
  return readFileSync(join(TREEBANKS, file), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('# text = '))
    .map((line) => line.slice('# text = '.length).trim());
}

const syntaxes: Record<Language, Syntax> = { id: await loadSyntax('id'), en: await loadSyntax('en') };

describe.skipIf(!existsSync(TREEBANKS))('compression guarantees on every sentence of the UD test files', () => {
  for (const [file, lang, least] of TEST_FILES) {
    it(`holds for ${file}`, () => {
      let fit = 0;
      const sentences = treebankSentences(file);
      for (const [index, text] of sentences.entries()) {
        const compression = compressSentence(text, syntaxes[lang], { lang, maxWords: BUDGET });
        checkCompression(text, lang, compression, `${file} #${index + 1}`);
        if (compression.unfit === undefined) fit += 1;
      }
      // The rest are questions, fragments, quotes and misparses.
      expect(fit / sentences.length).toBeGreaterThan(least);
    }, 600_000);
  }
});

const evalSets = loadEvalSets();

describe.skipIf(evalSets.length === 0)('compression guarantees on every sentence of the evaluation articles', () => {
  for (const set of evalSets) {
    it(`holds for the ${set.items.length} articles of ${set.name}`, async () => {
      for (const item of set.items) {
        const article = await parseArticle(item.source, { lang: item.lang });
        for (const section of article.sections) {
          for (const paragraph of section.paragraphs) {
            for (const { text } of paragraph.sentences) checkCompression(text, article.lang, compressSentence(text, syntaxes[article.lang], { lang: article.lang, maxWords: BUDGET }), item.id);
          }
        }
      }
      // Thousands of sentences parsed: minutes on a busy two-core machine.
    }, 600_000);
  }
});

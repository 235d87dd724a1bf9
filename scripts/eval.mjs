#!/usr/bin/env node
/**
 * `npm run eval`: scores ringkas's condenser against human references in ../shared/eval-data,
 * beside baselines computed here on the same parsed inputs. The data is read where it lies and is
 * never copied into the project (see that folder's README for sources and licences).
 *
 * - IndoSum (id) and CNN/DailyMail (en): the deck's takeaways (conclusion slide) against the
 *   reference summary, at the default budget of 14 words per bullet and at 30; baseline LEAD-3
 *   (the article's first three sentences, uncut).
 * - SciDuet-ACL (en): the whole deck (every slide's title and bullets) against the authors' slides
 *   (titles and text); baseline: each section's heading and first sentence.
 * ROUGE-1/2/L F-scores from js-rouge, case-insensitive, ×100.
 *
 * Then the compressor on its own: `ringkas compress` (the built bin, one sentence per line) on the
 * deletion-based references in compression/ — google-dev.tsv (English, 500 pairs, tokenised: put
 * back into ordinary spacing before compressing) and indosum-dev.tsv (Indonesian, 100 pairs) —
 * beside keeping the first 14 words. Token-level precision, recall and F1 of the kept words
 * against the reference's, averaged over sentences, and the compression ratio (kept / source
 * words); words are the syntax stage's tokens that hold a letter or digit, lower case.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { l as rougeL, n as rougeN } from 'js-rouge';
import { outlineOf, takeawaySlides } from '../dist/outline.js';
import { parseArticle } from '../dist/parse/index.js';
import { tokenize } from '../dist/syntax/index.js';
import { deckOf } from '../dist/condense/index.js';
import { syntaxFor } from '../dist/pipeline.js';
import { join } from 'node:path';
import { EVAL_DATA_DIR, asSummary, loadEvalSets } from './eval-data.mjs';

if (!existsSync(EVAL_DATA_DIR)) {
  console.log(`eval data not found at ${EVAL_DATA_DIR}: nothing to score. (The data is not part of the project; set RINGKAS_EVAL_DATA to point to it.)`);
  process.exit(0);
}

const scores = (candidate, reference) => {
  if (candidate.trim() === '' || reference.trim() === '') return [0, 0, 0];
  const options = { caseSensitive: false };
  return [rougeN(candidate, reference, { ...options, n: 1 }), rougeN(candidate, reference, { ...options, n: 2 }), rougeL(candidate, reference, options)];
};

const sentencesOf = (article) => article.sections.flatMap((section) => section.paragraphs.flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.text)));

const SYSTEMS = {
  news: {
    'ringkas takeaways': (article, deckFor) => asSummary(outlineOf(article.title, article, deckFor(14)).takeaways),
    // The same selection with room for whole sentences: how much of the gap is the word budget.
    'takeaways, 30 words': (article, deckFor) => asSummary(outlineOf(article.title, article, deckFor(30)).takeaways),
    // What the takeaways were chosen from: the source sentences of the first three, uncut, as LEAD-3 is.
    "first 3 takeaways' sources": (article, deckFor) => asSummary(takeawaySlides(deckFor(14)).flatMap((slide) => slide.notes).slice(0, 3)),
    'LEAD-3': (article) => asSummary(sentencesOf(article).slice(0, 3)),
  },
  slides: {
    'ringkas deck': (article, deckFor) => asSummary(deckFor(14).slides.flatMap((slide) => [slide.title, ...slide.bullets])),
    'heading + 1st sentence': (article) =>
      asSummary(article.sections.flatMap((section) => [section.heading ?? '', section.paragraphs[0]?.sentences[0]?.text ?? ''].filter(Boolean))),
  },
};

/** Mean scores per system over one set. */
async function evaluate(set) {
  const systems = SYSTEMS[set.kind];
  const totals = Object.fromEntries(Object.keys(systems).map((system) => [system, [0, 0, 0]]));
  let count = 0;
  let failed = 0;
  for (const item of set.items) {
    let article;
    try {
      article = await parseArticle(item.source, { lang: item.lang });
    } catch {
      failed += 1;
      continue;
    }
    const parser = await syntaxFor(article);
    const decks = new Map();
    const deckFor = (maxWords) => {
      if (!decks.has(maxWords)) decks.set(maxWords, deckOf(article, parser, { maxWords }).deck);
      return decks.get(maxWords);
    };
    count += 1;
    for (const [system, candidate] of Object.entries(systems)) {
      scores(candidate(article, deckFor), item.reference).forEach((value, index) => (totals[system][index] += value));
    }
  }
  return Object.entries(totals).map(([system, sums]) => ({ set: set.name, n: count, failed, system, scores: sums.map((sum) => (100 * sum) / Math.max(count, 1)) }));
}

const format = (value) => value.toFixed(1).padStart(5);
console.log(`ROUGE F×100 (js-rouge, case-insensitive) on ${EVAL_DATA_DIR}`);
console.log(`${'set'.padEnd(18)} ${'n'.padStart(3)}  ${'system'.padEnd(24)} ${'R-1'.padStart(5)} ${'R-2'.padStart(5)} ${'R-L'.padStart(5)}`);
for (const row of (await Promise.all(loadEvalSets().map(evaluate))).flat()) {
  console.log(`${row.set.padEnd(18)} ${String(row.n).padStart(3)}  ${row.system.padEnd(24)} ${row.scores.map(format).join(' ')}${row.failed ? `  (${row.failed} unreadable)` : ''}`);
}

// The compressor on its own.
const COMPRESSION_SETS = [
  { name: 'Google (en)', file: 'google-dev.tsv', lang: 'en', tokenised: true },
  { name: 'IndoSum (id)', file: 'indosum-dev.tsv', lang: 'id', tokenised: false },
];
const BIN = fileURLToPath(new URL('../dist/bundle/bin.js', import.meta.url));
const BASELINE_WORDS = 14;

/** The corpus's tokens ("country 's", "do n't", `` … '') back into ordinary spacing. */
const untokenise = (line) =>
  line
    .replace(/ ([.,!?;:%)\]}]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)/gu, '$1')
    .replace(/([([{$]) /gu, '$1')
    .replace(/`` ?/gu, '"')
    .replace(/ ?''/gu, '"');

/** Precision, recall, F1 of `kept` against `reference` (bags of words), and the kept share of the source. */
function tokenScores(kept, reference, source) {
  const left = new Map();
  for (const word of reference) left.set(word, (left.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of kept) {
    const count = left.get(word) ?? 0;
    if (count > 0) {
      shared += 1;
      left.set(word, count - 1);
    }
  }
  const precision = kept.length === 0 ? 0 : shared / kept.length;
  const recall = reference.length === 0 ? 0 : shared / reference.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return [precision, recall, f1, source.length === 0 ? 0 : kept.length / source.length];
}

const compressionRows = [];
for (const set of COMPRESSION_SETS) {
  const path = join(EVAL_DATA_DIR, 'compression', set.file);
  if (!existsSync(path)) continue;
  const pairs = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => line.split('\t').map((part) => (set.tokenised ? untokenise(part) : part)));
  const words = (text) => tokenize(text, set.lang).map((token) => token.form.toLowerCase()).filter((form) => /[\p{L}\p{N}]/u.test(form));
  const bullets = execFileSync(process.execPath, [BIN, 'compress', '--lang', set.lang], { input: pairs.map(([source]) => source).join('\n'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\n');
  const systems = {
    'ringkas compress': (source, index) => words(bullets[index] ?? ''),
    [`first ${BASELINE_WORDS} words`]: (source) => words(source).slice(0, BASELINE_WORDS),
  };
  for (const [system, kept] of Object.entries(systems)) {
    const sums = [0, 0, 0, 0];
    pairs.forEach(([source, reference], index) => tokenScores(kept(source, index), words(reference), words(source)).forEach((value, at) => (sums[at] += value)));
    compressionRows.push({ set: set.name, n: pairs.length, system, scores: sums.map((sum) => sum / pairs.length) });
  }
}
if (compressionRows.length > 0) {
  console.log('');
  console.log(`Compression: token P/R/F1 and compression ratio (kept / source words), mean over sentences, on ${join(EVAL_DATA_DIR, 'compression')}`);
  console.log(`${'set'.padEnd(18)} ${'n'.padStart(3)}  ${'system'.padEnd(24)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)} ${'CR'.padStart(5)}`);
  for (const row of compressionRows) {
    console.log(`${row.set.padEnd(18)} ${String(row.n).padStart(3)}  ${row.system.padEnd(24)} ${row.scores.map((value) => value.toFixed(3).padStart(5)).join(' ')}`);
  }
}

// Topic segmentation of headingless articles: the news items of each set joined three at a time
// (the classic test of text segmentation); a cut within one paragraph of a join counts as found.
{
  const { termsOf } = await import('../dist/condense/terms.js');
  const { topicBoundaries } = await import('../dist/condense/topics.js');
  console.log('\nTopic segmentation: news items joined three at a time; cuts within one paragraph of a join');
  console.log(`${'set'.padEnd(18)} ${'n'.padStart(3)}  ${'joins found'.padStart(11)} ${'cuts on a join'.padStart(14)}`);
  for (const set of loadEvalSets().filter((candidate) => candidate.kind === 'news')) {
    let joins = 0;
    let found = 0;
    let cuts = 0;
    let onJoin = 0;
    let count = 0;
    for (let first = 0; first + 3 <= set.items.length; first += 3) {
      const paragraphs = [];
      const starts = [];
      let lang = 'en';
      for (const item of set.items.slice(first, first + 3)) {
        const article = await parseArticle(item.source, { lang: item.lang });
        lang = article.lang;
        if (paragraphs.length > 0) starts.push(paragraphs.length);
        for (const section of article.sections) paragraphs.push(...section.paragraphs);
      }
      const terms = paragraphs.map((paragraph) => ({
        sentences: paragraph.sentences.map((sentence) => termsOf(sentence.text, lang)),
        words: paragraph.sentences.reduce((sum, sentence) => sum + sentence.text.split(/\s+/u).length, 0),
      }));
      const segmentCuts = topicBoundaries(terms);
      const near = (a, b) => Math.abs(a - b) <= 1;
      count += 1;
      joins += starts.length;
      found += starts.filter((start) => segmentCuts.some((cut) => near(cut, start))).length;
      cuts += segmentCuts.length;
      onJoin += segmentCuts.filter((cut) => starts.some((start) => near(cut, start))).length;
    }
    const percent = (part, whole) => `${((100 * part) / Math.max(whole, 1)).toFixed(0)}% of ${whole}`;
    console.log(`${set.name.padEnd(18)} ${String(count).padStart(3)}  ${percent(found, joins).padStart(11)} ${percent(onJoin, cuts).padStart(14)}`);
  }
}

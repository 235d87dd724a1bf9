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
 */
import { existsSync } from 'node:fs';
import { l as rougeL, n as rougeN } from 'js-rouge';
import { condense } from '../dist/condense/index.js';
import { outlineOf } from '../dist/outline.js';
import { parseArticle } from '../dist/parse/index.js';
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
    const decks = new Map();
    const deckFor = (maxWords) => {
      if (!decks.has(maxWords)) decks.set(maxWords, condense(article, { maxWords }));
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

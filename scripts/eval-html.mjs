#!/usr/bin/env node
/**
 * `npm run eval:html`: scores how ringkas reads saved web pages against Readability.js's answer on
 * the pages in ../shared/eval-data/web-pages (see that folder's README: Mozilla's test pages,
 * Apache-2.0). The pages are read where they lie and never copied into the project.
 *
 * For every page: the article as `ringkas read` gives it (headings and paragraphs) against the text
 * of `expected.html`, by 4-word shingles of word tokens (see `words`); each
 * page's shingle counts are normalised (true positives, false positives and false negatives divided
 * by their sum, so a long page weighs no more than a short one), precision and recall are averaged
 * over the pages, and F1 is the harmonic mean of the two means. A page ringkas fails on scores 0 for
 * both. Also: whether a deck is made (parse and condense), and whether the title equals
 * `expected-metadata.json`'s — exactly, and once a site name that ringkas strips on purpose ("… |
 * eHow") is set aside; and how often an author is found, beside Readability's byline.
 *
 * `--pages a,b` limits the run to those pages; `--verbose` prints one line per page, worst first.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { toString as hastToString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { condense } from '../dist/condense/index.js';
import { syntaxFor } from '../dist/pipeline.js';
import { readSource } from '../dist/io/inputs.js';
import { parseArticle } from '../dist/parse/index.js';
import { readerViewOf } from '../dist/reader.js';
import { EVAL_DATA_DIR } from './eval-data.mjs';

const PAGES_DIR = join(EVAL_DATA_DIR, 'web-pages');
if (!existsSync(PAGES_DIR)) {
  console.log(`web pages not found at ${PAGES_DIR}: nothing to score. (The data is not part of the project; set RINGKAS_EVAL_DATA to point to it.)`);
  process.exit(0);
}

const args = process.argv.slice(2);
const only = args.includes('--pages') ? new Set(args[args.indexOf('--pages') + 1].split(',')) : undefined;
const verbose = args.includes('--verbose');

/**
 * The word tokens of a text, lower case: runs of letters, marks and digits, and each Han, kana or
 * Hangul character on its own (those scripts write no spaces). Intl.Segmenter would split CJK into
 * words, but in V8 it copies the whole input for every segment, which a long page cannot afford.
 */
const words = (text) => text.normalize('NFC').toLowerCase().match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{M}\p{N}]+/gu) ?? [];

/** Counts of the text's 4-word shingles (a text of fewer words is one shingle). */
function shingles(text) {
  const tokens = words(text);
  const counts = new Map();
  const width = Math.min(4, tokens.length);
  for (let start = 0; width > 0 && start + width <= tokens.length; start += 1) {
    const key = tokens.slice(start, start + width).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Precision and recall of `candidate` against `reference` by shingles. */
function shingleScores(candidate, reference) {
  const found = shingles(candidate);
  const wanted = shingles(reference);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...found.keys(), ...wanted.keys()])) {
    const a = found.get(key) ?? 0;
    const b = wanted.get(key) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, a - b);
    fn += Math.max(0, b - a);
  }
  // Normalised per page (the ratios below do not change, but the counts a reader sees do).
  const sum = tp + fp + fn;
  if (sum === 0) return { precision: 1, recall: 1 };
  [tp, fp, fn] = [tp / sum, fp / sum, fn / sum];
  return { precision: tp + fp === 0 ? 0 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

const htmlText = (html) => hastToString(unified().use(rehypeParse).parse(html));
const collapse = (text) => (text ?? '').replace(/\s+/gu, ' ').trim();

/** The title once a trailing or leading site name (after " | ", " - ", " :: " …) is set aside. */
function withoutSiteName(title, siteName) {
  const text = collapse(title);
  const names = [siteName, ...text.split(/\s+[|\-–—:·»_]+\s+|\s*_/u).slice(1)].filter(Boolean).map(collapse);
  for (const name of names) {
    for (const separator of [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' » ', '_', ' _']) {
      if (text.endsWith(`${separator}${name}`)) return text.slice(0, -(separator.length + name.length)).trim();
      if (text.startsWith(`${name}${separator}`)) return text.slice(name.length + separator.length).trim();
    }
  }
  return text;
}

const rows = [];
for (const name of readdirSync(PAGES_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
  if (only && !only.has(name)) continue;
  const dir = join(PAGES_DIR, name);
  const meta = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8'));
  const reference = htmlText(readFileSync(join(dir, 'expected.html'), 'utf8'));
  const row = { name, readerable: meta.readerable, precision: 0, recall: 0, deck: false, title: false, titleLoose: false, error: undefined };
  try {
    const path = join(dir, 'source.html');
    const article = await parseArticle(await readSource(path));
    const view = readerViewOf(path, article);
    const text = view.sections.flatMap((section) => [section.heading ?? '', ...section.paragraphs]).join('\n');
    Object.assign(row, shingleScores(text, reference));
    row.ours = view.title;
    row.author = view.author !== undefined;
    row.title = collapse(view.title) === collapse(meta.title);
    row.titleLoose = row.title || collapse(view.title) === withoutSiteName(meta.title, meta.siteName);
    condense(article, await syntaxFor(article));
    row.deck = true;
  } catch (error) {
    row.error = String(error?.message ?? error).split('\n', 1)[0];
  }
  row.expectedTitle = meta.title;
  row.byline = Boolean(meta.byline);
  rows.push(row);
}

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
const precision = mean(rows.map((row) => row.precision));
const recall = mean(rows.map((row) => row.recall));
const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
const readerable = rows.filter((row) => row.readerable);
const count = (list, test) => list.filter(test).length;

if (verbose) {
  for (const row of [...rows].sort((a, b) => a.precision + a.recall - (b.precision + b.recall))) {
    const title = row.title ? '' : `  title ${JSON.stringify(row.ours)} ≠ ${JSON.stringify(row.expectedTitle)}`;
    console.log(`${row.name.padEnd(40)} P ${row.precision.toFixed(2)} R ${row.recall.toFixed(2)}${row.deck ? '' : '  NO DECK'}${row.error ? ` (${row.error})` : ''}${title}`);
  }
  console.log('');
}
console.log(`Web pages read by ringkas against Readability.js's answer (${PAGES_DIR})`);
console.log(`pages ${rows.length}, readerable ${readerable.length}`);
console.log(`shingle F1 ${f1.toFixed(3)} (precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)})`);
console.log(`deck for ${count(readerable, (row) => row.deck)} of ${readerable.length} readerable pages (${count(rows, (row) => row.deck)} of ${rows.length} in all)`);
console.log(`title equal on ${count(rows, (row) => row.title)} of ${rows.length}; equal once a stripped site name is set aside on ${count(rows, (row) => row.titleLoose)} of ${rows.length}`);
console.log(`author found on ${count(rows, (row) => row.author)} pages (Readability finds a byline on ${count(rows, (row) => row.byline)}; both on ${count(rows, (row) => row.author && row.byline)})`);

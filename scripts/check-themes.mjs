#!/usr/bin/env node
/**
 * `npm run check-themes`: runs `ringkas check` — decks fitted in the browser, then measured — over
 * the sample, the test fixtures and 20 articles of the evaluation sets (7 IndoSum, 7 CNN/DM,
 * 6 SciDuet papers) in every theme: the three bundled ones, Marp's default, gaia and uncover, and
 * an institution theme in YAML. Prints one row per theme: decks, slides, overflowing slides, and
 * how much of its height the emptiest and the median content slide fill.
 * A script, not a test: it takes minutes (`--themes a,b` and `--limit n` narrow it).
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadEvalSets } from './eval-data.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);
const argument = (name) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];

/** An institution theme as a user writes it: colours, a footer, an SVG logo that is not 2.4:1. */
const INSTITUTION_YAML = `extends: institution
colors:
  primary: "#003366"
  accent: "#f2a900"
footer: "Fakultas Ilmu Sosial dan Ilmu Politik · Universitas Contoh"
logo: logo.svg
`;
const LOGO_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="100" viewBox="0 0 120 100"><rect width="120" height="100" fill="#003366"/><circle cx="60" cy="50" r="34" fill="#f2a900"/></svg>';

/** Writes the articles to check into a new folder; returns it. */
export async function writeArticles(limit = 20) {
  const dir = await mkdtemp(join(tmpdir(), 'ringkas-check-themes-'));
  const articles = join(dir, 'articles');
  await mkdir(articles);
  await copyFile(join(ROOT, 'source', 'aliansi-keamanan-internasional.txt'), join(articles, 'aliansi-keamanan-internasional.txt'));
  const fixtures = join(ROOT, 'test', 'fixtures');
  for (const name of await readdir(fixtures)) {
    for (const file of await readdir(join(fixtures, name))) if (file !== 'expected.json') await copyFile(join(fixtures, name, file), join(articles, file));
  }
  const sets = loadEvalSets();
  const quota = { 'IndoSum (id)': 7, 'CNN/DM (en)': 7, 'SciDuet-ACL (en)': 6 };
  const picked = sets.flatMap((set) => set.items.slice(0, quota[set.name] ?? 0)).slice(0, limit);
  for (const item of picked) await writeFile(join(articles, item.source.path), item.source.text);
  await writeFile(join(dir, 'kampus.yml'), INSTITUTION_YAML);
  await writeFile(join(dir, 'logo.svg'), LOGO_SVG);
  return { dir, articles, count: 1 + (await readdir(fixtures)).length + picked.length };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)];
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const themes = argument('themes')?.split(',') ?? ['ringkas', 'briefing', 'institution', 'default', 'gaia', 'uncover', 'kampus.yml'];
  const { dir, articles, count } = await writeArticles(Number(argument('limit') ?? 20));
  console.log(`${count} articles in ${articles}`);
  console.log('| theme | decks | slides | overflowing | content slides under 60% | emptiest | median |');
  console.log('|---|---|---|---|---|---|---|');
  for (const theme of themes) {
    const { stdout } = await run(process.execPath, [join(ROOT, 'dist', 'bundle', 'bin.js'), 'check', articles, '--theme', theme, '--json', '--concurrency', '2'], { cwd: dir, maxBuffer: 64 << 20 }).catch((error) => error);
    const report = JSON.parse(stdout);
    const decks = report.decks.filter((deck) => !deck.error);
    // Fill counts on content-like slides: the title slide is meant to be airy.
    const fills = decks.flatMap((deck) => (deck.fill ?? []).slice(1));
    const overflowing = decks.reduce((sum, deck) => sum + deck.overflows.length, 0);
    const slides = decks.reduce((sum, deck) => sum + (deck.slides ?? 0), 0);
    const errors = report.decks.filter((deck) => deck.error).map((deck) => deck.error);
    console.log(
      `| ${theme} | ${decks.length} | ${slides} | ${overflowing} | ${fills.filter((fill) => fill < 0.6).length} of ${fills.length} | ${Math.min(...fills).toFixed(2)} | ${median(fills).toFixed(2)} |${errors.length ? ` errors: ${errors.join('; ')}` : ''}`,
    );
    for (const deck of decks) for (const overflow of deck.overflows) console.log(`  overflow ${theme}: ${deck.input} slide ${overflow.slide} "${overflow.title}" ${JSON.stringify(overflow)}`);
  }
}

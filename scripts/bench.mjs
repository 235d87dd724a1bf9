#!/usr/bin/env node
/**
 * `npm run bench`: ringkas's speed, measured side by side in one run, printed as one table of
 * medians after a warm-up. Not a test: the figures depend on the machine; compare the ratios.
 *
 * 1. stages in-process on the bundled sample: parse, condense, serialize, HTML render;
 * 2. scaling: synthetic articles of 10 KB–5 MB (the sample's paragraphs, deterministically
 *    reordered, a heading every four paragraphs): parse + condense time and peak memory, each size
 *    in a fresh process;
 * 3. one deck to PDF + PPTX: `ringkas build` versus marp-cli making the same two files from
 *    ringkas's Markdown (two runs: marp-cli writes one format per run);
 * 4. 20 articles to PDF: one ringkas run versus one marp-cli run over the 20 Markdown files (its
 *    default parallelism) versus 20 separate ringkas runs;
 * 5. `ringkas build --format md,html` of the sample: wall time, and whether a browser module loaded.
 * 2b. the syntax stage's speed in tokens per second (tokenise, tag, parse; the model already loaded).
 * 2c. hostile inputs: each of scripts/adversarial-inputs.mjs at 1 MB through `ringkas build --format
 *    md` (built or refused), and a 20 MB article of one paragraph; wall time and peak memory.
 *
 * RUNS (default 5) sets the runs per measurement; BENCH_SKIP=e2e,batch skips the slow parts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { condense } from '../dist/condense/index.js';
import { parseArticle } from '../dist/parse/index.js';
import { syntaxFor } from '../dist/pipeline.js';
import { findBrowser } from '../dist/render/browser/finder.js';
import { adversarialInputs } from './adversarial-inputs.mjs';
import { deckDocument } from '../dist/render/marp.js';
import { serializeDeck } from '../dist/serialize/index.js';
import { markdownSettings, resolveTheme } from '../dist/themes/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'dist', 'bundle', 'bin.js');
const MARP = join(ROOT, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js');
const SAMPLE = join(ROOT, 'source', 'aliansi-keamanan-internasional.txt');
const RUNS = Number(process.env.RUNS ?? 5);
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const rows = [];
const row = (section, what, value, unit, note = '') => {
  rows.push({ section, what, value, unit, note });
  console.error(`  ${section} · ${what}: ${typeof value === 'number' ? value.toFixed(value < 10 ? 2 : 0) : value} ${unit} ${note}`);
};

/** Median wall time of `fn` over RUNS runs after one warm-up (ms). */
function timed(fn, runs = RUNS) {
  fn();
  const times = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Median time of an async `fn` over `runs` runs after one warm-up (ms). */
async function timedAsync(fn, runs = RUNS) {
  await fn();
  const times = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Runs a command and returns its wall time (ms); throws on failure. */
function wall(command, args, env = {}) {
  const start = performance.now();
  const result = spawnSync(command, args, { env: { ...process.env, CI: 'true', ...env }, encoding: 'utf8' });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return elapsed;
}

const work = mkdtempSync(join(tmpdir(), 'ringkas-bench-'));
const sampleText = readFileSync(SAMPLE, 'utf8');

// 1. Stages in-process.
{
  const source = { path: SAMPLE, text: sampleText, kind: 'text' };
  const theme = await resolveTheme('ringkas');
  const article = await parseArticle(source);
  const parser = await syntaxFor(article);
  const deck = condense(article, parser);
  const results = {
    parse: await timedAsync(() => parseArticle(source), 20),
    condense: timed(() => condense(article, parser), 20),
    serialize: timed(() => serializeDeck(deck, markdownSettings(theme)), 20),
    'HTML render (marp-core, presentable)': timed(() => deckDocument(deck, theme, 'present'), 20),
  };
  for (const [stage, ms] of Object.entries(results)) row('1 stages (sample)', stage, ms, 'ms');
  row('1 stages (sample)', 'parse + condense', results.parse + results.condense, 'ms', '(target < 30)');
}

// 2. Scaling, each size in its own process so that peak memory is that size's alone.
{
  const paragraphs = sampleText.split('\n').filter((line) => line.length > 80);
  const child = join(work, 'scale-child.mjs');
  writeFileSync(
    child,
    `import { readFileSync } from 'node:fs';
import { parseArticle } from ${JSON.stringify(join(ROOT, 'dist', 'parse', 'index.js'))};
import { condense } from ${JSON.stringify(join(ROOT, 'dist', 'condense', 'index.js'))};
import { syntaxFor } from ${JSON.stringify(join(ROOT, 'dist', 'pipeline.js'))};
const text = readFileSync(process.argv[2], 'utf8');
const start = performance.now();
const article = await parseArticle({ path: 'synthetic.txt', text, kind: 'text' });
condense(article, await syntaxFor(article));
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
`,
  );
  const perKb = {};
  for (const [label, bytes] of [['10 KB', 10e3], ['100 KB', 100e3], ['1 MB', 1e6], ['5 MB', 5e6]]) {
    let text = '';
    let section = 0;
    let state = 7;
    while (Buffer.byteLength(text) < bytes) {
      section += 1;
      text += `Bagian ${section} Kajian Keamanan Kawasan\n\n`;
      for (let index = 0; index < 4; index += 1) {
        state = (state * 1103515245 + 12345) % 2147483648;
        text += `${paragraphs[state % paragraphs.length]}\n\n`;
      }
    }
    const file = join(work, `synthetic-${bytes}.txt`);
    writeFileSync(file, text);
    const runs = [];
    for (let run = 0; run < Math.max(3, Math.min(RUNS, 5)); run += 1) runs.push(JSON.parse(execFileSync(process.execPath, [child, file], { encoding: 'utf8' })));
    const ms = median(runs.map((result) => result.ms));
    const rss = median(runs.map((result) => result.maxRssMb));
    perKb[label] = ms / (Buffer.byteLength(text) / 1000);
    row('2 scaling', `${label} parse + condense`, ms, 'ms', `peak ${rss.toFixed(0)} MB, ${perKb[label].toFixed(2)} ms/KB`);
  }
  row('2 scaling', 'ms/KB at 5 MB ÷ ms/KB at 100 KB', perKb['5 MB'] / perKb['100 KB'], '×', '(target ≤ 2)');
}

// 2b. Syntax: tokenise + tag + parse, in tokens per second, once the model is loaded: the sample's
// sentences (Indonesian) and, where ../shared/treebanks is present, en_ewt-ud-test's sentences.
{
  const { loadSyntax } = await import('../dist/syntax/index.js');
  const { existsSync } = await import('node:fs');
  const article = await parseArticle({ path: SAMPLE, text: sampleText, kind: 'text' });
  // The sample is short: ten rounds of its sentences make a run long enough to time.
  const sampleSentences = article.sections.flatMap((section) => section.paragraphs.flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.text)));
  const sets = [['id', 'sample ×10', Array.from({ length: 10 }, () => sampleSentences).flat()]];
  const ewt = join(ROOT, '..', 'shared', 'treebanks', 'en_ewt-ud-test.conllu');
  if (existsSync(ewt)) sets.push(['en', 'en_ewt-ud-test', readFileSync(ewt, 'utf8').split('\n').filter((line) => line.startsWith('# text = ')).map((line) => line.slice(9))]);
  for (const [lang, name, sentences] of sets) {
    const loadStart = performance.now();
    const syntax = await loadSyntax(lang);
    const loadMs = performance.now() - loadStart;
    const tokens = sentences.reduce((sum, sentence) => sum + syntax.parseSentence(sentence).length, 0);
    const ms = timed(() => sentences.forEach((sentence) => syntax.parseSentence(sentence)), RUNS);
    row('2b syntax', `tokenise + tag + parse, ${name} (${lang}, ${tokens} tokens)`, tokens / (ms / 1000), 'tokens/s', `(target ≥ 20000; model load ${loadMs.toFixed(0)} ms)`);
  }
}

// 2c. Hostile inputs, each built alone by the CLI (the time a user waits, peak memory of that run).
if (!SKIP.has('hostile')) {
  const dir = join(work, 'hostile');
  mkdirSync(dir, { recursive: true });
  // A preload that writes the run's peak memory when it exits (its own, as a user's run would be).
  const peakFile = join(dir, 'peak.json');
  const preload = join(dir, 'peak.cjs');
  writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(peakFile)}, String(process.resourceUsage().maxRSS / 1024)));\n`);
  /** Wall time (ms) and peak memory (MB) of one `ringkas build --format md` of `name`. */
  const build = (name) => {
    const start = performance.now();
    spawnSync(process.execPath, ['--require', preload, BIN, 'build', name, '--format', 'md', '--out', 'out', '--quiet'], { cwd: dir, stdio: 'ignore' });
    return { ms: performance.now() - start, rssMb: Number(readFileSync(peakFile, 'utf8')) };
  };
  let slowest = { ms: 0, rssMb: 0, name: '' };
  for (const input of adversarialInputs(1024 * 1024)) {
    writeFileSync(join(dir, input.name), input.text);
    const result = build(input.name);
    if (result.ms > slowest.ms) slowest = { ...result, name: input.name };
  }
  row('2c hostile inputs', `slowest of ${adversarialInputs(0).length} 1 MB inputs (${slowest.name})`, slowest.ms, 'ms', `peak ${slowest.rssMb.toFixed(0)} MB (target < 10000)`);
  const paragraph = 'Pemerintah menetapkan kebijakan baru untuk meningkatkan mutu pendidikan di daerah terpencil. ';
  writeFileSync(join(dir, 'one-paragraph-20mb.txt'), paragraph.repeat(Math.floor(20e6 / paragraph.length) - 10));
  const big = build('one-paragraph-20mb.txt');
  row('2c hostile inputs', '20 MB article of one paragraph', big.ms, 'ms', `peak ${big.rssMb.toFixed(0)} MB (target < 60000, < 1024 MB)`);
}

// The browser both tools use: the one ringkas finds (Chrome, Chromium, or the bundled Chromium).
const browser = (await findBrowser()).path;

// 3. One deck, PDF + PPTX.
if (!SKIP.has('e2e')) {
  const out = join(work, 'e2e');
  const ringkas = [];
  const marp = [];
  execFileSync(process.execPath, [BIN, 'build', SAMPLE, '--out', out, '--format', 'md', '--quiet']);
  const markdown = join(out, 'aliansi-keamanan-internasional.md');
  const marpArgs = (format) => [MARP, '--no-config-file', '--theme-set', join(ROOT, 'themes'), `--${format}`, '-o', join(out, `marp.${format}`), '--', markdown];
  wall(process.execPath, [BIN, 'build', SAMPLE, '--out', out, '--format', 'pdf,pptx', '--quiet']);
  wall(process.execPath, marpArgs('pdf'), { CHROME_PATH: browser });
  for (let run = 0; run < RUNS; run += 1) {
    ringkas.push(wall(process.execPath, [BIN, 'build', SAMPLE, '--out', out, '--format', 'pdf,pptx', '--quiet']));
    marp.push(wall(process.execPath, marpArgs('pdf'), { CHROME_PATH: browser }) + wall(process.execPath, marpArgs('pptx'), { CHROME_PATH: browser }));
  }
  row('3 one deck, PDF + PPTX', 'ringkas build', median(ringkas), 'ms');
  row('3 one deck, PDF + PPTX', 'marp-cli (pdf run + pptx run)', median(marp), 'ms');
  row('3 one deck, PDF + PPTX', 'ringkas ÷ marp-cli', median(ringkas) / median(marp), '×', '(target ≤ 1.0)');
}

// 4. A batch of 20 articles to PDF.
if (!SKIP.has('batch')) {
  const articles = join(work, 'articles');
  const markdowns = join(work, 'markdown');
  mkdirSync(articles);
  const paragraphs = sampleText.split('\n');
  for (let index = 1; index <= 20; index += 1) {
    // Each article a little different: a rotation of the sample's lines.
    const rotated = [...paragraphs.slice(index % 5), ...paragraphs.slice(0, index % 5)].join('\n');
    writeFileSync(join(articles, `article-${String(index).padStart(2, '0')}.txt`), rotated);
  }
  execFileSync(process.execPath, [BIN, 'build', articles, '--out', markdowns, '--format', 'md', '--quiet']);
  rmSync(join(markdowns, 'index.html'), { force: true });
  const one = [];
  const marp = [];
  const separate = [];
  for (let run = 0; run < Math.min(RUNS, 3); run += 1) {
    one.push(wall(process.execPath, [BIN, 'build', articles, '--out', join(work, 'batch-one'), '--format', 'pdf', '--quiet']));
    marp.push(wall(process.execPath, [MARP, '--no-config-file', '--theme-set', join(ROOT, 'themes'), '--pdf', '-I', markdowns, '-o', join(work, 'batch-marp')], { CHROME_PATH: browser }));
    const start = performance.now();
    for (let index = 1; index <= 20; index += 1) {
      execFileSync(process.execPath, [BIN, 'build', join(articles, `article-${String(index).padStart(2, '0')}.txt`), '--out', join(work, 'batch-separate'), '--format', 'pdf', '--quiet']);
    }
    separate.push(performance.now() - start);
  }
  row('4 batch of 20 to PDF', 'ringkas, one run', median(one), 'ms');
  row('4 batch of 20 to PDF', 'marp-cli, one run', median(marp), 'ms');
  row('4 batch of 20 to PDF', '20 separate ringkas runs', median(separate), 'ms');
  row('4 batch of 20 to PDF', 'ringkas ÷ marp-cli', median(one) / median(marp), '×', '(target ≤ 1.0)');
  row('4 batch of 20 to PDF', '20 separate runs ÷ one run', median(separate) / median(one), '×', '(target ≥ 3)');
}

// 5. Markdown and HTML only: fast, and no browser module loaded.
{
  const hooks = join(work, 'hooks.mjs');
  const watcher = join(work, 'watch-modules.mjs');
  writeFileSync(hooks, `export async function resolve(specifier, context, next) {\n  const result = await next(specifier, context);\n  if (/puppeteer|sparticuz|pptxgenjs|pdf-lib/u.test(result.url)) process.stderr.write('LOADED ' + result.url + '\\n');\n  return result;\n}\n`);
  writeFileSync(watcher, `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${hooks}`)});\n`);
  const out = join(work, 'md-html');
  const times = [];
  let loaded = '';
  const args = [BIN, 'build', SAMPLE, '--out', out, '--format', 'md,html', '--quiet'];
  // Timed as a user runs it: the module watcher's hooks run in a thread of their own and slow
  // every import (by about a third of a second here), so the modules are watched in a run apart.
  for (let run = 0; run <= RUNS; run += 1) {
    const start = performance.now();
    spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (run > 0) times.push(performance.now() - start);
  }
  const watched = spawnSync(process.execPath, ['--import', watcher, ...args], { encoding: 'utf8' });
  loaded += watched.stderr.split('\n').filter((line) => line.startsWith('LOADED')).join('\n');
  row('5 md,html of the sample', 'wall time', median(times), 'ms', '(target < 1000)');
  row('5 md,html of the sample', 'browser or PDF/PPTX module loaded', loaded ? 'yes' : 'no', '', '(target: no)');
}

rmSync(work, { recursive: true, force: true });
console.log(`ringkas bench — medians of ${RUNS} runs after a warm-up; Node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
console.log(`| part | measure | value | note |\n|---|---|---|---|`);
for (const { section, what, value, unit, note } of rows) {
  const shown = typeof value === 'number' ? `${value.toFixed(value < 10 ? 2 : 0)} ${unit}` : value;
  console.log(`| ${section} | ${what} | ${shown} | ${note} |`);
}

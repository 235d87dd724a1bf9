#!/usr/bin/env node
/**
 * `npm run train`: trains the syntax models from the UD treebanks in ../shared/treebanks (read where
 * they lie, never copied), prints held-out accuracy, and writes models/syntax-<lang>.bin.gz.
 *
 * For each language two trainings with the same settings: one on the held-out split's training
 * files, scored on its test files (gold tokenisation, the CoNLL 2018 way); then the shipped one on
 * every file of the language. They run side by side in worker threads, one per core (two at most).
 *
 *   node scripts/train.mjs [--lang id|en] [--treebanks <dir>] [--out <dir>]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const training = await import('../dist/syntax/training/train.js');

if (isMainThread) {
  const { values } = parseArgs({ options: { lang: { type: 'string' }, treebanks: { type: 'string' }, out: { type: 'string' } } });
  const languages = values.lang ? [values.lang] : ['en', 'id'];
  for (const lang of languages) {
    if (!(lang in training.LANGUAGES)) {
      console.error(`error: --lang: expected id or en, got "${lang}"`);
      process.exit(2);
    }
  }
  const treebanks = resolve(values.treebanks ?? join(ROOT, '..', 'shared', 'treebanks'));
  if (!existsSync(treebanks)) {
    console.error(`error: ${treebanks}: no treebanks folder; put the UD files there (see its README) or give --treebanks <dir>`);
    process.exit(1);
  }
  const out = resolve(values.out ?? join(ROOT, 'models'));
  mkdirSync(out, { recursive: true });

  const started = performance.now();
  const jobs = languages.flatMap((lang) => [
    { lang, phase: 'held-out' },
    { lang, phase: 'shipped' },
  ]);
  const results = new Map();
  const pool = Math.max(1, Math.min(2, availableParallelism()));
  let next = 0;
  const runNext = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      results.set(`${job.lang} ${job.phase}`, await runWorker({ ...job, treebanks }));
    }
  };
  await Promise.all(Array.from({ length: pool }, runNext));

  const rows = [];
  let total = 0;
  for (const lang of languages) {
    const heldOut = results.get(`${lang} held-out`);
    const shipped = results.get(`${lang} shipped`);
    const header = training.modelHeader(lang, shipped.files, heldOut.scores);
    const bytes = training.modelBytes(header, shipped.parts);
    const file = join(out, `syntax-${lang}.bin.gz`);
    writeFileSync(file, bytes);
    total += bytes.length;
    const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
    const { words, upos, uas, las } = heldOut.scores;
    rows.push(`| ${lang} | ${training.LANGUAGES[lang].heldOutTrain.join(' + ')} | ${training.LANGUAGES[lang].heldOutTest.join(' + ')} | ${words} | ${upos.toFixed(2)} | ${uas.toFixed(2)} | ${las.toFixed(2)} |`);
    console.log(`${lang}: wrote ${file} (${(bytes.length / 1e6).toFixed(2)} MB, sha256 ${sha256})`);
  }
  console.log('\nHeld-out accuracy, gold tokenisation, punctuation included, LAS on universal relations:\n');
  console.log('| lang | trained on | scored on | words | UPOS | UAS | LAS |\n|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log(`\nmodels: ${(total / 1e6).toFixed(2)} MB in all; ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (total > 10e6) {
    console.error('error: the models together are larger than 10 MB; raise minUpdates or parserStep in SETTINGS');
    process.exit(1);
  }
} else {
  const { lang, phase, treebanks } = workerData;
  const log = (line) => parentPort.postMessage({ log: `${lang} ${phase}: ${line}` });
  const { sentences, files } = training.readLanguage(lang, treebanks);
  const { heldOutTrain, heldOutTest } = training.LANGUAGES[lang];
  if (phase === 'held-out') {
    const parts = training.trainModel(heldOutTrain.flatMap((file) => sentences.get(file)), training.SETTINGS, log);
    const provisional = training.modelHeader(lang, files, { words: 0, upos: 0, uas: 0, las: 0 });
    const scores = training.evaluate(training.modelBytes(provisional, parts), heldOutTest.flatMap((file) => sentences.get(file)));
    log(`UPOS ${scores.upos.toFixed(2)}, UAS ${scores.uas.toFixed(2)}, LAS ${scores.las.toFixed(2)} on ${scores.words} words`);
    parentPort.postMessage({ result: { scores } });
  } else {
    const parts = training.trainModel([...sentences.values()].flat(), training.SETTINGS, log);
    parentPort.postMessage({ result: { files, parts } });
  }
}

/** Runs one training job in a worker thread and resolves to its result. */
function runWorker(data) {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: data });
    let result;
    worker.on('message', (message) => {
      if (message.log) console.log(message.log);
      if (message.result) result = message.result;
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 && result ? resolvePromise(result) : reject(new Error(`${data.lang} ${data.phase}: training stopped (exit code ${code})`))));
  });
}

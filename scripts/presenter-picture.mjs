#!/usr/bin/env node
/**
 * `npm run presenter-picture`: builds the bundled sample's HTML deck (with a PDF, so that the slides
 * are fitted in the browser as a full build fits them) and takes a picture of its presenter view
 * (current slide, next slide, speaker notes) in the browser, for the README: docs/presenter-view.png.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { build } from '../dist/build.js';
import { findBrowser } from '../dist/render/browser/finder.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = await mkdtemp(join(tmpdir(), 'ringkas-presenter-'));
const report = await build({ inputs: [join(ROOT, 'source', 'aliansi-keamanan-internasional.txt')], out, formats: ['md', 'html', 'pdf'], cwd: ROOT });
if (report.exitCode !== 0) throw new Error(report.error ?? 'the sample did not build');
const browser = await puppeteer.launch({ executablePath: (await findBrowser()).path, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  // The first content slide: the title slide has no notes.
  await page.goto(`${pathToFileURL(join(out, 'aliansi-keamanan-internasional.html')).href}?view=presenter#3`, { waitUntil: 'load' });
  const next = page.frames().find((frame) => frame.url().includes('view=next'));
  await next?.waitForFunction(() => document.querySelector('.bespoke-marp-active section')?.id === '4');
  // The clock and the timer change every second: freeze them, so that the picture only changes with the deck.
  await page.evaluate(() => {
    for (const element of document.querySelectorAll('.bespoke-marp-presenter-info-time, .bespoke-marp-presenter-info-timer')) element.style.visibility = 'hidden';
  });
  await page.screenshot({ path: join(ROOT, 'docs', 'presenter-view.png') });
  console.log('docs/presenter-view.png');
} finally {
  await browser.close();
}

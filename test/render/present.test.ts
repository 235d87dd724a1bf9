import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/render/browser/finder.js';
import { SAMPLE, runBin, tempDir } from '../helpers.js';
// @ts-expect-error -- a plain ES module script without types
import { extractBespokeTemplate, templateModule } from '../../scripts/bespoke-template.mjs';

const NAME = 'aliansi-keamanan-internasional';

/** The speaker notes of each slide, as the Markdown holds them (one HTML comment after the bullets). */
function markdownNotes(markdown: string): string[] {
  return markdown
    .replace(/^---\n[\s\S]*?\n---\n/u, '')
    .split(/^---$/mu)
    .map((slide) => /<!--\n([\s\S]*?)\n-->/u.exec(slide)?.[1]?.trim() ?? '');
}

/**
 * The HTML deck as a lecturer opens it from disk in Chromium: it presents (keys, URL, presenter
 * view with notes and the next slide), and nothing it does leaves the page.
 */
describe('the presentable HTML deck', () => {
  let out: string;
  let url: string;
  let notes: string[];
  let browser: Browser;
  /** Every URL any page asked for that is neither a data: URL nor the deck's own file. */
  const outside: string[] = [];

  beforeAll(async () => {
    out = await tempDir();
    const result = await runBin(['build', SAMPLE, '--out', out, '--format', 'md,html']);
    expect(result.code, result.stderr).toBe(0);
    url = pathToFileURL(join(out, `${NAME}.html`)).href;
    notes = markdownNotes(await readFile(join(out, `${NAME}.md`), 'utf8'));
    const { default: puppeteer } = await import('puppeteer-core');
    browser = await puppeteer.launch({ executablePath: (await findBrowser()).path, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(address: string): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    page.on('request', (request) => {
      const requested = request.url();
      if (!requested.startsWith('data:') && requested.split(/[?#]/u)[0] !== url) outside.push(requested);
    });
    await page.goto(address, { waitUntil: 'load' });
    return page;
  }

  const activeSlide = (page: Page) => page.evaluate(() => document.querySelector('.bespoke-marp-active section')?.id);

  it('moves to slide 2 on ArrowRight, and the URL says so', async () => {
    const page = await open(url);
    expect(await activeSlide(page)).toBe('1');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.hash === '#2');
    expect(await activeSlide(page)).toBe('2');
    // A click on the "next" control moves on too.
    await page.click('[data-bespoke-marp-osc="next"]');
    await page.waitForFunction(() => location.hash === '#3');
    await page.close();
  });

  it("shows a slide's notes and the next slide in the presenter view", async () => {
    const first = notes.findIndex((text) => text !== '');
    expect(first).toBeGreaterThan(0);
    const page = await open(`${url}?view=presenter#${first + 1}`);
    const shown = await page.$eval('.bespoke-marp-presenter-note-container .bespoke-marp-note.active', (note) => note.textContent ?? '');
    expect(shown.replace(/\s+/gu, ' ').trim()).toBe(notes[first]!.replace(/\s+/gu, ' '));
    // The next slide, in a frame of the same file, is the one after.
    const next = page.frames().find((frame) => frame.url().includes('view=next'));
    expect(next).toBeDefined();
    await next!.waitForFunction((slide: string) => document.querySelector('.bespoke-marp-active section')?.id === slide, {}, String(first + 2));
    // The presenter view's own navigation moves the notes on.
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((index: number) => document.querySelector('.bespoke-marp-note.active')?.getAttribute('data-index') === String(index), {}, first + 1);
    await page.close();
  });

  it('loads nothing from outside the file', () => {
    expect(outside).toEqual([]);
  });

  it('runs no script but its own: one added to the file is refused by its policy', async () => {
    const html = await readFile(join(out, `${NAME}.html`), 'utf8');
    const forged = join(out, 'forged.html');
    await writeFile(forged, html.replace('</body>', '<script>document.title = "forged"</script></body>'));
    const page = await browser.newPage();
    await page.goto(pathToFileURL(forged).href, { waitUntil: 'load' });
    expect(await page.title()).not.toBe('forged');
    // The deck's own scripts still ran: it is a presentation.
    expect(await page.evaluate(() => document.querySelector('.bespoke-marp-parent') !== null)).toBe(true);
    await page.close();
  });

  it('is the same, byte for byte, when built again', async () => {
    const again = await tempDir();
    const result = await runBin(['build', SAMPLE, '--out', again, '--format', 'md,html']);
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(join(again, `${NAME}.html`))).toEqual(await readFile(join(out, `${NAME}.html`)));
  });
});

describe("marp-cli's bespoke template", () => {
  it('is what the installed marp-cli writes (npm run bespoke updates it)', async () => {
    const committed = await readFile(new URL('../../src/render/bespoke-template.ts', import.meta.url), 'utf8');
    expect(templateModule(await extractBespokeTemplate())).toBe(committed);
  });
});

import type { Page } from 'puppeteer-core';
import type { BrowserSession } from './browser/manager.js';

/** Pictures of the slides, all of one size. */
export interface SlideImages {
  /** Slide size in CSS pixels, from the theme. */
  width: number;
  height: number;
  /** One PNG per slide, in order. */
  pngs: Uint8Array[];
}

/**
 * Takes a picture of every slide of the deck's HTML document in the shared browser. The page is laid
 * out with print styles, where Marp sizes each slide to exactly the viewport.
 */
export async function renderSlideImages(session: BrowserSession, document: string, scale = 2): Promise<SlideImages> {
  return withPageAtSlideSize(session, document, scale, async (page, width, height) => {
    const slides = await page.$$('svg[data-marpit-svg]');
    const pngs: Uint8Array[] = [];
    for (const slide of slides) pngs.push(await slide.screenshot({ type: 'png' }));
    return { width, height, pngs };
  });
}

/**
 * Runs `work` on a page of the shared browser with the deck laid out for print at the theme's
 * slide size (from the slides' viewBox), where every slide fills the viewport exactly.
 */
export async function withPageAtSlideSize<T>(session: BrowserSession, document: string, scale: number, work: (page: Page, width: number, height: number) => Promise<T>): Promise<T> {
  return session.withPage(async (page) => {
    await page.setContent(document, { waitUntil: 'load' });
    const viewBox = await page.$eval('svg[data-marpit-svg]', (svg) => svg.getAttribute('viewBox') ?? '');
    const [, , width = 1280, height = 720] = viewBox.split(/\s+/u).map(Number);
    await page.setViewport({ width, height, deviceScaleFactor: scale });
    await page.emulateMediaType('print');
    return await work(page, width, height);
  });
}

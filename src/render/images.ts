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
  const { page, width, height } = await openAtSlideSize(session, document, scale);
  try {
    const slides = await page.$$('svg[data-marpit-svg]');
    const pngs: Uint8Array[] = [];
    for (const slide of slides) pngs.push(await slide.screenshot({ type: 'png' }));
    return { width, height, pngs };
  } finally {
    await page.close();
  }
}

/**
 * A page of the shared browser with the deck laid out for print at the theme's slide size (from
 * the slides' viewBox), where every slide fills the viewport exactly. The caller closes the page.
 */
export async function openAtSlideSize(session: BrowserSession, document: string, scale = 1): Promise<{ page: Page; width: number; height: number }> {
  const page = await session.newPage();
  try {
    await page.setContent(document, { waitUntil: 'load' });
    const viewBox = await page.$eval('svg[data-marpit-svg]', (svg) => svg.getAttribute('viewBox') ?? '');
    const [, , width = 1280, height = 720] = viewBox.split(/\s+/u).map(Number);
    await page.setViewport({ width, height, deviceScaleFactor: scale });
    await page.emulateMediaType('print');
    return { page, width, height };
  } catch (error) {
    await page.close();
    throw error;
  }
}

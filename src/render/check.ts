import type { BrowserSession } from './browser/manager.js';
import { openAtSlideSize } from './images.js';

/** A slide whose content does not fit its box, as the browser laid it out. */
export interface SlideOverflow {
  /** 1-based slide number. */
  slide: number;
  title: string;
  /** Pixels past the bottom of the content box (inside the padding). */
  bottom: number;
  /** Pixels past the right edge of the content box. */
  right: number;
}

/** Overflow smaller than this is sub-pixel rounding, not content that is cut off. */
const TOLERANCE_PX = 1;

/**
 * Lays the deck out in the shared browser at its slide size and measures, on every slide, how far
 * the content reaches past the content box (the slide minus its padding). Marp cuts off what does
 * not fit without a word, so this is the only way to know. Header and footer, which themes place
 * in the padding, are not content.
 */
export async function measureOverflow(session: BrowserSession, document: string): Promise<SlideOverflow[]> {
  const { page } = await openAtSlideSize(session, document);
  try {
    const measured = await page.$$eval('svg[data-marpit-svg] > foreignObject > section', (sections) =>
      sections.map((section) => {
        const box = section.getBoundingClientRect();
        const style = getComputedStyle(section);
        const limitBottom = box.bottom - parseFloat(style.paddingBottom);
        const limitRight = box.right - parseFloat(style.paddingRight);
        let bottom = 0;
        let right = 0;
        for (const element of Array.from(section.querySelectorAll('*'))) {
          if (element.closest('header, footer')) continue;
          const rect = element.getBoundingClientRect();
          if (rect.width === 0 && rect.height === 0) continue;
          bottom = Math.max(bottom, rect.bottom - limitBottom);
          right = Math.max(right, rect.right - limitRight);
          // Text wider than its own box (a long word or URL that did not wrap).
          if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'visible') {
            right = Math.max(right, element.scrollWidth - element.clientWidth);
          }
        }
        return { title: (section.querySelector('h1, h2')?.textContent ?? '').trim(), bottom, right };
      }),
    );
    return measured
      .map((slide, index) => ({ slide: index + 1, title: slide.title, bottom: Math.ceil(Math.max(0, slide.bottom)), right: Math.ceil(Math.max(0, slide.right)) }))
      .filter((slide) => slide.bottom > TOLERANCE_PX || slide.right > TOLERANCE_PX);
  } finally {
    await page.close();
  }
}

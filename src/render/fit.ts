import { FIT_SCALES, FIT_SPACINGS, type Deck, type Slide, type SlideKind } from '../model.js';
import { continueSlide } from '../replan.js';
import { ALL_FITS, fitClass, fitStyle, spaceClass } from '../serialize/fit.js';
import type { Theme } from '../themes/index.js';
import type { BrowserSession } from './browser/manager.js';
import { withPageAtSlideSize } from './images.js';
import { deckDocument } from './marp.js';

/** A slide as the browser laid it out. */
export interface SlideMeasure {
  /** 1-based slide number. */
  slide: number;
  title: string;
  /** Pixels past the bottom of the content box (the slide inside its padding). */
  bottom: number;
  /** Pixels past the right edge of the content box. */
  right: number;
  /** Pixels above the top of the content box (themes that centre the content overflow both ways). */
  top: number;
  /** How much of the content box's height the content spans, from its top to its bottom (0–1). */
  fill: number;
}

/** Overflow smaller than this is sub-pixel rounding, not content that is cut off. */
const TOLERANCE_PX = 1;

/**
 * A slide's text is made larger while the slide spans at most {@link FILL_HIGH} of its height
 * (and fits), up to the largest size; a slide that still spans less than {@link FILL_LOW} then gets
 * more space between its bullets, up to the same bound.
 */
const FILL_LOW = 0.6;
const FILL_HIGH = 0.8;

/** Slides that are not made larger to fill their box: the title slide, and the sources slide, a credit that should stay quiet. */
const STEADY_KINDS: readonly SlideKind[] = ['title', 'sources'];

/**
 * Each slide's own section, one per slide: a slide with a background picture (a figure slide) has
 * two more, which Marp draws behind and over it, that are not slides.
 */
const SLIDE_SECTIONS = 'svg[data-marpit-svg] > foreignObject > section:not([data-marpit-advanced-background="background"], [data-marpit-advanced-background="pseudo"])';

/** How often a deck is measured and re-planned at most; each round splits every slide that needs it. */
const MAX_ROUNDS = 6;

/** What the page reports for one slide: its measure at the size chosen, and how many bullets fit at the theme's size. */
interface PageFit {
  title: string;
  bottom: number;
  right: number;
  top: number;
  fill: number;
  scale: number;
  spacing?: number;
  /** Set when the slide overflows even at the smallest size: the bullets that fit at the theme's size. */
  keep?: number;
}

interface SearchSettings {
  scales: readonly number[];
  classes: readonly string[];
  spacings: readonly number[];
  spaceClasses: readonly string[];
  search: boolean;
  fillLow: number;
  fillHigh: number;
  tolerance: number;
  /** Classes of the slides that keep the theme's size unless they overflow ({@link STEADY_KINDS}). */
  steady: readonly string[];
}

/**
 * Runs in the page, on every slide (`section`): measures how far the content reaches past the
 * content box and how much of its height it spans; with `search`, tries the fitted sizes (by
 * their classes) — smaller ones for a slide that overflows, larger ones and then more space between
 * the bullets for a mostly empty one — and leaves the slide at the size it chose. Header and footer, which themes place in the padding,
 * are not content. Self-contained: puppeteer sends its source to the page.
 */
function searchInPage(sections: Element[], settings: SearchSettings): PageFit[] {
  const measure = (section: Element) => {
    const box = section.getBoundingClientRect();
    const style = getComputedStyle(section);
    const limitTop = box.top + parseFloat(style.paddingTop);
    const limitBottom = box.bottom - parseFloat(style.paddingBottom);
    const limitRight = box.right - parseFloat(style.paddingRight);
    let bottom = 0;
    let right = 0;
    let top = 0;
    let lowest = limitTop;
    let highest = limitBottom;
    for (const element of Array.from(section.querySelectorAll('*'))) {
      if (element.closest('header, footer')) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      bottom = Math.max(bottom, rect.bottom - limitBottom);
      right = Math.max(right, rect.right - limitRight);
      top = Math.max(top, limitTop - rect.top);
      lowest = Math.max(lowest, rect.bottom);
      highest = Math.min(highest, rect.top);
      // Text wider than its own box (a long word or URL that did not wrap).
      if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'visible') {
        right = Math.max(right, element.scrollWidth - element.clientWidth);
      }
    }
    const height = limitBottom - limitTop;
    return { bottom, right, top, fill: height > 0 ? Math.max(0, Math.min(lowest, limitBottom) - Math.max(highest, limitTop)) / height : 0 };
  };
  const fits = (m: ReturnType<typeof measure>) => m.bottom <= settings.tolerance && m.right <= settings.tolerance && m.top <= settings.tolerance;
  const setScale = (section: Element, scale: number) => {
    section.classList.remove(...settings.classes);
    const index = settings.scales.indexOf(scale);
    if (scale !== 1 && index >= 0) section.classList.add(settings.classes[index]!);
  };
  const setSpacing = (section: Element, spacing: number | undefined) => {
    section.classList.remove(...settings.spaceClasses);
    if (spacing !== undefined) section.classList.add(settings.spaceClasses[settings.spacings.indexOf(spacing)]!);
  };
  return sections.map((section) => {
    const title = (section.querySelector('h1, h2')?.textContent ?? '').trim();
    let scale = 1;
    let spacing: number | undefined;
    let keep: number | undefined;
    if (settings.search) {
      setScale(section, 1);
      const natural = measure(section);
      if (!fits(natural)) {
        const smaller = settings.scales.filter((candidate) => candidate < 1).reverse();
        const found = smaller.find((candidate) => {
          setScale(section, candidate);
          return fits(measure(section));
        });
        if (found === undefined) {
          // Not even the smallest size fits: count the bullets that fit at the theme's size.
          setScale(section, 1);
          const items = Array.from(section.querySelectorAll(':scope > ul > li, :scope > ol > li')) as HTMLElement[];
          keep = items.length;
          while (keep > 1 && !fits(measure(section))) {
            keep -= 1;
            items[keep]!.style.display = 'none';
          }
          for (const item of items) item.style.display = '';
          scale = smaller.at(-1) ?? 1;
        } else scale = found;
      } else if (natural.fill < settings.fillHigh && !settings.steady.some((name) => section.classList.contains(name))) {
        for (const candidate of settings.scales.filter((size) => size > 1)) {
          setScale(section, candidate);
          const grown = measure(section);
          if (!fits(grown) || grown.fill > settings.fillHigh) break;
          scale = candidate;
        }
        setScale(section, scale);
        if (measure(section).fill < settings.fillLow) {
          for (const candidate of settings.spacings) {
            setSpacing(section, candidate);
            const spread = measure(section);
            if (!fits(spread) || spread.fill > settings.fillHigh) break;
            spacing = candidate;
          }
          setSpacing(section, spacing);
        }
      }
      setScale(section, scale);
    }
    const final = measure(section);
    return { title, ...final, scale, ...(spacing === undefined ? {} : { spacing }), ...(keep === undefined ? {} : { keep }) };
  });
}

/** Measures (and with `search`, fits) every slide of an HTML document in the shared browser. */
async function layOut(session: BrowserSession, document: string, search: boolean): Promise<PageFit[]> {
  return withPageAtSlideSize(session, document, 1, async (page) => {
    // Every fitted size's rule, so that the page can try them all.
    if (search) await page.addStyleTag({ content: fitStyle(ALL_FITS) });
    const settings: SearchSettings = {
      scales: FIT_SCALES,
      classes: FIT_SCALES.map(fitClass),
      spacings: FIT_SPACINGS,
      spaceClasses: FIT_SPACINGS.map(spaceClass),
      search,
      fillLow: FILL_LOW,
      fillHigh: FILL_HIGH,
      tolerance: TOLERANCE_PX,
      steady: STEADY_KINDS,
    };
    return await page.$$eval(SLIDE_SECTIONS, searchInPage, settings);
  });
}

function toMeasure(fit: PageFit, index: number): SlideMeasure {
  const px = (value: number) => Math.ceil(Math.max(0, value));
  return { slide: index + 1, title: fit.title, bottom: px(fit.bottom), right: px(fit.right), top: px(fit.top), fill: Math.round(fit.fill * 1000) / 1000 };
}

/** Whether a measured slide's content runs past its box. */
export function overflows(slide: SlideMeasure): boolean {
  return slide.bottom > TOLERANCE_PX || slide.right > TOLERANCE_PX || slide.top > TOLERANCE_PX;
}

/**
 * Lays the deck's HTML document out in the shared browser at its slide size and measures every
 * slide: how far its content reaches past its box, and how much of its height it spans. Marp cuts
 * off what does not fit without a word, so this is the only way to know.
 */
export async function measureSlides(session: BrowserSession, document: string): Promise<SlideMeasure[]> {
  return (await layOut(session, document, false)).map(toMeasure);
}

/**
 * Fits a deck to its theme in the browser, for the outputs that run one anyway (PDF, PPTX, PNG,
 * `check`): every slide takes the size at which it neither overflows nor stays mostly empty,
 * within {@link FIT_SCALES} (and, when even the largest leaves it mostly empty, more space between
 * its bullets, within {@link FIT_SPACINGS}); a slide that overflows even at the smallest size has its last
 * bullets moved to a continuation slide ({@link continueSlide}), and the deck is measured again.
 * Deterministic: the same deck, theme and browser give the same sizes and slides.
 */
export async function fitDeck(session: BrowserSession, deck: Deck, theme: Theme): Promise<Deck> {
  let current: Deck = { ...deck, slides: deck.slides.map(({ scale: _, spacing: __, ...slide }) => slide) };
  for (let round = 1; ; round += 1) {
    const fits = await layOut(session, deckDocument(current, theme, 'print'), true);
    const slides = current.slides.map((slide, index): Slide => {
      const { scale = 1, spacing } = fits[index] ?? {};
      return { ...slide, ...(scale === 1 ? {} : { scale }), ...(spacing === undefined ? {} : { spacing }) };
    });
    current = { ...current, slides };
    const splits = fits.flatMap((fit, index) => (fit.keep !== undefined && fit.keep < current.slides[index]!.bullets.length ? [{ index, keep: fit.keep }] : []));
    if (splits.length === 0 || round === MAX_ROUNDS) return current;
    // From the last, so that the earlier indexes still hold.
    for (const { index, keep } of splits.reverse()) current = continueSlide(current, index, keep);
  }
}

import { LANGUAGES } from './lang/index.js';
import type { Deck, Slide } from './model.js';

/**
 * The one planning step ringkas takes after measuring a deck in the browser: a slide whose bullets
 * do not fit its box even at the smallest text size keeps its first `keep` bullets, and the rest
 * move to a continuation slide right after it ("… (lanjutan)" / "… (cont.)"), with their notes
 * when the notes are one per bullet. Everything else the condenser planned stays as it is.
 */
export function continueSlide(deck: Deck, index: number, keep: number): Deck {
  const slide = deck.slides[index];
  if (!slide || keep < 1 || keep >= slide.bullets.length) return deck;
  const { continued } = LANGUAGES[deck.lang].labels;
  const suffix = ` (${continued})`;
  const base = slide.title.endsWith(suffix) ? slide.title.slice(0, -suffix.length) : slide.title;
  // Notes follow their bullets only when there is one per bullet (content and conclusion slides).
  const paired = slide.notes.length === slide.bullets.length;
  const first: Slide = { ...slide, bullets: slide.bullets.slice(0, keep), notes: paired ? slide.notes.slice(0, keep) : slide.notes };
  const rest: Slide = { ...slide, title: `${base}${suffix}`, bullets: slide.bullets.slice(keep), notes: paired ? slide.notes.slice(keep) : [] };
  for (const part of [first, rest]) {
    delete part.scale;
    delete part.spacing;
  }
  return { ...deck, slides: [...deck.slides.slice(0, index), first, rest, ...deck.slides.slice(index + 1)] };
}

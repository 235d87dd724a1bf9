import type { Article, Deck, Slide } from '../model.js';

/**
 * The deck with a slide for each of the article's figures: the picture with its caption as the
 * slide's text (and in the notes), titled by its section's heading, placed after that section's
 * last content slide (or, for a section without one, after the slides of the sections before it).
 * Kept apart from the rest of the condense stage: it adds slides and changes none.
 */
export function withFigureSlides(deck: Deck, article: Article): Deck {
  const figures = article.figures ?? [];
  if (figures.length === 0) return deck;
  const slides = [...deck.slides];
  // In order: a figure goes after the slides of its section, and after the figures before it.
  for (const figure of figures) {
    const section = article.sections[figure.section];
    const slide: Slide = {
      kind: 'figure',
      section: figure.section,
      title: section?.heading ?? article.title,
      bullets: [],
      notes: figure.caption === '' ? [] : [figure.caption],
      figure: { src: figure.src, caption: figure.caption },
    };
    slides.splice(insertionPoint(slides, figure.section), 0, slide);
  }
  return { ...deck, slides };
}

/** After the last content (or figure) slide of the section or of a section before it; else after the title and agenda. */
function insertionPoint(slides: readonly Slide[], section: number): number {
  for (let index = slides.length - 1; index >= 0; index -= 1) {
    const slide = slides[index]!;
    if ((slide.kind === 'content' || slide.kind === 'figure') && slide.section !== undefined && slide.section <= section) return index + 1;
  }
  const firstContent = slides.findIndex((slide) => slide.kind !== 'title' && slide.kind !== 'agenda');
  return firstContent < 0 ? slides.length : firstContent;
}

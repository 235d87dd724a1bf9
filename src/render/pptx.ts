import { Buffer } from 'node:buffer';
import type { Deck } from '../model.js';
import type { SlideImages } from './images.js';

type PptxConstructor = new () => import('pptxgenjs').default;

/** PowerPoint measures slides in inches; Marp's CSS pixels are at 96 per inch. */
const PIXELS_PER_INCH = 96;

/**
 * Writes a PPTX with one picture per slide (the look of the rendered deck, exactly) and the deck's
 * speaker notes in each slide's notes page.
 */
export async function renderPptx(deck: Deck, images: SlideImages): Promise<Uint8Array> {
  if (images.pngs.length !== deck.slides.length) {
    throw new Error(`rendered ${images.pngs.length} slides for a deck of ${deck.slides.length}`);
  }
  // pptxgenjs's types describe its CommonJS build; its ES build, which Node loads here, exports
  // the class as the default export.
  const { default: PptxGenJS } = (await import('pptxgenjs')) as unknown as { default: PptxConstructor };
  const pptx = new PptxGenJS();
  const w = images.width / PIXELS_PER_INCH;
  const h = images.height / PIXELS_PER_INCH;
  pptx.defineLayout({ name: 'MARP', width: w, height: h });
  pptx.layout = 'MARP';
  pptx.title = deck.title;
  if (deck.author) pptx.author = deck.author;
  images.pngs.forEach((png, index) => {
    const slide = pptx.addSlide();
    slide.addImage({ data: `data:image/png;base64,${Buffer.from(png).toString('base64')}`, x: 0, y: 0, w, h });
    const notes = deck.slides[index]!.notes;
    if (notes.length > 0) slide.addNotes(notes.join('\n'));
  });
  const output = await pptx.write({ outputType: 'nodebuffer' });
  return output as Uint8Array;
}

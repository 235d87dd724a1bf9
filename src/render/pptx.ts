import { Buffer } from 'node:buffer';
import type { Deck, Slide } from '../model.js';
import type { ThemeStyle } from '../themes/style.js';
import type { SlideImages } from './images.js';
import { xmlEscape, xmlSafe } from './xml.js';

type PptxGenJS = import('pptxgenjs').default;
type PptxConstructor = new () => PptxGenJS;

/** PowerPoint measures slides in inches; Marp's CSS pixels are at 96 per inch. */
const PIXELS_PER_INCH = 96;

/** The 16:9 layout of the editable deck, in inches. */
const WIDTH = 13.333;
const HEIGHT = 7.5;
const MARGIN = 0.6;

async function newPresentation(deck: Deck): Promise<PptxGenJS> {
  // pptxgenjs's types describe its CommonJS build; its ES build, which Node loads here, exports
  // the class as the default export.
  const { default: Presentation } = (await import('pptxgenjs')) as unknown as { default: PptxConstructor };
  const pptx = new Presentation();
  pptx.title = deck.title;
  pptx.subject = deck.keywords.join(', ');
  if (deck.author) pptx.author = deck.author;
  return pptx;
}

async function write(pptx: PptxGenJS, deck: Deck): Promise<Uint8Array> {
  return notesAsParagraphs((await pptx.write({ outputType: 'nodebuffer' })) as Uint8Array, deck.lang);
}

/** Language tags for the text runs of the notes, so that spell-checkers use the right dictionary. */
const RUN_LANG: Record<Deck['lang'], string> = { id: 'id-ID', en: 'en-US' };

/**
 * pptxgenjs writes a slide's notes as a single text run with line breaks inside it, which
 * PowerPoint shows as one block; this makes every source sentence a paragraph of its own.
 */
async function notesAsParagraphs(pptx: Uint8Array, lang: Deck['lang']): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(pptx);
  const run = `<a:r><a:rPr lang="${RUN_LANG[lang]}" dirty="0"/><a:t>`;
  for (const name of Object.keys(zip.files).filter((file) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/u.test(file))) {
    const xml = await zip.file(name)!.async('string');
    const split = xml.replace(/<a:r><a:rPr lang="en-US" dirty="0"\/><a:t>([^<]*)<\/a:t><\/a:r>/u, (_, text: string) =>
      text
        .split(/\r?\n/u)
        .map((line) => `${run}${line}</a:t></a:r>`)
        .join('<a:endParaRPr dirty="0"/></a:p><a:p>'),
    );
    zip.file(name, split);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * A PPTX with one picture per slide — the rendered deck, exactly as it looks — and the deck's
 * speaker notes in each slide's notes page. The deck's text loses the characters XML forbids.
 */
export async function renderPptx(source: Deck, images: SlideImages): Promise<Uint8Array> {
  if (images.pngs.length !== source.slides.length) {
    throw new Error(`rendered ${images.pngs.length} slides for a deck of ${source.slides.length}`);
  }
  const deck = xmlSafe(source);
  const pptx = await newPresentation(deck);
  const w = images.width / PIXELS_PER_INCH;
  const h = images.height / PIXELS_PER_INCH;
  pptx.defineLayout({ name: 'MARP', width: w, height: h });
  pptx.layout = 'MARP';
  images.pngs.forEach((png, index) => {
    const slide = pptx.addSlide();
    slide.addImage({ data: `data:image/png;base64,${Buffer.from(png).toString('base64')}`, x: 0, y: 0, w, h });
    const notes = deck.slides[index]!.notes;
    if (notes.length > 0) slide.addNotes(notes.join('\n'));
  });
  return write(pptx, deck);
}

/**
 * An editable PPTX written from the Deck model rather than from pictures: every slide uses a master
 * with real title and body placeholders, bullets are bulleted paragraphs of text, the notes are the
 * speaker notes, and colours, fonts and logo are the theme's. PowerPoint, Impress and Keynote can
 * edit every word of it. The deck's text loses the characters XML forbids.
 */
export async function renderEditablePptx(source: Deck, style: ThemeStyle): Promise<Uint8Array> {
  const deck = xmlSafe(source);
  const pptx = await newPresentation(deck);
  pptx.layout = 'LAYOUT_WIDE';
  defineMasters(pptx, style);
  for (const slide of deck.slides) addEditableSlide(pptx, slide);
  return write(pptx, deck);
}

/** pptxgenjs wants colours without the "#". */
const hex = (color: string) => color.replace(/^#/u, '');

function defineMasters(pptx: PptxGenJS, style: ThemeStyle): void {
  const { colors } = style;
  // pptxgenjs escapes text but writes a font face into its typeface attributes as it is.
  const fonts = { heading: xmlEscape(style.fonts.heading), body: xmlEscape(style.fonts.body) };
  // The logo sits in the top-right corner of every slide, scaled to fit its box.
  const logo = style.logo
    ? [{ image: { x: WIDTH - 2.1, y: 0.2, w: 1.7, h: 0.7, data: `${style.logo.mime};base64,${style.logo.base64}`, sizing: { type: 'contain' as const, w: 1.7, h: 0.7 } } }]
    : [];
  pptx.defineSlideMaster({
    title: 'RINGKAS_TITLE',
    background: { color: hex(colors.background) },
    objects: [
      { rect: { x: 0, y: 0, w: 0.3, h: HEIGHT, fill: { color: hex(colors.primary) } } },
      {
        placeholder: {
          options: { name: 'title', type: 'title', x: 1, y: 2, w: WIDTH - 2, h: 1.8, fontFace: fonts.heading, fontSize: 44, bold: true, color: hex(colors.primary), align: 'left', valign: 'bottom' },
          text: '',
        },
      },
      {
        placeholder: {
          options: { name: 'body', type: 'body', x: 1, y: 4, w: WIDTH - 2, h: 2, fontFace: fonts.body, fontSize: 22, color: hex(colors.muted), align: 'left', valign: 'top' },
          text: '',
        },
      },
      ...logo,
    ],
  });
  pptx.defineSlideMaster({
    title: 'RINGKAS_CONTENT',
    background: { color: hex(colors.background) },
    objects: [
      { line: { x: MARGIN, y: 1.35, w: WIDTH - 2 * MARGIN, h: 0, line: { color: hex(colors.accent), width: 3 } } },
      {
        placeholder: {
          options: { name: 'title', type: 'title', x: MARGIN, y: 0.35, w: WIDTH - 2 * MARGIN - (style.logo ? 1.8 : 0), h: 0.95, fontFace: fonts.heading, fontSize: 32, bold: true, color: hex(colors.primary), align: 'left', valign: 'bottom' },
          text: '',
        },
      },
      {
        placeholder: {
          options: { name: 'body', type: 'body', x: MARGIN, y: 1.6, w: WIDTH - 2 * MARGIN, h: HEIGHT - 2.2, fontFace: fonts.body, fontSize: 22, color: hex(colors.text), align: 'left', valign: 'top' },
          text: '',
        },
      },
      ...logo,
    ],
    slideNumber: { x: WIDTH - 1.1, y: HEIGHT - 0.5, w: 0.6, h: 0.3, fontFace: fonts.body, fontSize: 12, color: hex(colors.muted) },
  });
}

function addEditableSlide(pptx: PptxGenJS, slide: Slide): void {
  const isTitle = slide.kind === 'title';
  const page = pptx.addSlide({ masterName: isTitle ? 'RINGKAS_TITLE' : 'RINGKAS_CONTENT' });
  page.addText(slide.title, { placeholder: 'title' });
  const lines = isTitle ? (slide.subtitle ?? []) : slide.bullets;
  if (lines.length > 0) {
    page.addText(
      lines.map((text) => ({ text, options: { bullet: !isTitle, breakLine: true, paraSpaceAfter: isTitle ? 4 : 10 } })),
      { placeholder: 'body' },
    );
  }
  if (slide.figure) {
    // The picture on the right, as in the HTML deck, and its caption where the bullets would be.
    const box = { x: WIDTH / 2, y: 1.6, w: WIDTH / 2 - MARGIN, h: HEIGHT - 2.2 };
    page.addImage({ data: slide.figure.src.replace(/^data:/u, ''), ...box, sizing: { type: 'contain', w: box.w, h: box.h } });
    if (slide.figure.caption) page.addText(slide.figure.caption, { x: MARGIN, y: 1.6, w: WIDTH / 2 - 2 * MARGIN, h: HEIGHT - 2.2, fontSize: 20, valign: 'top' });
  }
  if (slide.notes.length > 0) page.addNotes(slide.notes.join('\n'));
}

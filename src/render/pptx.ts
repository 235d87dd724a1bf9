import { Buffer } from 'node:buffer';
import type { Deck, Slide, SlideKind } from '../model.js';
import { bundledFamily } from '../themes/fonts.js';
import { LAYOUT_METRICS, TYPE, conclusionTint } from '../themes/layouts.js';
import type { ThemeStyle } from '../themes/style.js';
import type { BrowserSession } from './browser/manager.js';
import type { SlideImages } from './images.js';
import { containIn, imageSize, rasterizeSvg } from './logo.js';
import { xmlEscape, xmlSafe } from './xml.js';

type PptxGenJS = import('pptxgenjs').default;
type PptxConstructor = new () => PptxGenJS;

/** PowerPoint measures slides in inches; Marp's CSS pixels are at 96 per inch. */
const PIXELS_PER_INCH = 96;

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

async function write(pptx: PptxGenJS, deck: Deck, finish?: (zip: import('jszip')) => Promise<void>): Promise<Uint8Array> {
  return notesAsParagraphs((await pptx.write({ outputType: 'nodebuffer' })) as Uint8Array, deck.lang, finish);
}

/** Language tags for the text runs of the notes, so that spell-checkers use the right dictionary. */
const RUN_LANG: Record<Deck['lang'], string> = { id: 'id-ID', en: 'en-US' };

/**
 * pptxgenjs writes a slide's notes as a single text run with line breaks inside it, which
 * PowerPoint shows as one block; this makes every source sentence a paragraph of its own.
 */
async function notesAsParagraphs(pptx: Uint8Array, lang: Deck['lang'], finish?: (zip: import('jszip')) => Promise<void>): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(pptx);
  await finish?.(zip);
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

/** Slide pixels (CSS px of the 1280 × 720 slide) to PowerPoint inches, and type sizes to points. */
const inch = (px: number) => px / PIXELS_PER_INCH;
const points = (px: number) => Math.round(px * 0.75 * 10) / 10;

/** The editable deck's slide size: Marp's 16:9 slide, 1280 × 720 CSS px. */
const SLIDE = { width: 1280, height: 720 };

/** A box on the slide, in CSS px. */
interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const inches = (box: Box) => ({ x: inch(box.x), y: inch(box.y), w: inch(box.w), h: inch(box.h) });

/** pptxgenjs wants colours without the "#". */
const hex = (color: string) => color.replace(/^#/u, '').toUpperCase();

type MasterObject = NonNullable<Parameters<PptxGenJS['defineSlideMaster']>[0]['objects']>[number];

/** The masters the editable deck uses, one per kind of slide, each laid out like the theme's CSS. */
const MASTER: Record<SlideKind, string> = { title: 'RINGKAS_TITLE', agenda: 'RINGKAS_AGENDA', content: 'RINGKAS_CONTENT', glossary: 'RINGKAS_GLOSSARY', conclusion: 'RINGKAS_CONCLUSION', figure: 'RINGKAS_CONTENT', sources: 'RINGKAS_SOURCES' };

/**
 * Where a layout puts a content slide's heading, the rule or band that marks it, and the body
 * below it — the same measures as its CSS (src/themes/layouts.ts), with the heading's box sized for
 * two lines and held inside the slide's padding (the safe area).
 */
function contentFrame(style: Required<Pick<ThemeStyle, 'layout'>> & ThemeStyle): { title: Box; titleColor: string; shapes: MasterObject[]; body: Box } {
  const { colors } = style;
  const { top, side, bottom } = TYPE.padding;
  const width = SLIDE.width - 2 * side;
  const twoLines = Math.ceil(TYPE.heading * 1.15 * 2);
  if (style.layout === 'institution') {
    // A band of the primary colour across the top holds the heading; the logo's plate sits at its right.
    const band = 22 + twoLines + 22;
    return {
      title: { x: side, y: 22, w: SLIDE.width - side - 232, h: twoLines },
      titleColor: colors.background,
      shapes: [
        { rect: { ...inches({ x: 0, y: 0, w: SLIDE.width, h: band }), fill: { color: hex(colors.primary) }, line: { type: 'none' } } },
        { rect: { ...inches({ x: 0, y: SLIDE.height - 8, w: SLIDE.width, h: 8 }), fill: { color: hex(colors.accent) }, line: { type: 'none' } } },
      ],
      body: { x: side, y: band + 28, w: width, h: SLIDE.height - bottom - band - 28 },
    };
  }
  if (style.layout === 'briefing') {
    // A bar of the accent colour across the top, and one beside the heading.
    return {
      title: { x: side + 28, y: top, w: width - 28, h: twoLines },
      titleColor: colors.primary,
      shapes: [
        { rect: { ...inches({ x: 0, y: 0, w: SLIDE.width, h: 10 }), fill: { color: hex(colors.accent) }, line: { type: 'none' } } },
        { rect: { ...inches({ x: side, y: top, w: 8, h: twoLines }), fill: { color: hex(colors.accent) }, line: { type: 'none' } } },
      ],
      body: { x: side, y: top + twoLines + 24, w: width, h: SLIDE.height - bottom - top - twoLines - 24 },
    };
  }
  // Academic: the heading sits on a rule of the accent colour.
  return {
    title: { x: side, y: top, w: width - (style.logo ? 170 : 0), h: twoLines },
    titleColor: colors.primary,
    shapes: [{ line: { ...inches({ x: side, y: top + twoLines + 10, w: width, h: 0 }), line: { color: hex(colors.accent), width: 3 } } }],
    body: { x: side, y: top + twoLines + 34, w: width, h: SLIDE.height - bottom - top - twoLines - 34 },
  };
}

/** The logo in its layout's slot, at its own aspect ratio (on a plate where the layout has one). */
function logoObjects(style: ThemeStyle & { layout: NonNullable<ThemeStyle['layout']> }, data: string | undefined): MasterObject[] {
  if (!style.logo || !data) return [];
  const { plate, width, height, top, bottom, left, right } = LAYOUT_METRICS[style.layout].logo;
  const x = left ?? SLIDE.width - (right ?? 0) - width;
  const y = top ?? SLIDE.height - (bottom ?? 0) - height;
  const slot = { x, y, w: width, h: height };
  const objects: MasterObject[] = [];
  if (plate) {
    const plateBox = { x: x - (plate.width - width) / 2, y: y - (plate.height - height) / 2, w: plate.width, h: plate.height };
    objects.push({ rect: { ...inches(plateBox), fill: { color: hex(style.colors.background) }, line: { type: 'none' }, rectRadius: inch(6) } as never });
  }
  objects.push({ image: { ...inches(containIn(imageSize(style.logo), slot)), data } });
  return objects;
}

function textOptions(font: string, size: number, color: string, extra: Record<string, unknown> = {}) {
  return { fontFace: font, fontSize: points(size), color: hex(color), margin: 0, ...extra };
}

function defineEditableMasters(pptx: PptxGenJS, style: ThemeStyle & { layout: NonNullable<ThemeStyle['layout']> }, logoData: string | undefined): void {
  const { colors } = style;
  // pptxgenjs escapes text but writes a font face into its typeface attributes as it is.
  const fonts = { heading: xmlEscape(style.fonts.heading), body: xmlEscape(style.fonts.body) };
  const frame = contentFrame(style);
  const logo = logoObjects(style, logoData);
  const footer: MasterObject[] = style.footer
    ? [{ text: { text: xmlEscape(style.footer), options: { ...inches({ x: 72, y: SLIDE.height - 20 - 26, w: SLIDE.width - 72 - 160, h: 26 }), ...textOptions(fonts.body, TYPE.footer, colors.muted, { valign: 'bottom' }) } } }]
    : [];
  const slideNumber = style.pagination === false ? undefined : { ...inches({ x: SLIDE.width - 32 - 60, y: SLIDE.height - 20 - 26, w: 60, h: 26 }), fontFace: fonts.body, fontSize: points(TYPE.footer), color: hex(colors.muted), align: 'right' as const, valign: 'bottom' as const };
  const titlePlaceholder = { placeholder: { options: { name: 'title', type: 'title' as const, ...inches(frame.title), ...textOptions(fonts.heading, TYPE.heading, frame.titleColor, { bold: true, align: 'left', valign: 'bottom', fit: 'shrink' }) }, text: '' } };
  const body = (name: string, box: Box, size: number, color = colors.text) => ({ placeholder: { options: { name, type: 'body' as const, ...inches(box), ...textOptions(fonts.body, size, color, { align: 'left', valign: 'top' }) }, text: '' } });
  const content = (title: string, background: string, bodies: MasterObject[]) =>
    pptx.defineSlideMaster({ title, background: { color: hex(background) }, objects: [...frame.shapes, titlePlaceholder, ...bodies, ...footer, ...logo], ...(slideNumber ? { slideNumber } : {}) });

  content(MASTER.content, colors.background, [body('body', frame.body, TYPE.body)]);
  content(MASTER.agenda, colors.background, [body('body', frame.body, TYPE.agenda)]);
  content(MASTER.conclusion, conclusionTint(style.layout, colors), [body('body', frame.body, TYPE.body)]);
  // The glossary in two columns, 56 px apart, as its CSS sets them.
  const column = (frame.body.w - 56) / 2;
  content(MASTER.glossary, colors.background, [body('left', { ...frame.body, w: column }, TYPE.glossary), body('right', { ...frame.body, x: frame.body.x + column + 56, w: column }, TYPE.glossary)]);
  // The sources: a quiet list in the secondary text colour, as its CSS sets it.
  content(MASTER.sources, colors.background, [body('body', frame.body, TYPE.sources, colors.muted)]);

  // The title slide: the theme's title page, without footer or number.
  const titleOnPrimary = style.layout === 'institution';
  const titleShapes: MasterObject[] =
    style.layout === 'academic'
      ? [{ rect: { ...inches({ x: 0, y: 0, w: 24, h: SLIDE.height }), fill: { color: hex(colors.primary) }, line: { type: 'none' } } }]
      : style.layout === 'briefing'
        ? [
            { rect: { ...inches({ x: 0, y: 0, w: SLIDE.width, h: 10 }), fill: { color: hex(colors.accent) }, line: { type: 'none' } } },
            { rect: { ...inches({ x: 96, y: 352, w: 140, h: 6 }), fill: { color: hex(colors.accent) }, line: { type: 'none' } } },
          ]
        : [];
  const textColor = titleOnPrimary ? colors.background : colors.primary;
  pptx.defineSlideMaster({
    title: MASTER.title,
    background: { color: hex(titleOnPrimary ? colors.primary : colors.background) },
    objects: [
      ...titleShapes,
      { placeholder: { options: { name: 'title', type: 'title', ...inches({ x: 96, y: 120, w: SLIDE.width - 192, h: 220 }), ...textOptions(fonts.heading, TYPE.title, textColor, { bold: true, align: 'left', valign: 'bottom', fit: 'shrink' }) }, text: '' } },
      { placeholder: { options: { name: 'body', type: 'body', ...inches({ x: 96, y: 380, w: SLIDE.width - 192, h: 250 }), ...textOptions(fonts.body, TYPE.subtitle, titleOnPrimary ? colors.background : colors.muted, { align: 'left', valign: 'top' }) }, text: '' } },
      ...logo,
    ],
  });
}

/** A bullet's text runs: a glossary entry's term in bold, as the HTML shows it. */
function bulletRuns(slide: Slide, bullet: string, options: Record<string, unknown>) {
  const colon = bullet.indexOf(': ');
  if (slide.kind !== 'glossary' || colon <= 0) return [{ text: bullet, options }];
  return [
    { text: bullet.slice(0, colon), options: { ...options, bold: true, breakLine: false } },
    { text: bullet.slice(colon), options },
  ];
}

function addEditableSlide(pptx: PptxGenJS, slide: Slide): void {
  const page = pptx.addSlide({ masterName: MASTER[slide.kind] });
  page.addText(slide.title, { placeholder: 'title' });
  const scale = slide.scale ?? 1;
  if (slide.kind === 'title') {
    const lines = slide.subtitle ?? [];
    if (lines.length > 0) page.addText(lines.map((text) => ({ text, options: { breakLine: true, paraSpaceAfter: 4 } })), { placeholder: 'body' });
  } else {
    const base = { agenda: TYPE.agenda, glossary: TYPE.glossary, content: TYPE.body, conclusion: TYPE.body, figure: TYPE.body, sources: TYPE.sources }[slide.kind];
    const size = points(base * scale);
    // The space after a bullet: the fitted one where the slide has it, else the theme's.
    const after = points(slide.spacing !== undefined ? slide.spacing * base * scale : TYPE.bulletGap * scale);
    // The sources are lines without bullets, as in the HTML.
    const bullet = slide.kind === 'agenda' ? { type: 'number' as const, indent: points(base * 1.6) } : slide.kind === 'sources' ? false : { indent: points(base * 1.1) };
    const paragraph = (text: string) => bulletRuns(slide, text, { bullet, breakLine: true, paraSpaceAfter: after, fontSize: size, bold: slide.kind === 'conclusion' });
    if (slide.kind === 'glossary') {
      const half = Math.ceil(slide.bullets.length / 2);
      for (const [placeholder, part] of [['left', slide.bullets.slice(0, half)], ['right', slide.bullets.slice(half)]] as const) {
        if (part.length > 0) page.addText(part.flatMap(paragraph), { placeholder });
      }
    } else if (slide.bullets.length > 0) page.addText(slide.bullets.flatMap(paragraph), { placeholder: 'body' });
  }
  if (slide.figure) {
    // The picture on the slide's right half, as in the HTML deck, and its caption on the left, below the heading.
    const { top, side, bottom } = TYPE.padding;
    const y = top + Math.ceil(TYPE.heading * 1.15 * 2) + 24;
    const half = SLIDE.width / 2;
    const picture = inches({ x: half, y, w: half - side, h: SLIDE.height - y - bottom });
    page.addImage({ data: slide.figure.src.replace(/^data:/u, ''), ...picture, sizing: { type: 'contain', w: picture.w, h: picture.h } });
    if (slide.figure.caption) page.addText(slide.figure.caption, { ...inches({ x: side, y, w: half - 2 * side, h: SLIDE.height - y - bottom }), fontSize: points(TYPE.body), valign: 'top' });
  }
  if (slide.notes.length > 0) page.addNotes(slide.notes.join('\n'));
}

/** Whether a file's bytes are a PNG. */
const isPng = (bytes: Uint8Array) => bytes.length > 8 && Buffer.from(bytes.subarray(0, 8)).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

/**
 * What pptxgenjs leaves out of the XML, added to the written package: bullets and numbers in the
 * theme's accent colour; a serif family marked as serif, so that PowerPoint substitutes a serif
 * where the family is missing; and, for an SVG logo, the PNG that PowerPoint shows where it cannot
 * draw SVG (pptxgenjs writes the SVG's own bytes under the PNG's name).
 */
function finishEditable(style: ThemeStyle, fallbackPng: Uint8Array | undefined) {
  const accent = `<a:buClr><a:srgbClr val="${hex(style.colors.accent)}"/></a:buClr>`;
  const serifs = [style.fonts.heading, style.fonts.body].filter((family) => bundledFamily(family)?.generic === 'serif').map(xmlEscape);
  return async (zip: import('jszip')): Promise<void> => {
    for (const name of Object.keys(zip.files).filter((file) => /^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/u.test(file))) {
      let xml = await zip.file(name)!.async('string');
      xml = xml.replace(/<a:buSzPct val="100000"\/>/gu, `${accent}<a:buSzPct val="100000"/>`);
      for (const family of serifs) xml = xml.replaceAll(`typeface="${family}" pitchFamily="34"`, `typeface="${family}" pitchFamily="18"`);
      zip.file(name, xml);
    }
    for (const name of Object.keys(zip.files).filter((file) => /^ppt\/media\/[^/]+\.png$/u.test(file))) {
      const bytes = await zip.file(name)!.async('uint8array');
      if (isPng(bytes)) continue;
      if (!fallbackPng) throw new Error('an SVG logo needs the browser to draw its PNG fallback');
      zip.file(name, fallbackPng);
    }
  };
}

/**
 * An editable PPTX written from the Deck model rather than from pictures, laid out like the theme's
 * slides: a master per kind of slide (title, agenda, content, glossary, conclusion, sources) with the
 * theme's band or rules, footer, page number, logo at its own aspect ratio, the agenda numbered,
 * the glossary in two columns, the conclusion tinted, bullets in the accent colour, and real title
 * and body placeholders, so that PowerPoint, Impress and Keynote can edit every word. The fitted
 * text sizes of the slides carry over. An SVG logo gets a PNG fallback drawn by `session`'s browser.
 * The deck's text loses the characters XML forbids.
 */
export async function renderEditablePptx(source: Deck, style: ThemeStyle, session?: BrowserSession): Promise<Uint8Array> {
  const deck = xmlSafe(source);
  const pptx = await newPresentation(deck);
  pptx.defineLayout({ name: 'MARP', width: inch(SLIDE.width), height: inch(SLIDE.height) });
  pptx.layout = 'MARP';
  // The theme's families as the presentation's own fonts, so that new text boxes use them too.
  pptx.theme = { headFontFace: xmlEscape(style.fonts.heading), bodyFontFace: xmlEscape(style.fonts.body) };
  const laidOut = { ...style, layout: style.layout ?? 'academic' };
  let fallbackPng: Uint8Array | undefined;
  if (style.logo?.mime === 'image/svg+xml' && session) {
    // Drawn at three times the slot's size, at the logo's own aspect ratio.
    const { width, height } = LAYOUT_METRICS[laidOut.layout].logo;
    const fitted = containIn(imageSize(style.logo), { x: 0, y: 0, w: width * 3, h: height * 3 });
    fallbackPng = await rasterizeSvg(session, style.logo, Math.max(1, Math.round(fitted.w)), Math.max(1, Math.round(fitted.h)));
  }
  defineEditableMasters(pptx, laidOut, style.logo ? `${style.logo.mime};base64,${style.logo.base64}` : undefined);
  for (const slide of deck.slides) addEditableSlide(pptx, slide);
  return write(pptx, deck, finishEditable(style, fallbackPng));
}

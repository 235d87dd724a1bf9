import { PDFDocument, PDFHexString, PDFName, type PDFRef } from 'pdf-lib';
import type { Deck } from '../model.js';
import type { BrowserSession } from './browser/manager.js';

/** What goes into the PDF besides the pages. */
export interface PdfOptions {
  /** Speaker notes as a note annotation on each page that has some. */
  notes?: boolean;
}

/**
 * Prints the deck's HTML document to PDF in the shared browser — one page per slide at the theme's
 * slide size (Marp's `@page` rule), backgrounds included — then adds what Chromium does not write:
 * an outline with one bookmark per slide title, the document's title, author, language and
 * keywords, and, if asked, the speaker notes as annotations.
 */
export async function renderPdf(session: BrowserSession, document: string, deck: Deck, options: PdfOptions = {}): Promise<Uint8Array> {
  const printed = await session.withPage(async (page) => {
    await page.setContent(document, { waitUntil: 'load' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
  });
  const pdf = await PDFDocument.load(printed, { updateMetadata: false });
  if (pdf.getPageCount() !== deck.slides.length) {
    throw new Error(`the browser printed ${pdf.getPageCount()} pages for a deck of ${deck.slides.length} slides`);
  }
  pdf.setTitle(deck.title, { showInWindowTitleBar: true });
  if (deck.author) pdf.setAuthor(deck.author);
  pdf.setLanguage(deck.lang);
  pdf.setKeywords([deck.keywords.join(', ')]);
  pdf.setCreator('ringkas');
  pdf.setProducer('ringkas (Marp, Chromium, pdf-lib)');
  addOutline(pdf, deck.slides.map((slide) => slide.title));
  if (options.notes) addNoteAnnotations(pdf, deck.slides.map((slide) => slide.notes.join('\n')));
  return pdf.save({ updateFieldAppearances: false });
}

/** A flat outline: one bookmark per page, titled with that slide's title. */
function addOutline(pdf: PDFDocument, titles: string[]): void {
  const { context } = pdf;
  const pages = pdf.getPages();
  const outlinesRef = context.nextRef();
  const itemRefs: PDFRef[] = titles.map(() => context.nextRef());
  titles.forEach((title, index) => {
    const item = context.obj({
      Title: PDFHexString.fromText(title),
      Parent: outlinesRef,
      Dest: [pages[index]!.ref, PDFName.of('Fit')],
    });
    if (index > 0) item.set(PDFName.of('Prev'), itemRefs[index - 1]!);
    if (index < titles.length - 1) item.set(PDFName.of('Next'), itemRefs[index + 1]!);
    context.assign(itemRefs[index]!, item);
  });
  const outlines = context.obj({ Type: 'Outlines', Count: titles.length });
  if (itemRefs.length > 0) {
    outlines.set(PDFName.of('First'), itemRefs[0]!);
    outlines.set(PDFName.of('Last'), itemRefs.at(-1)!);
  }
  context.assign(outlinesRef, outlines);
  pdf.catalog.set(PDFName.of('Outlines'), outlinesRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** A closed note annotation in the top-left corner of every page with notes. */
function addNoteAnnotations(pdf: PDFDocument, notes: string[]): void {
  pdf.getPages().forEach((page, index) => {
    const text = notes[index];
    if (!text) return;
    const { height } = page.getSize();
    const annotation = pdf.context.obj({
      Type: 'Annot',
      Subtype: 'Text',
      Rect: [0, height - 20, 20, height],
      Contents: PDFHexString.fromText(text),
      Name: 'Note',
      Open: false,
      F: 4,
    });
    page.node.addAnnot(pdf.context.register(annotation));
  });
}

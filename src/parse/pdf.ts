import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { VFile } from 'vfile';
import { ExitCode, fail } from '../errors.js';
import type { Block } from './blocks.js';
import type { ArticleMeta } from './markdown.js';
import { propertiesMeta } from './document-meta.js';
import { UnreadableSourceError } from './limits.js';
import { type PdfInfo, type PdfPage, type TextRun, layoutPdf } from './pdf-layout.js';

/** What a PDF holds: its metadata and the blocks of its text. */
export interface PdfContent {
  meta: ArticleMeta;
  blocks: Block[];
}

/** How a PDF is read. */
export interface ReadPdfOptions {
  /** Stops reading between pages when the run is stopped. */
  signal?: AbortSignal;
}

/** A page whose text is mostly these characters has fonts without a Unicode mapping: its "text" is glyph numbers. */
const UNMAPPED = /[\u0000-\u0008\u000b-\u001f\ufffd\ue000-\uf8ff]/gu;

/** The share of unmapped characters from which a page's text is taken to be unreadable. */
const UNMAPPED_SHARE = 0.2;

/** Font names of bold faces: "Times-Bold", "NimbusRomNo9L-Medi", "Arial,Bold", "Calibri-Semibold", "CMBX10". */
const BOLD_FONT = /bold|black|heavy|semibold|demi|medi(?:um)?\b|-medi|\bcmbx|\bsb\b|-bd\b|,bd\b/iu;

/** Font names of fixed-pitch faces, in which code is set. */
const MONO_FONT = /mono|courier|consol|menlo|\bcmtt|typewriter|inconsolata|lucida ?console|sourcecode/iu;

/**
 * Reads a text PDF with pdf.js (the legacy build, made for Node): every page's text with its
 * position, size and font, laid out by {@link layoutPdf}. A PDF that cannot be read — encrypted
 * with a password, damaged, scanned (no text layer), or set in fonts whose characters have no
 * Unicode mapping on most of its pages — is refused with an {@link UnreadableSourceError} that
 * says why and what to do; a few pages of the last kind are left out with a warning on `file`.
 */
export async function readPdf(bytes: Uint8Array, file: VFile, options: ReadPdfOptions = {}): Promise<PdfContent> {
  const { pages, unreadable, textPages, info } = await extractPdf(bytes, file.path, options);
  if (textPages === 0) {
    throw new UnreadableSourceError('has no text layer (its pages are pictures, as a scanned document is); run OCR on it first (e.g. ocrmypdf) or give the article as .docx or text');
  }
  if (unreadable.length * 2 > textPages) {
    throw new UnreadableSourceError(
      `the text of ${pageList(unreadable)} cannot be read, as the fonts there do not say which characters they draw; export the PDF again from its source (or run OCR on it), or give the article as .docx or text`,
    );
  }
  if (unreadable.length > 0) {
    file.message(`left out ${pageList(unreadable)}, whose fonts do not say which characters they draw`, { place: { line: unreadable[0]!, column: 1 }, ruleId: 'pdf-unmapped', source: 'ringkas' });
  }
  return layoutPdf(pages, info, file);
}

/** A PDF's pages of readable text, and what else the reader needs to know of it. */
export interface PdfExtract {
  /** The pages whose text can be read (pages without text are left out). */
  pages: PdfPage[];
  /** Pages with text whose fonts have no Unicode mapping, so that their "text" is glyph numbers. */
  unreadable: number[];
  /** Pages with any text at all. */
  textPages: number;
  info: PdfInfo;
}

/**
 * Every page's text runs as pdf.js gives them, with the fonts' weights and pitch. No worker
 * thread, no fonts loaded for display, no scripts, no network: only the bytes given and pdf.js's
 * own character maps. `path` names the file in a stop message.
 */
export async function extractPdf(bytes: Uint8Array, path: string, options: ReadPdfOptions = {}): Promise<PdfExtract> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const packageFolder = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const task = pdfjs.getDocument({
    // pdf.js takes the buffer over; it gets a copy so that the caller's bytes stay whole.
    data: new Uint8Array(bytes),
    cMapUrl: `${join(packageFolder, 'cmaps')}/`,
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    // Images are not needed for text, and decoding them is most of the cost of a page's operator list.
    maxImageSize: 1,
    stopAtErrors: false,
    verbosity: 0,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    throw refusal(error);
  }
  try {
    const pages: PdfPage[] = [];
    const unreadable: number[] = [];
    let textPages = 0;
    for (let number = 1; number <= document.numPages; number += 1) {
      if (options.signal?.aborted) fail(`${path}: stopped while reading the PDF; nothing was written for it`, ExitCode.interrupted);
      const page = await document.getPage(number);
      const items = (await page.getTextContent()).items.filter((item) => 'str' in item && item.str.trim() !== '') as { str: string; transform: number[]; width: number; fontName: string }[];
      const characters = items.reduce((sum, item) => sum + item.str.replace(/\s/gu, '').length, 0);
      const unmapped = items.reduce((sum, item) => sum + (item.str.match(UNMAPPED)?.length ?? 0), 0);
      if (characters > 0) textPages += 1;
      if (characters > 0 && unmapped > characters * UNMAPPED_SHARE) unreadable.push(number);
      if (characters === 0 || unmapped > characters * UNMAPPED_SHARE) {
        page.cleanup();
        continue;
      }
      // The fonts' real names ("Times-Bold") reach pdf.js's common objects only once the page's
      // drawing operators are read; they tell bold and fixed-pitch text apart.
      await page.getOperatorList();
      const viewport = page.getViewport({ scale: 1 });
      const runs = items.map((item) => runOf(item, viewport.transform, fontName(page, item.fontName), pdfjs.Util)).filter((run) => run !== undefined);
      page.cleanup();
      pages.push({ number, width: viewport.width, height: viewport.height, runs });
    }
    return { pages, unreadable, textPages, info: await documentInfo(document) };
  } finally {
    await document.destroy();
  }
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfPageProxy = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

/** A text item as a run in top-down page coordinates; `undefined` for rotated or vertical text. */
function runOf(item: { str: string; transform: number[]; width: number; fontName: string }, viewportTransform: number[], font: string, util: PdfJs['Util']): TextRun | undefined {
  const [a, b, c, d, x, y] = util.transform(viewportTransform, item.transform) as [number, number, number, number, number, number];
  // Rotated text (a journal's margin note, a vertical table header) is not part of the prose.
  if (Math.abs(b) > Math.abs(a) * 0.05 || Math.abs(c) > Math.abs(d) * 0.05 || a <= 0) return undefined;
  const size = Math.abs(d);
  const name = font.replace(/^[A-Z]{6}\+/u, '');
  return { text: item.str, x, y, width: item.width, size, bold: BOLD_FONT.test(name), mono: MONO_FONT.test(name) };
}

/** The name of the font pdf.js loaded as `loadedName`, or '' when it has none. */
function fontName(page: PdfPageProxy, loadedName: string): string {
  if (!page.commonObjs.has(loadedName)) return '';
  const font = page.commonObjs.get(loadedName) as { name?: unknown } | undefined;
  return typeof font?.name === 'string' ? font.name : '';
}

async function documentInfo(document: Awaited<ReturnType<PdfJs['getDocument']>['promise']>): Promise<PdfInfo> {
  const { info } = (await document.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
  return propertiesMeta((key) => (typeof info[key] === 'string' ? info[key] : undefined), { title: 'Title', author: 'Author', lang: 'Language' });
}

/** Why pdf.js could not open a document, said to the user with the fix. */
function refusal(error: unknown): UnreadableSourceError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new UnreadableSourceError('is protected with a password; save a copy without the password (or print it to PDF) and give that');
  const detail = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
  return new UnreadableSourceError(`is not a PDF that can be read (${detail}); check that the file is complete, or export it again`);
}

/** "page 3", "pages 2–23", "pages 2, 5 and 7–9". */
function pageList(pages: readonly number[]): string {
  const ranges: string[] = [];
  for (let index = 0; index < pages.length; ) {
    let end = index;
    while (end + 1 < pages.length && pages[end + 1] === pages[end]! + 1) end += 1;
    ranges.push(end === index ? String(pages[index]) : `${pages[index]}–${pages[end]}`);
    index = end + 1;
  }
  const listed = ranges.length === 1 ? ranges[0]! : `${ranges.slice(0, -1).join(', ')} and ${ranges.at(-1)}`;
  return `${pages.length === 1 ? 'page' : 'pages'} ${listed}`;
}

import JSZip from 'jszip';
import type { VFile } from 'vfile';
import { firstLine } from '../errors.js';
import type { Block } from './blocks.js';
import { plausibleTitle, propertiesMeta } from './document-meta.js';
import { UnreadableSourceError } from './limits.js';
import type { ArticleMeta } from './markdown.js';

/** What a Word document holds: its metadata and the blocks of its text. */
export interface DocxContent {
  meta: ArticleMeta;
  blocks: Block[];
}

/**
 * The most a .docx may unpack to. Its XML is parsed whole, so a small zip that unpacks to
 * gigabytes (a "zip bomb") is refused before it is unpacked.
 */
export const MAX_DOCX_UNPACKED_BYTES = 200 * 1024 * 1024;

/**
 * Word's styles beyond mammoth's defaults (the title and subtitle are pulled out before
 * conversion): quotations as quotations, and captions as figure captions, which are not prose.
 */
const STYLE_MAP = [
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Caption'] => figcaption:fresh",
  "p[style-name='caption'] => figcaption:fresh",
];

/** A mammoth document element: a type, maybe a style, maybe children, maybe text. */
interface DocumentElement {
  type: string;
  styleName?: string | null;
  styleId?: string | null;
  value?: string;
  children?: DocumentElement[];
}

/**
 * Reads a Word document (.docx, including Strict OOXML) with mammoth into HTML, which the HTML
 * reader turns into blocks as it does a saved page: headings from Word's heading styles, lists as
 * list items, tables, captions, comments, footnotes and endnotes left out, soft hyphens removed. The title is the document's
 * "Title" paragraph, else a lone first-level heading at its top, else the title in its document
 * properties (docProps/core.xml), which also give the author and the language. Nothing outside
 * the document is opened (mammoth's external file access stays off). A file that is not a
 * readable .docx — an old .doc, a password-protected or damaged file, one that unpacks to more
 * than {@link MAX_DOCX_UNPACKED_BYTES} — is refused with an {@link UnreadableSourceError}.
 */
export async function readDocx(bytes: Uint8Array, file: VFile): Promise<DocxContent> {
  const { html, pulled, properties } = await convertDocx(bytes);
  if (pulled.notes > 0) {
    file.message(`left out ${pulled.notes === 1 ? 'a footnote' : `${pulled.notes} footnotes and endnotes`}`, { place: { line: 1, column: 1 }, ruleId: 'docx-notes', source: 'ringkas' });
  }
  const tables = html.split('<table').length - 1;
  if (tables > 0) file.message(`left out ${tables === 1 ? 'a table' : `${tables} tables`}`, { place: { line: 1, column: 1 }, ruleId: 'docx-tables', source: 'ringkas' });
  const { readHtml } = await import('./html.js');
  // The whole document is the article: an <article> around it keeps the HTML reader from
  // looking for the article body in one part of it (a table cell), as it does in a web page.
  const before = file.messages.length;
  const content = readHtml(`<article>${withoutTables(html).replace(/\u00AD/gu, '')}</article>`, file);
  // That the body came from the <article> is true of every document and says nothing.
  const said = file.messages.splice(before);
  file.messages.push(...said.filter((message) => message.ruleId !== 'article-body'));
  const meta: ArticleMeta = { ...content.meta };
  const title = pulled.title ?? loneTopHeading(content.blocks) ?? plausibleTitle(properties.title);
  if (title) meta.title = title;
  if (pulled.subtitle) meta.subtitle = pulled.subtitle;
  if (properties.author) meta.author = properties.author;
  if (properties.lang) meta.lang = properties.lang;
  const blocks = title !== undefined && content.blocks[0]?.kind === 'heading' && content.blocks[0].text === title ? content.blocks.slice(1) : content.blocks;
  return { meta, blocks };
}

/**
 * Mammoth's HTML without its tables (nested ones included), which a Word document's reader leaves
 * out: the HTML reader would read their cells as paragraphs, as it must in a web page laid out in
 * tables. One pass with a depth count: mammoth writes every tag, and text's `<` as `&lt;`.
 */
function withoutTables(html: string): string {
  let kept = '';
  let depth = 0;
  let at = 0;
  for (;;) {
    const open = html.indexOf('<table', at);
    const close = html.indexOf('</table>', at);
    if (open === -1 && close === -1) break;
    if (open !== -1 && (close === -1 || open < close)) {
      if (depth === 0) kept += html.slice(at, open);
      depth += 1;
      at = open + '<table'.length;
    } else {
      if (depth === 0) kept += html.slice(at, close);
      depth = Math.max(0, depth - 1);
      at = close + '</table>'.length;
    }
  }
  return depth === 0 ? kept + html.slice(at) : kept;
}

/** A picture of a Word document, read only when it is shown. */
export interface DocxImage {
  contentType: string;
  read: () => Promise<Uint8Array>;
}

/** A Word document as HTML, its pictures standing as `ringkas-image:<n>` addresses. */
export interface DocxHtml {
  html: string;
  images: Map<string, DocxImage>;
  pulled: { title?: string; subtitle?: string; notes: number };
  properties: Pick<ArticleMeta, 'title' | 'author' | 'lang'>;
}

/** Each document is converted once, for its text and for its figures. */
const converted = new WeakMap<Uint8Array, Promise<DocxHtml>>();

/**
 * A Word document as HTML with mammoth: the title and subtitle pulled out, notes left out,
 * pictures as `ringkas-image:<n>` addresses whose bytes are read only when a figure shows them.
 */
export function convertDocx(bytes: Uint8Array): Promise<DocxHtml> {
  let result = converted.get(bytes);
  if (!result) {
    result = convertOnce(bytes);
    converted.set(bytes, result);
  }
  return result;
}

async function convertOnce(bytes: Uint8Array): Promise<DocxHtml> {
  const zip = await openDocx(bytes);
  const properties = await documentProperties(zip);
  const { default: mammoth } = await import('mammoth');
  const pulled: DocxHtml['pulled'] = { notes: 0 };
  const images = new Map<string, DocxImage>();
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async (image) => {
          const src = `ringkas-image:${images.size + 1}`;
          images.set(src, { contentType: image.contentType, read: async () => new Uint8Array(await image.read()) });
          return { src };
        }),
        transformDocument: (document: DocumentElement) => pullFrontMatter(withoutNotes(document, pulled), pulled),
      },
    );
    return { html: result.value, images, pulled, properties };
  } catch (error) {
    throw new UnreadableSourceError(`is not a Word document that can be read (${firstLine(error)}); open it in Word or LibreOffice and save it again as .docx`);
  }
}

/** Opens the zip, refusing what is not a .docx or would unpack to too much. */
async function openDocx(bytes: Uint8Array): Promise<JSZip> {
  // Word 97–2003 documents, and .docx files encrypted with a password, are OLE compound files.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new UnreadableSourceError('is password-protected, or an old Word 97–2003 document; save it again as .docx without a password');
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new UnreadableSourceError(`is not a Word document that can be read (${firstLine(error)}); check that the file is complete, or save it again as .docx`);
  }
  if (!zip.file('word/document.xml')) {
    throw new UnreadableSourceError('is a zip file without a Word document in it (no word/document.xml); save the article as .docx');
  }
  let unpacked = 0;
  zip.forEach((_, entry) => {
    // JSZip keeps the sizes the zip's directory declares; mammoth unpacks no more than these.
    unpacked += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  });
  if (unpacked > MAX_DOCX_UNPACKED_BYTES) {
    throw new UnreadableSourceError(`unpacks to ${Math.round(unpacked / 1024 / 1024)} MB, more than the ${MAX_DOCX_UNPACKED_BYTES / 1024 / 1024} MB a Word document may hold; split it or save it without its pictures`);
  }
  return zip;
}

/** The document's footnote and endnote references taken out, so that mammoth writes no notes. */
function withoutNotes(element: DocumentElement, pulled: { notes: number }): DocumentElement {
  if (!element.children) return element;
  const children: DocumentElement[] = [];
  for (const child of element.children) {
    if (child.type === 'noteReference') pulled.notes += 1;
    else children.push(withoutNotes(child, pulled));
  }
  return { ...element, children };
}

/** The document without its Title and Subtitle paragraphs, whose text goes to the metadata. */
function pullFrontMatter(document: DocumentElement, pulled: { title?: string; subtitle?: string }): DocumentElement {
  const children = (document.children ?? []).filter((child) => {
    if (child.type !== 'paragraph') return true;
    const style = (child.styleName ?? child.styleId ?? '').toLowerCase();
    if (style !== 'title' && style !== 'subtitle') return true;
    const text = textOf(child).replace(/\s+/gu, ' ').trim();
    if (text === '') return false;
    if (style === 'title') pulled.title = pulled.title === undefined ? text : `${pulled.title} ${text}`;
    else pulled.subtitle ??= text;
    return false;
  });
  return { ...document, children };
}

function textOf(element: DocumentElement): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab' || element.type === 'break') return ' ';
  return (element.children ?? []).map(textOf).join('');
}

/** A first-level heading at the top when it is the only one: the title, typed as a heading. */
function loneTopHeading(blocks: readonly Block[]): string | undefined {
  const [first] = blocks;
  if (first?.kind !== 'heading' || first.depth !== 1) return undefined;
  return blocks.some((block, index) => index > 0 && block.kind === 'heading' && block.depth === 1) ? undefined : first.text;
}

/** The title, author and language in the document properties (docProps/core.xml). */
async function documentProperties(zip: JSZip): Promise<Pick<ArticleMeta, 'title' | 'author' | 'lang'>> {
  const xml = await zip.file('docProps/core.xml')?.async('string').catch(() => undefined);
  if (!xml) return {};
  // Each element is matched on its own, by a pattern without nested repetition: linear in the XML.
  const field = (name: string) => {
    const match = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`, 'u').exec(xml);
    return match ? decodeXml(match[1]!) : undefined;
  };
  return propertiesMeta(field, { title: 'dc:title', author: 'dc:creator', lang: 'dc:language' });
}

function decodeXml(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|(amp|lt|gt|quot|apos));/giu, (entity, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name.toLowerCase()] ?? entity;
    const code = decimal ? Number(decimal) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

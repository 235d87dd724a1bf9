import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { Root as MdastRoot, Nodes as MdastNodes } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Article, Section } from '../model.js';
import type { Source } from './index.js';

/**
 * The article's own figures, found in its source: `![alt](path)` in Markdown; `<figure>` and
 * `<img>` with a caption or alt text in HTML (inside `<article>` or `<main>` where the page has
 * one, never in navigation, headers, footers, asides or links); the pictures of a Word document.
 * Each is placed in the section under whose heading it stands. Nothing is read here: a figure
 * says where its picture is, and the caller reads it within its own limits.
 */

/** Where a figure's picture is. */
export type FigureSource =
  | { kind: 'file'; path: string }
  | { kind: 'web'; url: string }
  | { kind: 'embedded'; contentType: string; read: () => Promise<Uint8Array> };

/** A figure as the source has it: where its picture is, its caption, and its section. */
export interface FigureRef {
  source: FigureSource;
  /** The caption, else the alt text ('' when there is neither). */
  caption: string;
  /** Index in `article.sections` of the section the figure stands in. */
  section: number;
  /** The picture's address as the source writes it (the data of an embedded one cut short), for messages. */
  written: string;
}

/** A figure found in reading order, with the number of headings before it. */
interface Found {
  src: string;
  caption: string;
  headingsBefore: number;
}

/** Width or height (in the page's attributes) below which a picture is an icon, not a figure. */
const ICON_SIZE = 48;

/** Elements whose pictures are never the article's figures. */
const NOT_ARTICLE = new Set(['nav', 'header', 'footer', 'aside', 'a', 'form', 'button', 'noscript', 'template', 'svg', 'picture']);

/** The figures of an article read from `source`, placed in `article`'s sections. */
export async function findFigures(source: Source, article: Article): Promise<FigureRef[]> {
  let found: { figures: Found[]; headings: string[] };
  let images = new Map<string, { contentType: string; read: () => Promise<Uint8Array> }>();
  if (source.kind === 'markdown') {
    if (!source.text.includes('![')) return [];
    found = await markdownFigures(source.text);
  } else if (source.kind === 'html') {
    if (!/<img\b/iu.test(source.text)) return [];
    found = await htmlFigures(source.text, false);
  } else if (source.kind === 'docx' && source.bytes) {
    const { convertDocx } = await import('./docx.js');
    const docx = await convertDocx(source.bytes);
    images = docx.images;
    found = await htmlFigures(docx.html, true);
  } else {
    return [];
  }
  const sectionAfter = placement(found.headings, article.sections);
  return found.figures.flatMap((figure): FigureRef[] => {
    const embedded = images.get(figure.src);
    const figureSource: FigureSource | undefined = embedded ? { kind: 'embedded', ...embedded } : sourceOf(figure.src, source.url);
    if (!figureSource) return [];
    const written = figure.src.startsWith('data:') ? `${figure.src.slice(0, 40)}…` : figure.src;
    return [{ source: figureSource, caption: figure.caption, section: sectionAfter(figure.headingsBefore), written }];
  });
}

/** Where a picture's address points: a file (relative to the article), the web, or data in the address. */
function sourceOf(src: string, base: string | undefined): FigureSource | undefined {
  const data = /^data:([\w.+-]+\/[\w.+-]+)?(;[^,]*)?,/iu.exec(src);
  if (data) {
    const payload = src.slice(data[0].length);
    const base64 = /;base64/iu.test(data[2] ?? '');
    const bytes = base64 ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponentSafe(payload), 'utf8');
    return { kind: 'embedded', contentType: (data[1] ?? 'text/plain').toLowerCase(), read: async () => new Uint8Array(bytes) };
  }
  if (base) {
    try {
      return { kind: 'web', url: new URL(src, base).href };
    } catch {
      return undefined;
    }
  }
  if (/^[a-z][\w+.-]*:/iu.test(src)) return /^https?:/iu.test(src) ? { kind: 'web', url: src } : undefined;
  const path = decodeURIComponentSafe(src.split(/[?#]/u, 1)[0]!);
  return path === '' ? undefined : { kind: 'file', path };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A function from "how many headings came before a figure" to the index of its section: the
 * section of the last of those headings that the article kept (headings of empty sections and
 * boilerplate are dropped), else the first section.
 */
function placement(headings: readonly string[], sections: readonly Section[]): (headingsBefore: number) => number {
  const sectionOfHeading = new Array<number>(headings.length).fill(-1);
  let next = 0;
  sections.forEach((section, index) => {
    if (section.heading === undefined) return;
    const wanted = squeeze(section.heading);
    let at = next;
    while (at < headings.length && squeeze(headings[at]!) !== wanted) at += 1;
    if (at < headings.length) {
      sectionOfHeading[at] = index;
      next = at + 1;
    }
  });
  return (headingsBefore) => {
    for (let at = Math.min(headingsBefore, headings.length) - 1; at >= 0; at -= 1) {
      if (sectionOfHeading[at]! >= 0) return sectionOfHeading[at]!;
    }
    return 0;
  };
}

function squeeze(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** The images of a Markdown text, with the headings before each; image references resolved by their definitions. */
async function markdownFigures(text: string): Promise<{ figures: Found[]; headings: string[] }> {
  const [{ unified }, { default: remarkParse }, { default: remarkGfm }, { default: remarkFrontmatter }] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-gfm'),
    import('remark-frontmatter'),
  ]);
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
  const { chunkMarkdown } = await import('./markdown-chunks.js');
  const definitions = new Map<string, string>();
  const figures: Found[] = [];
  const headings: string[] = [];
  const images: { url?: string; identifier?: string; alt: string; title: string; headingsBefore: number }[] = [];
  // In the chunks the Markdown reader reads (a 20 MB text is never one tree), each walked with a
  // stack of its own.
  for (const chunk of chunkMarkdown(text)) {
    const pending: MdastNodes[] = [processor.parse(chunk.text) as MdastRoot];
    for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
      if (node.type === 'heading') headings.push(mdastToString(node));
      else if (node.type === 'definition') definitions.set(node.identifier, node.url);
      else if (node.type === 'image') images.push({ url: node.url, alt: node.alt ?? '', title: node.title ?? '', headingsBefore: headings.length });
      else if (node.type === 'imageReference') images.push({ identifier: node.identifier, alt: node.alt ?? '', title: '', headingsBefore: headings.length });
      if ('children' in node && node.type !== 'heading') for (let index = node.children.length - 1; index >= 0; index -= 1) pending.push(node.children[index] as MdastNodes);
    }
  }
  for (const image of images) {
    const src = image.url ?? definitions.get(image.identifier ?? '');
    if (src) figures.push({ src, caption: clean(image.title || image.alt), headingsBefore: image.headingsBefore });
  }
  return { figures, headings };
}

/**
 * The pictures of an HTML page (or of a Word document as HTML, `document`), with the headings
 * before each. A page's pictures need a caption or alt text, and are taken from its `<article>`
 * or `<main>` when it has one; a document's are all its own.
 */
async function htmlFigures(html: string, document: boolean): Promise<{ figures: Found[]; headings: string[] }> {
  const [{ unified }, { default: rehypeParse }] = await Promise.all([import('unified'), import('rehype-parse')]);
  const tree = unified().use(rehypeParse).parse(html) as HastRoot;
  const hasBody = !document && containsArticle(tree);
  const figures: Found[] = [];
  const headings: string[] = [];
  // Each node with whether it lies in the article's part of the page.
  const pending: { node: HastContent; inArticle: boolean }[] = [...tree.children].reverse().map((node) => ({ node, inArticle: !hasBody }));
  for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
    const { node } = entry;
    if (node.type !== 'element') continue;
    const inArticle = entry.inArticle || node.tagName === 'article' || node.tagName === 'main';
    if (NOT_ARTICLE.has(node.tagName) || isHidden(node)) continue;
    if (/^h[1-6]$/u.test(node.tagName)) {
      headings.push(hastToString(node));
      continue;
    }
    if (node.tagName === 'figure' || node.tagName === 'img') {
      const image = node.tagName === 'img' ? node : firstImage(node);
      const caption = node.tagName === 'figure' ? captionOf(node) : captionAfter(pending);
      const src = image ? imageSource(image) : undefined;
      const text = clean(caption || (image ? String(image.properties['alt'] ?? '') : ''));
      if (inArticle && image && src && !isIcon(image) && (document || text !== '')) figures.push({ src, caption: text, headingsBefore: headings.length });
      if (node.tagName === 'figure') continue;
    }
    for (let index = node.children.length - 1; index >= 0; index -= 1) pending.push({ node: node.children[index] as HastContent, inArticle });
  }
  return { figures, headings };
}

function containsArticle(tree: HastRoot): boolean {
  const pending: HastContent[] = [...tree.children];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.type !== 'element') continue;
    if (node.tagName === 'article' || node.tagName === 'main') return true;
    pending.push(...(node.children as HastContent[]));
  }
  return false;
}

function isHidden(element: Element): boolean {
  const { properties } = element;
  return (properties['hidden'] !== undefined && properties['hidden'] !== false) || properties['ariaHidden'] === 'true';
}

function firstImage(element: Element): Element | undefined {
  const pending: HastContent[] = [...element.children].reverse() as HastContent[];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.type !== 'element') continue;
    if (node.tagName === 'img') return node;
    for (let index = node.children.length - 1; index >= 0; index -= 1) pending.push(node.children[index] as HastContent);
  }
  return undefined;
}

function captionOf(figure: Element): string {
  const caption = figure.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figcaption');
  return caption ? hastToString(caption) : '';
}

/**
 * The caption that follows a picture as a sibling of its paragraph, as a Word document's
 * "Caption" paragraph does (`<p><img></p><figcaption>…</figcaption>`).
 */
function captionAfter(pending: readonly { node: HastContent }[]): string {
  // The nodes still to be walked, next last: after the rest of the picture's own paragraph comes
  // the paragraph's next sibling. Only white space may stand between them.
  for (let index = pending.length - 1; index >= 0; index -= 1) {
    const { node } = pending[index]!;
    if (node.type === 'text' && node.value.trim() === '') continue;
    return node.type === 'element' && node.tagName === 'figcaption' ? hastToString(node) : '';
  }
  return '';
}

/** The picture's address: `src`, or the `data-src` a lazily loading page keeps it in. */
function imageSource(image: Element): string | undefined {
  const lazy = image.properties['dataSrc'];
  const src = image.properties['src'];
  const chosen = typeof lazy === 'string' && lazy.trim() !== '' && (typeof src !== 'string' || src.startsWith('data:image/gif')) ? lazy : src;
  return typeof chosen === 'string' && chosen.trim() !== '' ? chosen.trim() : undefined;
}

function isIcon(image: Element): boolean {
  const size = (name: string) => Number(image.properties[name]);
  return size('width') < ICON_SIZE || size('height') < ICON_SIZE;
}

/**
 * A caption in one line, without the credit a news photo carries ("… (Photo: Reuters)", "Foto:
 * ANTARA/…"): the credit names who took the picture, not what it shows.
 */
function clean(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .replace(/\s*\((?:foto|photo|dok|dokumentasi|sumber|source|image|ilustrasi|illustration|credit|kredit)\s*[:.][^()]{0,200}\)\s*\.?$/iu, '')
    .replace(/\s*(?:foto|photo|sumber foto|credit|kredit)\s*:\s*[^:]{0,200}$/iu, '')
    .trim();
}

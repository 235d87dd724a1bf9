import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import { NEVER_READ, chromeReason, isHidden } from './html-names.js';

/**
 * A run of text a reader sees as one piece: a heading, a paragraph, a list item, or text that sits
 * loose in a container or between `<br>`s — whatever element it is written in.
 */
export interface TextUnit {
  kind: 'heading' | 'paragraph';
  /** The visible text, white space collapsed. */
  text: string;
  /** 1-based source line of its first word. */
  line: number;
  /** For headings: 1 for `<h1>`, … 6 for `<h6>`. */
  depth?: number;
  /** The text is a list item's. */
  listItem?: boolean;
  /** The text is preformatted (`<pre>`): code or a plain-text document. */
  preformatted?: boolean;
  /** How many of its characters are link text. */
  linkChars: number;
  /** How many of its characters are bold (`<b>`, `<strong>`). */
  boldChars: number;
  /** The innermost block element the text is written in. */
  owner: Element;
}

/** Characters of text inside an element: in all, in links, and in paragraphs of prose (see {@link isProse}). */
export interface TextStats {
  chars: number;
  linkChars: number;
  proseChars: number;
}

/** Shorter paragraphs are not prose: captions, labels, menu items. */
export const MIN_PROSE_CHARS = 25;

/** A paragraph of prose: 25 characters or more, at most half of them link text. */
export function isProse(unit: TextUnit): boolean {
  return unit.kind === 'paragraph' && unit.text.length >= MIN_PROSE_CHARS && unit.linkChars <= unit.text.length / 2;
}

/** The readable text of a page as units, with what the extractor needs to know of its elements. */
export interface PageText {
  units: TextUnit[];
  /** The parent of every element that was read. */
  parents: Map<Element, Element>;
  /** The text inside every element that was read (read elements without text have none). */
  stats: Map<Element, TextStats>;
  /** The `<body>` (parse5 always makes one). */
  body: Element;
}

/** Elements that start and end a block of text; every other element is read as part of a line. */
const BLOCKS = new Set(
  'address article aside blockquote body center dd details dialog dir div dl dt fieldset figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li listing main menu nav ol p pre section summary table tbody td tfoot th thead tr ul caption legend search xmp plaintext'.split(' '),
);

/** Blocks whose text is one paragraph: page chrome written inside one stays part of the line. */
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'blockquote', 'caption', 'summary', 'legend']);

/** A line ends a sentence or a clause, so that a `<br>` after it starts a new paragraph. */
const ENDS_LINE = /[.!?…:;"”’»)\]]$/u;
/** A line that starts like a new paragraph: a capital, a number, a quote or a bullet. */
const STARTS_LINE = /^[\p{Lu}\p{N}"“‘«(\[•*–—-]/u;

/**
 * Reads a page's text into units in one walk over its tree, with a stack of its own (the tree nests
 * up to 256 levels, see `html-nesting.ts`). Scripts, styles, media, form controls, captions and
 * hidden elements are not read. Text between two `<br>`s is a paragraph of its own; after a single
 * `<br>` too, unless the line before ends mid-sentence and the next starts in lower case.
 */
export function readPageText(tree: HastRoot): PageText {
  const units: TextUnit[] = [];
  const parents = new Map<Element, Element>();
  const stats = new Map<Element, TextStats>();
  const fallbackBody: Element = { type: 'element', tagName: 'body', properties: {}, children: [] };
  let body: Element | undefined;

  // The unit being read.
  let parts: string[] = [];
  let linkChars = 0;
  let boldChars = 0;
  let line = 0;
  let breaks = 0;
  /** The last character of the unit that is not white space, for deciding on a `<br>` after it. */
  let lastChar = '';
  const owners: Element[] = [];
  /** The elements read as blocks: those of {@link BLOCKS}, and chrome between them. */
  const blocks = new Set<Element>();
  const headings: number[] = [];
  let links = 0;
  let bold = 0;
  let preformatted = 0;

  const flush = () => {
    breaks = 0;
    lastChar = '';
    if (parts.length === 0) return;
    const owner = owners.at(-1) ?? body ?? fallbackBody;
    const joined = parts.join('');
    parts = [];
    // Preformatted text is cut at its blank lines, each piece keeping its own line number.
    const chunks: { chunk: string; line: number }[] = [];
    if (preformatted > 0) {
      let start = 0;
      let chunkLine = line;
      for (const blank of joined.matchAll(/\n[ \t]*\n/gu)) {
        chunks.push({ chunk: joined.slice(start, blank.index), line: chunkLine });
        chunkLine += countLines(joined, start, blank.index + blank[0].length);
        start = blank.index + blank[0].length;
      }
      chunks.push({ chunk: joined.slice(start), line: chunkLine });
    } else {
      chunks.push({ chunk: joined, line });
    }
    for (const { chunk, line: chunkLine } of chunks) {
      const text = chunk.replace(/\s+/gu, ' ').trim();
      if (text === '') continue;
      const parent = parents.get(owner);
      const unit: TextUnit = { kind: 'paragraph', text, line: chunkLine, linkChars: Math.min(linkChars, text.length), boldChars: Math.min(boldChars, text.length), owner };
      const depth = headings.at(-1);
      if (depth !== undefined) {
        unit.kind = 'heading';
        unit.depth = depth;
      } else if (owner.tagName === 'li' || (owner.tagName === 'p' && parent?.tagName === 'li')) {
        unit.listItem = true;
      }
      if (preformatted > 0) unit.preformatted = true;
      units.push(unit);
      const total = stats.get(owner) ?? { chars: 0, linkChars: 0, proseChars: 0 };
      total.chars += unit.text.length;
      total.linkChars += unit.linkChars;
      if (isProse(unit)) total.proseChars += unit.text.length;
      stats.set(owner, total);
      linkChars = 0;
      boldChars = 0;
    }
    linkChars = 0;
    boldChars = 0;
  };

  const addText = (value: string, startLine: number) => {
    if (value.trim() === '') {
      if (parts.length > 0) parts.push(value);
      return;
    }
    if (breaks > 0 && parts.length > 0) {
      if (breaks > 1 || ENDS_LINE.test(lastChar) || STARTS_LINE.test(value.trimStart().slice(0, 1))) flush();
      else parts.push(' ');
    }
    breaks = 0;
    lastChar = value.trimEnd().slice(-1);
    if (parts.length === 0) line = startLine;
    parts.push(preformatted > 0 ? value : value.replace(/\s+/gu, ' '));
    const visible = links > 0 || bold > 0 ? value.replace(/\s+/gu, ' ').trim().length : 0;
    if (links > 0) linkChars += visible;
    if (bold > 0) boldChars += visible;
  };

  type Step = { node: HastContent; parent: Element | undefined } | { exit: Element };
  const pending: Step[] = [...tree.children].reverse().map((node) => ({ node, parent: undefined }));
  for (let step = pending.pop(); step !== undefined; step = pending.pop()) {
    if ('exit' in step) {
      const element = step.exit;
      const { tagName } = element;
      if (blocks.has(element)) {
        flush();
        owners.pop();
      }
      if (/^h[1-6]$/u.test(tagName)) headings.pop();
      if (tagName === 'a') links -= 1;
      if (tagName === 'b' || tagName === 'strong') bold -= 1;
      if (tagName === 'pre' || tagName === 'xmp' || tagName === 'listing' || tagName === 'plaintext') preformatted -= 1;
      // The element's text counts for its parent too.
      const own = stats.get(element);
      const parent = parents.get(element);
      if (own && parent) {
        const total = stats.get(parent) ?? { chars: 0, linkChars: 0, proseChars: 0 };
        total.chars += own.chars;
        total.linkChars += own.linkChars;
        total.proseChars += own.proseChars;
        stats.set(parent, total);
      }
      continue;
    }
    const { node, parent } = step;
    if (node.type === 'text') {
      addText(node.value, node.position?.start.line ?? line);
      continue;
    }
    if (node.type !== 'element') continue;
    const { tagName } = node;
    if (tagName === 'body' && body === undefined) body = node;
    // A page that hides itself until its scripts have run is still read.
    if (NEVER_READ.has(tagName) || (isHidden(node) && tagName !== 'body' && tagName !== 'html')) continue;
    if (tagName === 'br') {
      breaks += 1;
      continue;
    }
    if (parent) parents.set(node, parent);
    // Chrome written inline between blocks (a byline <span>, a "read also" <a>) is a unit of its
    // own, so that it can be dropped without the text around it.
    const block = BLOCKS.has(tagName) || (!PARAGRAPHS.has(owners.at(-1)?.tagName ?? '') && chromeReason(node) !== undefined);
    if (block) {
      blocks.add(node);
      flush();
      owners.push(node);
    }
    const heading = /^h([1-6])$/u.exec(tagName);
    if (heading) headings.push(Number(heading[1]));
    if (tagName === 'a') links += 1;
    if (tagName === 'b' || tagName === 'strong') bold += 1;
    if (tagName === 'pre' || tagName === 'xmp' || tagName === 'listing' || tagName === 'plaintext') preformatted += 1;
    pending.push({ exit: node });
    for (let index = node.children.length - 1; index >= 0; index -= 1) pending.push({ node: node.children[index]!, parent: node });
  }
  flush();
  return { units, parents, stats, body: body ?? fallbackBody };
}

/** The line breaks in `text` from `start` to `end`. */
function countLines(text: string, start: number, end: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', start); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

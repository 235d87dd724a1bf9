import { tooDeep } from './limits.js';

/**
 * Elements nested deeper than this are refused. The HTML reader's tree walks (hast-util-from-parse5,
 * hast-util-to-mdast, …) recurse, about three calls per level, and overflow the stack at 1,500 to
 * 2,000 levels; parse5 itself looks through the open elements for most start tags, so deep
 * nesting also costs time. Browsers stop nesting at 512 (Blink); pages nest a few dozen levels.
 */
export const MAX_HTML_DEPTH = 256;

/** Elements that never have content. */
const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'image']);
/** Elements whose content is text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
/** Start tags that close an open `<p>` first. */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer',
  'header', 'hgroup', 'main', 'menu', 'nav', 'ol', 'p', 'search', 'section', 'summary', 'ul', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre',
  'listing', 'form', 'hr', 'li', 'dd', 'dt', 'plaintext', 'table',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements an open `<p>` is not closed across. */
const P_SCOPE = ['button', 'table', 'td', 'th', 'caption', 'marquee', 'object', 'applet', 'template'];

/**
 * The open elements of an HTML document as the HTML parser would keep them, roughly: enough to
 * tell how deep it nests. Each name keeps the positions where it is open, so that closing up to an
 * element and finding the nearest one cost no search.
 */
class OpenElements {
  readonly names: string[] = [];
  private readonly positions = new Map<string, number[]>();

  get depth(): number {
    return this.names.length;
  }

  push(name: string): void {
    this.names.push(name);
    let positions = this.positions.get(name);
    if (positions === undefined) this.positions.set(name, (positions = []));
    positions.push(this.names.length - 1);
  }

  /** Where the innermost open element of any of `names` is, or -1. */
  nearest(...names: string[]): number {
    return names.reduce((nearest, name) => Math.max(nearest, this.positions.get(name)?.at(-1) ?? -1), -1);
  }

  /** Closes the element at `position` and everything opened inside it. */
  closeFrom(position: number): void {
    while (this.names.length > position) this.positions.get(this.names.pop()!)!.pop();
  }

  /** Closes the innermost of `names` if it is open after (inside) `scope`'s innermost element. */
  closeWithin(names: string[], scope: string[]): void {
    const position = this.nearest(...names);
    if (position >= 0 && position > this.nearest(...scope)) this.closeFrom(position);
  }
}

/**
 * Checks how deep an HTML document nests before it is parsed, throwing the reader's
 * {@link UnreadableSourceError} past {@link MAX_HTML_DEPTH}. One pass over the text, as a light
 * tokenizer: comments, doctypes and the text of script-like elements are skipped; void elements,
 * and self-closing ones inside SVG and MathML, add no depth; the end tags and start tags that the
 * HTML parser lets close elements implicitly (`<p>`, `<li>`, table cells, a second `<a>`) close them
 * here too, so that a page of unclosed paragraphs is not mistaken for a deep one.
 */
export function checkHtmlNesting(text: string): void {
  const open = new OpenElements();
  let position = 0;
  while (position < text.length) {
    const start = text.indexOf('<', position);
    if (start < 0) break;
    const next = text[start + 1];
    if (text.startsWith('<!--', start)) {
      position = endAfter(text, '-->', start + 4);
    } else if (text.startsWith('<![CDATA[', start)) {
      position = endAfter(text, ']]>', start + 9);
    } else if (next === '!' || next === '?') {
      position = endAfter(text, '>', start + 2);
    } else if (next === '/' && /[A-Za-z]/u.test(text[start + 2] ?? '')) {
      const { name, end } = readTag(text, start + 2);
      position = end;
      const at = open.nearest(name);
      if (at >= 0) open.closeFrom(at);
    } else if (next !== undefined && /[A-Za-z]/u.test(next)) {
      const { name, end, selfClosing } = readTag(text, start + 1);
      position = end;
      if (name === 'plaintext') break;
      if (RAW_TEXT.has(name)) {
        // Its text runs to its end tag, whatever it looks like.
        const close = new RegExp(`</${name}`, 'giu');
        close.lastIndex = end;
        position = close.exec(text)?.index ?? text.length;
        continue;
      }
      closeImplied(open, name);
      const foreign = open.nearest('svg', 'math') >= 0;
      if (VOID.has(name) || (selfClosing && foreign) || name === 'html' || name === 'head' || name === 'body') continue;
      open.push(name);
      // html and body stand above every element.
      if (open.depth + 2 > MAX_HTML_DEPTH) throw tooDeep('HTML elements', MAX_HTML_DEPTH, lineAt(text, start));
    } else {
      position = start + 1;
    }
  }
}

/** The elements a start tag of `name` closes first, as the HTML parser's tree construction does. */
function closeImplied(open: OpenElements, name: string): void {
  if (CLOSES_P.has(name)) open.closeWithin(['p'], P_SCOPE);
  if (HEADINGS.has(name) && HEADINGS.has(open.names.at(-1) ?? '')) open.closeFrom(open.depth - 1);
  switch (name) {
    case 'li':
      open.closeWithin(['li'], ['ul', 'ol', 'menu']);
      break;
    case 'dt':
    case 'dd':
      open.closeWithin(['dt', 'dd'], ['dl']);
      break;
    case 'td':
    case 'th':
      open.closeWithin(['td', 'th'], ['table']);
      break;
    case 'tr':
      open.closeWithin(['tr'], ['table']);
      break;
    case 'tbody':
    case 'thead':
    case 'tfoot':
      open.closeWithin(['tbody', 'thead', 'tfoot'], ['table']);
      break;
    case 'option':
    case 'optgroup':
      open.closeWithin(name === 'option' ? ['option'] : ['option', 'optgroup'], ['select', 'datalist']);
      break;
    case 'rb':
    case 'rt':
    case 'rp':
    case 'rtc':
      open.closeWithin(['rb', 'rt', 'rp', 'rtc'], ['ruby']);
      break;
    case 'a':
    case 'nobr':
    case 'button':
    case 'form':
      // A second one closes the first (the adoption agency for links, a parse error for the others).
      open.closeWithin([name], ['table', 'td', 'th', 'template']);
      break;
    default:
  }
}

/** A tag's lower-case name, where it ends (after its `>`), and whether it ends in `/>`. */
function readTag(text: string, from: number): { name: string; end: number; selfClosing: boolean } {
  let position = from;
  while (position < text.length && !/[\s/>]/u.test(text[position]!)) position += 1;
  const name = text.slice(from, position).toLowerCase();
  // Attributes: only a value in quotes may hold a `>`.
  while (position < text.length && text[position] !== '>') {
    if (text[position] === '=') {
      position += 1;
      while (position < text.length && /\s/u.test(text[position]!)) position += 1;
      const quote = text[position];
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, position + 1);
        position = close < 0 ? text.length : close + 1;
        continue;
      }
    }
    position += 1;
  }
  return { name, end: Math.min(text.length, position + 1), selfClosing: text[position - 1] === '/' };
}

/** The position after the first `marker` from `from`, or the end of the text. */
function endAfter(text: string, marker: string, from: number): number {
  const end = text.indexOf(marker, from);
  return end < 0 ? text.length : end + marker.length;
}

/** The 1-based line of `position`. */
function lineAt(text: string, position: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index >= 0 && index < position; index = text.indexOf('\n', index + 1)) line += 1;
  return line;
}

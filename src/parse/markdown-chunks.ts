import { UnreadableSourceError, tooDeep } from './limits.js';

/**
 * Markdown is read with remark (micromark), whose costs grow faster than the text in three ways
 * that articles can reach: a document's every closing list item or block quote rewrites all the
 * parser's events so far (10,000 quoted paragraphs took 110 s), every list or quote marker on a
 * line costs a fraction of a millisecond, and nesting thousands deep overflows its stack. So the
 * source is read line by line first, without parsing it: nesting beyond {@link MAX_MARKDOWN_DEPTH}
 * and more than {@link MAX_CONTAINER_MARKERS} markers are refused, and a long document is cut into
 * chunks at lines where every list and quote is closed or a new block starts, so that each chunk
 * is parsed on its own.
 */

/** Lists and quotes nested deeper than this are refused (an upper bound is estimated per line). */
export const MAX_MARKDOWN_DEPTH = 32;

/** More list and quote markers than this in one document are refused: each costs the parser dearly. */
export const MAX_CONTAINER_MARKERS = 20_000;

/**
 * More inline marks than this (`[`, `]`, `*`, `_`, a backtick, `~`, `<` outside code and HTML
 * blocks) in one document are refused. Each costs micromark 20 to 40 µs when they are dense
 * (brackets most), so a megabyte of them took minutes; prose has one in a hundred characters or
 * fewer, and this many take the parser a few seconds at most.
 */
export const MAX_INLINE_MARKS = 200_000;

/** How big chunks grow (tests make them small, to cut everywhere). */
export interface ChunkSizes {
  /** A chunk is cut at the first safe line after it reaches this size… */
  bytes: number;
  /** …or this many list and quote markers, which make closing a block cost more. */
  markers: number;
  /** Inline marks (see {@link MAX_INLINE_MARKS}) a chunk may hold before it is cut, inside a paragraph if need be. */
  marks: number;
  /**
   * A chunk that reaches this size without a safe line is cut inside a paragraph, between lines
   * or inside a long line, and the paragraph is joined again after parsing.
   */
  force: number;
}

/** Chunks of 16 KB or 64 markers (2,048 inline marks, 64 KB at most): each parses in milliseconds, and few documents are cut at all. */
export const CHUNK_SIZES: ChunkSizes = { bytes: 16 * 1024, markers: 64, marks: 2048, force: 64 * 1024 };

/** A piece of a Markdown source that is parsed on its own. */
export interface MarkdownChunk {
  /** The chunk's text, with the link and footnote definitions it refers to added (after it, or before it). */
  text: string;
  /** 1-based line of the source where the chunk's text would start (before any definitions put in front). */
  line: number;
  /**
   * How the chunk continues a paragraph that the previous chunk ends with, when it was cut inside
   * one: `'line'` between two of its lines, `'space'` inside a line at a space, `'word'` inside a
   * line with no space to cut at. Undefined otherwise.
   */
  continues?: 'line' | 'space' | 'word';
}

/** The container prefix of a line: list markers, `>` markers and the white space among them. */
interface Prefix {
  /** Markers (list item or `>`) before the line's content. */
  markers: number;
  /** Whether any of them is a list item's: the line starts an item, and a block in it. */
  item: boolean;
  /** An upper bound on the line's nesting: each marker, and each two columns of further indentation. */
  depth: number;
  /** The line's content after the prefix. */
  content: string;
}

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/u;

function readPrefix(line: string): Prefix {
  let position = 0;
  let markers = 0;
  let columns = 0;
  let item = false;
  for (;;) {
    while (line[position] === ' ' || line[position] === '\t') {
      columns += line[position] === '\t' ? 4 : 1;
      position += 1;
    }
    if (line[position] === '>') {
      markers += 1;
      position += 1;
    } else {
      const list = LIST_MARKER.exec(line.slice(position, position + 11));
      if (list === null) break;
      markers += 1;
      item = true;
      position += list[0].length;
    }
    // The one space that follows a marker is part of it, not indentation for nesting.
    if (line[position] === ' ') position += 1;
  }
  return { markers, item, depth: markers + Math.floor(columns / 2), content: line.slice(position) };
}

/**
 * The line after its block quote markers (each after at most three spaces), and how many there
 * are; `undefined` when the content is indented four spaces or more (code, or a list's content).
 */
function quoted(line: string): { quotes: number; rest: string } | undefined {
  let position = 0;
  let quotes = 0;
  for (;;) {
    const start = position;
    while (line[position] === ' ' && position - start < 4) position += 1;
    if (position - start > 3 || line[position] === '\t') return undefined;
    if (line[position] !== '>') return { quotes, rest: line.slice(position) };
    quotes += 1;
    position += 1;
    if (line[position] === ' ') position += 1;
  }
}

/**
 * A line in the first column that starts a block interrupting any paragraph: a list item with text
 * or a heading. Whatever list item or quote is open, such a line closes it (or goes on with a new
 * item of the same list). Indented, it might stay in a container whose context a chunk would lose.
 */
const BLOCK_START = /^(?:(?:[-*+]|1[.)])[ \t]+\S|#{1,6}(?:[ \t]|$))/u;

/**
 * Closing a list item or quote costs the parser in proportion to all it has read of the chunk;
 * more than this many in one chunk that has no line to cut at (all inside one top-level list item
 * or quote) are refused.
 */
export const MAX_CHUNK_CLOSES = 500;
/**
 * The start of a line that is a paragraph's text wherever it stands: at most three spaces, then
 * nothing that opens a block (a list item, heading, quote, HTML, table row, fence, thematic break
 * or setext underline). A link definition is ruled out apart (see {@link isPlainText}).
 */
const PLAIN_TEXT_START = /^ {0,3}(?![-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|#{1,6}(?:[ \t]|$)|[>|<=]|[`~]{3}|(?:[-*_][ \t]*){3,}$)\S/u;

/** Whether a line (after its quote markers) would be a paragraph's text at the start of a chunk as in the middle of one. */
function isPlainText(rest: string): boolean {
  return PLAIN_TEXT_START.test(rest) && !DEFINITION.test(rest.trimStart());
}
/** Lines that turn the paragraph above them into something else: a setext underline, a table's delimiter row. */
const CHANGES_PARAGRAPH_ABOVE = /^ {0,3}(?:=+|-+)[ \t]*$|^[ \t]*\|?[ \t]*:?-+:?[ \t]*\|/u;

/**
 * A fenced code block or an HTML block, where it ends, and where it stands: `within` the list items
 * and quotes whose markers its first line has (it ends with them, at a line that does not continue
 * them); `topLevel` when that line starts in the first column (a fence there holds text the parser
 * does not read for markers). A block indented without markers is neither: it may be in a list
 * item or not, and is assumed to go on.
 */
type Verbatim = ({ kind: 'fence'; marker: string } | { kind: 'html'; end: RegExp | 'blank' }) & { within: Containers | undefined; topLevel: boolean; indent: number };

/** Quote markers at the start of a line, and the columns of indentation and list markers after them. */
interface Containers {
  quotes: number;
  indent: number;
  /** Nothing but white space after them. */
  blank: boolean;
}

/** The containers a line's first characters stand for (list markers counted only when `withMarkers`). */
function containersOf(line: string, withMarkers: boolean): Containers {
  let position = 0;
  let quotes = 0;
  for (;;) {
    const start = position;
    while (line[position] === ' ' && position - start < 3) position += 1;
    if (line[position] !== '>') {
      position = start;
      break;
    }
    quotes += 1;
    position += 1;
    if (line[position] === ' ') position += 1;
  }
  let indent = 0;
  for (;;) {
    if (line[position] === ' ' || line[position] === '\t') {
      indent += line[position] === '\t' ? 4 : 1;
      position += 1;
      continue;
    }
    const list = withMarkers ? LIST_MARKER.exec(line.slice(position, position + 11)) : null;
    if (list === null) break;
    indent += list[0].length;
    position += list[0].length;
  }
  return { quotes, indent, blank: position >= line.length };
}

/** Whether `line` goes on in the list items and quotes of `within`: fenced code and HTML are never continued lazily. */
function continues(within: Containers, line: string): boolean {
  if (line.trim() === '') return true;
  const { quotes, indent, blank } = containersOf(line, false);
  // A line blank but for its quote markers goes on in a list item in the quote, as a blank line does.
  return quotes >= within.quotes && (quotes > within.quotes || blank || indent >= within.indent);
}

const FENCE = /^(`{3,})(?!.*`)|^(~{3,})/u;

/** HTML blocks that run to an end marker rather than to a blank line (CommonMark kinds 1 to 5). */
const HTML_ENDS: readonly [RegExp, RegExp][] = [
  [/^<(?:script|pre|style|textarea)(?:[\s>]|$)/iu, /<\/(?:script|pre|style|textarea)>/iu],
  [/^<!--/u, /-->/u],
  [/^<\?/u, /\?>/u],
  [/^<!\[CDATA\[/u, /\]\]>/u],
  [/^<![A-Za-z]/u, />/u],
];

/** Tags that open an HTML block even inside a paragraph (CommonMark kind 6); any other tag only outside one (kind 7). */
const BLOCK_TAG =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s/>]|$)/iu;

/** The fenced code or HTML block that `line` opens, if any, given its prefix and whether it would continue a paragraph. */
function opensVerbatim(line: string, prefix: Prefix, inParagraph: boolean): Verbatim | undefined {
  const { content } = prefix;
  const place = { within: prefix.markers > 0 ? containersOf(line, true) : undefined, topLevel: line === content, indent: line.length - line.trimStart().length };
  const fence = FENCE.exec(content);
  if (fence) return { kind: 'fence', marker: (fence[1] ?? fence[2])!, ...place };
  if (!/^<[A-Za-z/!?]/u.test(content)) return undefined;
  for (const [start, end] of HTML_ENDS) {
    // The end marker may be on the opening line itself.
    if (start.test(content)) return end.test(content.slice(2)) ? undefined : { kind: 'html', end, ...place };
  }
  return inParagraph && !BLOCK_TAG.test(content) ? undefined : { kind: 'html', end: 'blank', ...place };
}

/** `[label]:` and `[^label]:` at the start of a line's content: a definition, which any part of the document may use. */
const DEFINITION = /^\[(\^?)((?:[^[\]\\]|\\.){1,999})\]:/u;
/** Every `[label]` in a text: the references a chunk may make. */
const REFERENCE = /\[(\^?)((?:[^[\]\\]|\\.){1,999})\]/gu;
/** Line content that is no paragraph's text: nothing after the markers, a heading, a thematic break (or `---` underline). */
const NOT_PARAGRAPH_TEXT = /^(?:$|#{1,6}(?:[ \t]|$)|(?:[-*_][ \t]*){3,}$)/u;
/** A space before a letter: where a line longer than a chunk is cut. */
const SPACE_BEFORE_LETTER = / (?=\p{L})/gu;

/**
 * Where to cut a line inside so that no chunk exceeds `sizes.force` characters or `sizes.marks`
 * inline marks, given what the chunk holds before the line: at a space before a letter when one is
 * within 256 characters (`'space'`, the space dropped), else right there (`'word'`). Never at the
 * line's start, whose first characters decide what block it is, nor inside a surrogate pair.
 */
function cutsInside(line: string, charsBefore: number, marksBefore: number, sizes: ChunkSizes): { cuts: { at: number; continues: 'space' | 'word' }[]; marks: number } {
  const cuts: { at: number; continues: 'space' | 'word' }[] = [];
  let chars = charsBefore;
  let marks = marksBefore;
  for (let position = 0; position < line.length; position += 1) {
    chars += 1;
    if (inlineMarks(line[position]!) > 0) marks += 1;
    if (position === 0 || (chars < sizes.force && marks < sizes.marks)) continue;
    const window = line.slice(position, position + 256);
    SPACE_BEFORE_LETTER.lastIndex = 0;
    const space = SPACE_BEFORE_LETTER.exec(window);
    let at = space === null ? position : position + space.index + 1;
    if (space === null && isLowSurrogate(line.charCodeAt(at))) at += 1;
    if (at >= line.length) break;
    cuts.push({ at, continues: space === null ? 'word' : 'space' });
    // The new chunk starts at `at`; the walk goes on from there.
    marks = inlineMarks(line[at]!);
    chars = 1;
    position = at;
  }
  return { cuts, marks };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A label as CommonMark compares them: case-folded, white space collapsed. */
function normaliseLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/gu, ' ').trim().toLowerCase().toUpperCase();
}

/** Where a chunk starts, and whether it starts inside a paragraph. */
interface Cut {
  start: number;
  line: number;
  continues?: 'line' | 'space' | 'word';
}

/** How many of the characters micromark reads as inline marks `text` has (see {@link MAX_INLINE_MARKS}). */
function inlineMarks(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    switch (text.charCodeAt(index)) {
      case 0x5b: // [
      case 0x5d: // ]
      case 0x2a: // *
      case 0x5f: // _
      case 0x60: // `
      case 0x7e: // ~
      case 0x3c: // <
        count += 1;
        break;
      default:
        break;
    }
  }
  return count;
}

/**
 * Checks a Markdown source's nesting and markers (throwing {@link UnreadableSourceError}) and cuts
 * it into chunks that parse to the same blocks as the whole: before a line that follows a blank
 * line and starts in the first columns (everything above it is closed, or it goes on as a new item
 * of the same list or quote, which makes no difference to the blocks), or before a list item or
 * heading, which closes any paragraph and any list or quote it does not continue. Never inside
 * front matter, fenced code or an HTML block. Only a chunk that reaches `sizes.force` without
 * such a line is cut inside a paragraph (see {@link MarkdownChunk.continues}). Each chunk gets the
 * link and footnote definitions it refers to from elsewhere, so that its references resolve as in
 * the whole document.
 */
export function chunkMarkdown(text: string, sizes: ChunkSizes = CHUNK_SIZES): MarkdownChunk[] {
  const lines = text.split('\n');
  const cuts: Cut[] = [{ start: 0, line: 1 }];
  const definitions = new Set<string>();
  let offset = 0;
  let markers = 0;
  let marks = 0;
  let chunkMarkers = 0;
  // Inline marks in the chunk so far (see ChunkSizes.marks).
  let chunkMarks = 0;
  // Lines that close a list item or quote (a new item, fewer quote markers than the line before).
  let chunkCloses = 0;
  let previousLineQuotes = 0;
  // The blocks the line may be in, outermost first: more than one where the reading is uncertain.
  const verbatim: Verbatim[] = [];
  // Front matter runs from a first line `---` to the next `---`.
  let frontMatter = lines[0]?.trimEnd() === '---';
  let previousBlank = true;
  let previousEmpty = true;
  // The quote markers of the previous line when it was paragraph text (see isPlainText).
  let previousProse: number | undefined;
  // Whether a link definition may start on this line: not inside a paragraph, which it cannot interrupt.
  let definitionMayStart = true;
  // Whether the paragraph the previous line is in started in a list item or quote: a line in the
  // first column then leaves it rather than continuing it lazily, even with a tag that could not
  // interrupt a paragraph.
  let paragraphNested = false;
  // Whether the line is a link definition's destination, its label alone on the line before.
  let destinationNext = false;

  lines.forEach((line, index) => {
    const lineStart = offset;
    offset += line.length + 1;
    const prefix = readPrefix(line);
    const block = quoted(line);
    const blank = block === undefined ? line.trim() === '' : block.rest.trim() === '';

    // Is the line inside front matter, fenced code or an HTML block, and is it the block's last?
    // Where the reading is uncertain, it errs towards inside: a chunk is never cut in a block.
    let last = frontMatter && index > 0 && line.trimEnd() === '---';
    // A fence or HTML block in a list item or quote ends with it.
    for (let top = verbatim.at(-1); top?.within && !continues(top.within, line); top = verbatim.at(-1)) verbatim.pop();
    const current = verbatim.at(-1);
    if (current?.kind === 'html' && current.end === 'blank') {
      // The blank line that ends it is already outside it. Before that, a fence or an HTML block
      // that runs to an end marker may open: the line that seemed to open this block may have
      // been text of a paragraph. Both readings are kept until each has ended.
      if (line.trim() === '') verbatim.pop();
      else {
        const inner = opensVerbatim(line, prefix, false);
        if (inner) verbatim.push(inner);
      }
    } else if (current?.kind === 'fence') {
      // A fence opened without markers closes without them: "> ```" in it is code.
      const closing = current.within ? prefix.content : line.replace(current.topLevel ? /^ {0,3}/u : /^[ \t]*/u, '');
      last = closing.startsWith(current.marker) && closing.replace(/^[`~]+/u, '').trim() === '';
      // A fence indented without markers may be in a list item; a fence line less indented then
      // leaves the item, which closes the fence, and opens another, which must close in turn.
      if (last && !current.within && !current.topLevel && line.length - line.trimStart().length < current.indent) {
        last = false;
        verbatim[verbatim.length - 1] = { ...current, indent: 0 };
      }
    } else if (current?.kind === 'html') {
      last = current.end !== 'blank' && current.end.test(line);
    }
    const inside = frontMatter || verbatim.length > 0;

    if (index > 0 && !inside) {
      const chunkStart = cuts.at(-1)!.start;
      // After a blank line (not one in a quote), a line in the first column closes all but a list it goes on with.
      const firstColumn = line !== '' && !/^[ \t]/u.test(line);
      const safe = firstColumn && ((previousEmpty && !line.startsWith('---')) || BLOCK_START.test(line));
      if (safe && (lineStart - chunkStart >= sizes.bytes || chunkMarkers >= sizes.markers)) {
        cuts.push({ start: lineStart, line: index + 1 });
        chunkMarkers = 0;
        chunkCloses = 0;
        chunkMarks = 0;
      } else if (
        (lineStart - chunkStart >= sizes.force || chunkMarks >= sizes.marks) &&
        block !== undefined &&
        block.quotes === previousProse &&
        isPlainText(block.rest) &&
        !CHANGES_PARAGRAPH_ABOVE.test(lines[index + 1] ?? '')
      ) {
        cuts.push({ start: lineStart, line: index + 1, continues: 'line' });
        chunkMarkers = 0;
        chunkCloses = 0;
        chunkMarks = 0;
      }
    }

    // Code in a fence at the top level is text to the parser: neither nesting nor markers. Anything
    // else counts, front matter included, so that no opening line can hide what follows.
    if (!(verbatim.length === 1 && verbatim[0]!.kind === 'fence' && verbatim[0]!.topLevel && !last)) {
      if (prefix.markers > 0 && prefix.depth > MAX_MARKDOWN_DEPTH) throw tooDeep('lists or block quotes', MAX_MARKDOWN_DEPTH, index + 1);
      markers += prefix.markers;
      chunkMarkers += prefix.markers;
      if (markers > MAX_CONTAINER_MARKERS) {
        throw new UnreadableSourceError(
          `more than ${MAX_CONTAINER_MARKERS.toLocaleString('en')} list items and block quote markers (line ${index + 1}), more than the Markdown reader can take in time; split the article or save it as plain text (.txt)`,
        );
      }
      const quotes = containersOf(line, false).quotes;
      if (prefix.item || (quotes < previousLineQuotes && !blank)) chunkCloses += 1;
      if (chunkCloses > MAX_CHUNK_CLOSES) {
        throw new UnreadableSourceError(
          `a list or block quote with more than ${MAX_CHUNK_CLOSES} items or quote levels inside one item or quote (line ${index + 1}), more than the Markdown reader can take in time; start some of its items in the first column or save the text as plain text (.txt)`,
        );
      }
      previousLineQuotes = quotes;
    }

    // A link definition cannot interrupt a paragraph (a footnote's can). After a blank line one is
    // taken even in blocks read as opened inside an HTML block that ends at a blank line, which may
    // have been a paragraph's text.
    const uncertain = verbatim.length === 0 || (verbatim[0]!.kind === 'html' && verbatim[0]!.end === 'blank');
    const definition = frontMatter || !uncertain ? null : DEFINITION.exec(prefix.content);
    if (definition && (definitionMayStart || previousBlank || prefix.item || definition[1] === '^')) definitions.add(definition[1] + normaliseLabel(definition[2]!));
    if (last) {
      frontMatter = false;
      verbatim.pop();
      definitionMayStart = true;
    } else if (!inside) {
      const opened = opensVerbatim(line, prefix, !definitionMayStart && !(paragraphNested && /^[^ \t>]/u.test(line)));
      if (opened) verbatim.push(opened);
      // Whether the next line may start one: after a line that is not paragraph text (a footnote's
      // definition holds a paragraph).
      const indentedCode = definitionMayStart && prefix.markers === 0 && /^(?: {4}|\t)/u.test(line);
      if (definitionMayStart) paragraphNested = prefix.markers > 0 || /^[ \t]/u.test(line);
      // `===` ends the paragraph above as its underline; with none above, it is a paragraph's text.
      const underline = !definitionMayStart && /^=+[ \t]*$/u.test(prefix.content);
      // A link definition may have its destination on the next line, after which another may start.
      const destinationLine = destinationNext;
      destinationNext = definitionMayStart && definition?.[1] === '' && prefix.content.slice(definition[0].length).trim() === '';
      definitionMayStart =
        blank || opened !== undefined || indentedCode || underline || (definitionMayStart && definition?.[1] === '') || destinationNext || destinationLine || NOT_PARAGRAPH_TEXT.test(prefix.content);
      if (opened === undefined) {
        const lineMarks = inlineMarks(line);
        marks += lineMarks;
        if (marks > MAX_INLINE_MARKS) {
          throw new UnreadableSourceError(
            `more than ${MAX_INLINE_MARKS.toLocaleString('en')} link, emphasis and code marks ([ ] * _ \` ~ <) (line ${index + 1}), more than the Markdown reader can take in time; save the text as plain text (.txt)`,
          );
        }
        // A line longer than a chunk, or with more marks than a chunk may hold, is cut inside: the
        // parser's cost grows faster than a paragraph's length (a run of 8,000 `*` each side of a
        // word took 14 s), so no paragraph is parsed whole beyond these sizes. Shorter lines are
        // only cut between (above), which keeps a table or a list item whole.
        if (line.length > sizes.force || lineMarks > sizes.marks) {
          const inside = cutsInside(line, lineStart - cuts.at(-1)!.start, chunkMarks, sizes);
          for (const cut of inside.cuts) cuts.push({ start: lineStart + cut.at, line: index + 1, continues: cut.continues });
          chunkMarks = inside.marks;
        } else chunkMarks += lineMarks;
      }
    }
    previousBlank = blank;
    previousEmpty = line.trim() === '';
    previousProse = !inside && block !== undefined && isPlainText(block.rest) ? block.quotes : undefined;
  });

  // The last chunk may end in a fence or HTML block that runs to the end: its definitions go before it.
  const endsInside = frontMatter || verbatim.length > 0;
  return cuts.map((cut, position) => {
    const body = text.slice(cut.start, cuts[position + 1]?.start ?? text.length);
    const defined = cuts.length > 1 ? definitionsFor(body, definitions) : [];
    const before = endsInside && position === cuts.length - 1 && defined.length > 0;
    // A blank line after each: a footnote's definition would take the next line into its paragraph.
    const chunk: MarkdownChunk = before
      ? { text: `${defined.join('\n\n')}\n\n${body}`, line: cut.line - 2 * defined.length }
      : { text: defined.length > 0 ? `${body}\n\n${defined.join('\n\n')}\n` : body, line: cut.line };
    if (cut.continues) chunk.continues = cut.continues;
    return chunk;
  });
}

/** Definitions, one line each, of the labels that `body` refers to and that the document defines. */
function definitionsFor(body: string, definitions: ReadonlySet<string>): string[] {
  if (definitions.size === 0) return [];
  const lines = new Set<string>();
  for (const [, caret, label] of body.matchAll(REFERENCE)) {
    if (definitions.has(caret + normaliseLabel(label!))) lines.add(caret ? `[^${label}]: .` : `[${label}]: #`);
  }
  return [...lines];
}

import type { VFile } from 'vfile';
import { type Block, clip } from './blocks.js';
import { plausibleTitle } from './document-meta.js';
import type { ArticleMeta } from './markdown.js';

/**
 * The layout half of the PDF reader: from positioned runs of text (what pdf.js gives) to the
 * article's blocks. Pure geometry and wording, no pdf.js, so that every rule can be tested on
 * pages made up in a test.
 */

/** A run of text on a page, in points, with y measured downwards from the top of the page. */
export interface TextRun {
  text: string;
  /** Left edge. */
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size. */
  size: number;
  bold: boolean;
  /** Set in a fixed-pitch font (code, not prose). */
  mono: boolean;
}

/** One page's runs, in the order the page draws them. */
export interface PdfPage {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
}

/** What the document information dictionary says, where it says anything. */
export interface PdfInfo {
  title?: string;
  author?: string;
  lang?: string;
}

/** The article read from a PDF's pages. */
export interface PdfLayout {
  meta: ArticleMeta;
  blocks: Block[];
}

/** Runs merged along a baseline: a word, a line, or the part of a line in one column. */
interface Chunk {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** Characters in all, in bold, in a fixed-pitch font: the chunk's style by majority. */
  chars: number;
  boldChars: number;
  monoChars: number;
  /** The chunk's text up to its first run that is not bold ('' when it starts in a regular face). */
  lead: string;
  /** Characters per font size, for the size most of the chunk is set in. */
  sizes: Map<number, number>;
}

/** A line of one column (or of the whole page, for text across the columns), in reading order. */
interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  bold: boolean;
  /** The line's opening words in bold, when it opens with some and goes on in a regular face: a run-in heading. */
  lead: string;
  /** Cells apart on one baseline: a row of a table, not prose. */
  tabular: boolean;
  page: number;
  /** Which column run of the page it belongs to; a change means a column or page break. */
  segment: number;
  /** The left and right edges of its column's text. */
  left: number;
  right: number;
}

/** Text smaller than this share of the body size is footnotes, figure labels or fine print. */
const SMALL_TEXT = 0.895;
/** Text this much larger than the body is a heading (or the title). */
const LARGE_TEXT = 1.12;
/** The title is at least this much larger than the body. */
const TITLE_TEXT = 1.25;
/** The share of pages a header or footer line must recur on to be a running one. */
const RUNNING_SHARE = 0.25;
/** The top and bottom share of a page where running headers, footers and page numbers stand. */
const MARGIN_BAND = 0.1;
/** A heading has at most this many words. */
const MAX_HEADING_WORDS = 15;

/** "3", "- 3 -", "Page 3", "Halaman 3 dari 14", "3 / 14", "iv": a page number standing alone. */
const PAGE_NUMBER = /^(?:(?:page|halaman|hal\.?|p\.)\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—]?(?:\s*(?:of|dari|\/)\s*\d{1,4})?$/iu;

/** "1", "2.3", "4.1.2" (with an optional final period), "IV." or "A." before a heading's words. */
const HEADING_NUMBER = /^(?:(\d{1,2}(?:\.\d{1,2}){0,3})\.?|[IVX]{1,5}\.|[A-H]\.)\s+(?=[\p{Lu}\p{Lt}])/u;

/** Bullets and numbers that open a list item. */
const LIST_MARKER = /^(?:[•·▪◦●‣–—-]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+(?=\S)/u;

/** A figure or table caption: "Figure 3.", "Fig. 2:", "Table IV", "Gambar 1." */
const CAPTION = /^(?:fig\.?|figure|table|tabel|gambar|grafik|chart|listing|algorithm|diagram|bagan)\s*(?:\d{1,3}|[IVX]{1,5})[a-z]?\s*[.:|–—-]/iu;

/** Headings from which the rest of the document is references, not the article. */
const REFERENCES = /^(?:references?|bibliography|works cited|literature cited|literature|sources|daftar pustaka|daftar rujukan|referensi|kepustakaan|pustaka)$/iu;

/** Headings of sections that thank people rather than say anything. */
const ACKNOWLEDGEMENTS = /^(?:acknowledge?ments?|ucapan terima kasih)$/iu;

/** Front matter of papers that is not prose: classification, keywords, licence and citation lines. */
const FRONT_MATTER = /^(?:categories and subject descriptors|general terms|keywords?|key words|index terms|ccs concepts|acm reference format|permanent url|copyright|reference|citation|to cite this|doi|received|accepted|published|kata kunci|abstrak\s*[:：]|jel classification)\b/iu;

/** Words of organisations, which an author's name does not contain. */
const ORGANISATION = /\b(?:universit\w*|institut\w*|department|dept|school|college|faculty|fakultas|laborator\w*|lab|corporation|corp|inc|ltd|gmbh|company|center|centre|research|academy|akademi|sekolah|jurusan|program|ministry|kementerian|hospital|foundation|usa|uk)\b/iu;

/** A person's name: two to five words, each capitalised (initials and particles allowed). */
const PERSON = /^(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|den|del|da|di|bin|binti|la|le)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|den|del|da|di|bin|binti|la|le)){1,4}$/u;

/** Letters that carry a spacing accent placed before them, as TeX writes "na¨ıve". */
const SPACING_ACCENTS: Record<string, string> = { '¨': '\u0308', '´': '\u0301', ˆ: '\u0302', '˜': '\u0303', ˇ: '\u030C', '˚': '\u030A', '¸': '\u0327' };
const SPACED_ACCENT = /(\p{L})([¨´ˆ˜ˇ˚¸])\s?([aeiouyncszAEIOUYNCSZı])/gu;

/**
 * Lays out a PDF's pages as an article: running headers, footers and page numbers, footnotes,
 * fine print, code, captions and repeated lines dropped; columns read one after the other; lines
 * joined into paragraphs across column and page breaks, with line-end hyphenation undone;
 * headings found by size, weight and numbering; the title and authors taken from the first page
 * (else from `info`); references and acknowledgements left out. What is dropped is reported on
 * `file`, with the page number as the line.
 */
export function layoutPdf(pages: readonly PdfPage[], info: PdfInfo, file: VFile): PdfLayout {
  const chunked = pages.map((page) => ({ page, chunks: chunksOf(page.runs) }));
  const body = bodySize(chunked.flatMap(({ chunks }) => chunks));
  const running = runningLines(chunked, body);
  let droppedRunning = 0;
  const lines: Line[] = [];
  let segment = 0;
  for (const { page, chunks } of chunked) {
    const kept = chunks.filter((chunk) => {
      if (running(page, chunk)) {
        droppedRunning += 1;
        return false;
      }
      return chunk.size >= body * SMALL_TEXT && chunk.monoChars <= chunk.chars / 2;
    });
    for (const column of readingOrder(kept, page.width)) {
      segment += 1;
      lines.push(...column.map((line) => ({ ...line, page: page.number, segment })));
    }
  }
  if (droppedRunning > 0) note(file, `left out ${lineCount(droppedRunning)} of running headers, footers and page numbers`, 1, 'pdf-running');

  const vocabulary = wordCounts(lines);
  const { title, titleEnd } = findTitle(lines, body, pages[0]?.height ?? 0);
  const meta: ArticleMeta = {};
  const leadTitle = title ?? plausibleTitle(info.title);
  if (leadTitle) meta.title = leadTitle;
  const rest = titleEnd === undefined ? lines : lines.slice(titleEnd);
  const { authors, authorEnd } = findAuthors(rest);
  const author = authors.length > 0 ? authorLine(authors) : info.author?.trim() || undefined;
  if (author) meta.author = author;
  if (info.lang) meta.lang = info.lang;

  const blocks = blocksOf(rest.slice(authorEnd), body, vocabulary, file);
  return { meta, blocks: withoutBackMatter(withoutFrontMatter(blocks, file), file) };
}

/** "1 line", "3 lines". */
function lineCount(count: number): string {
  return `${count} ${count === 1 ? 'line' : 'lines'}`;
}

/** Adds a message about the document to `file`. */
function note(file: VFile, message: string, page: number, ruleId: string): void {
  file.message(message, { place: { line: page, column: 1 }, ruleId, source: 'ringkas' });
}

/**
 * Runs merged along their baseline, in the order the page draws them: a run joins the chunk
 * before it when it stands on the same baseline just after it (a gap up to a word space and a
 * half). Raised or lowered smaller runs next to a chunk — footnote marks, affiliation marks,
 * indices — are left out of its text.
 */
function chunksOf(runs: readonly TextRun[]): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  for (const run of runs) {
    const text = run.text.replace(/\s+/gu, ' ');
    if (text.trim() === '' || !(run.size > 0)) continue;
    const chars = text.replace(/\s/gu, '').length;
    if (current && isAttached(current, run)) {
      const script = run.size < current.size * 0.85 && Math.abs(run.y - current.y) > current.size * 0.15;
      if (!script) {
        const gap = run.x - current.x1;
        const space = gap > current.size * 0.15 && !current.text.endsWith(' ') && !text.startsWith(' ') ? ' ' : '';
        if (current.lead === current.text && run.bold) current.lead += space + text;
        current.text += space + text;
        current.chars += chars;
        if (run.bold) current.boldChars += chars;
        if (run.mono) current.monoChars += chars;
        addSize(current, run.size, chars);
      }
      current.x1 = Math.max(current.x1, run.x + run.width);
      continue;
    }
    current = { text, x0: run.x, x1: run.x + run.width, y: run.y, size: run.size, chars, boldChars: run.bold ? chars : 0, monoChars: run.mono ? chars : 0, lead: run.bold ? text : '', sizes: new Map([[run.size, chars]]) };
    chunks.push(current);
  }
  for (const chunk of chunks) {
    const start = chunk.text.length - chunk.text.trimStart().length;
    chunk.text = chunk.text.trim();
    chunk.lead = chunk.lead.slice(start).trim();
  }
  return chunks.filter((chunk) => chunk.text !== '');
}

/**
 * Counts `chars` characters of `size` in the chunk, whose size is then the one most of its
 * characters have: a bullet or a small-capital word in front does not make a line small.
 */
function addSize(chunk: Chunk, size: number, chars: number): void {
  chunk.sizes.set(size, (chunk.sizes.get(size) ?? 0) + chars);
  let most = 0;
  for (const [candidate, count] of chunk.sizes) {
    if (count > most) {
      most = count;
      chunk.size = candidate;
    }
  }
}

/** Whether `run` continues `chunk` on its line: on (or just off) its baseline, right after it. */
function isAttached(chunk: Chunk, run: TextRun): boolean {
  const size = Math.max(chunk.size, run.size);
  const script = run.size < chunk.size * 0.85;
  const baseline = Math.abs(run.y - chunk.y) <= (script ? chunk.size * 0.6 : size * 0.25);
  const gap = run.x - chunk.x1;
  return baseline && gap >= -size * 0.6 && gap <= size * 1.5;
}

/** The size of the body text: the size most characters are set in. */
function bodySize(chunks: readonly Chunk[]): number {
  const counts = new Map<number, number>();
  for (const chunk of chunks) {
    const size = Math.round(chunk.size * 10) / 10;
    counts.set(size, (counts.get(size) ?? 0) + chunk.chars);
  }
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of counts) {
    if (count > bestCount || (count === bestCount && size < best)) {
      best = size;
      bestCount = count;
    }
  }
  return best || 10;
}

/**
 * A test for running headers and footers: a chunk in the top or bottom band of its page that is
 * a page number, or whose words (numbers aside) and size recur in that band on a quarter or more
 * of the pages (at least two).
 */
function runningLines(chunked: readonly { page: PdfPage; chunks: Chunk[] }[], body: number): (page: PdfPage, chunk: Chunk) => boolean {
  const inBand = (page: PdfPage, chunk: Chunk) => chunk.y < page.height * MARGIN_BAND + chunk.size || chunk.y > page.height * (1 - MARGIN_BAND);
  const key = (chunk: Chunk) => `${Math.round(chunk.size)}|${chunk.text.toLowerCase().replace(/\d+/gu, '#').replace(/\s+/gu, ' ')}`;
  const pagesOf = new Map<string, Set<number>>();
  for (const { page, chunks } of chunked) {
    for (const chunk of chunks) {
      if (!inBand(page, chunk)) continue;
      const pages = pagesOf.get(key(chunk)) ?? new Set<number>();
      pages.add(page.number);
      pagesOf.set(key(chunk), pages);
    }
  }
  const needed = Math.max(2, Math.ceil(chunked.length * RUNNING_SHARE));
  return (page, chunk) => {
    if (!inBand(page, chunk)) return false;
    if (PAGE_NUMBER.test(chunk.text) && chunk.size <= body * LARGE_TEXT) return true;
    return (pagesOf.get(key(chunk))?.size ?? 0) >= needed;
  };
}

/**
 * A page's chunks as lines in reading order, grouped in runs that each come from one column (or
 * from text across the page). When the page has a gutter — a gap near the middle that the text
 * of both sides keeps clear of — it is read in bands: whatever runs across the gutter (a title,
 * a wide figure's caption) closes a band, and within a band the left column is read before the
 * right. A page without a gutter is read top to bottom.
 */
function readingOrder(chunks: readonly Chunk[], width: number): Omit<Line, 'page' | 'segment'>[][] {
  const rows = rowsOf(chunks);
  const gutter = findGutter(chunks, width);
  if (gutter === undefined) return [linesOf(rows)];
  const columns: Omit<Line, 'page' | 'segment'>[][] = [];
  let left: Chunk[][] = [];
  let right: Chunk[][] = [];
  let across: Chunk[][] = [];
  const flushColumns = () => {
    if (left.length > 0) columns.push(linesOf(left));
    if (right.length > 0) columns.push(linesOf(right));
    left = [];
    right = [];
  };
  const flushAcross = () => {
    if (across.length > 0) columns.push(linesOf(across));
    across = [];
  };
  for (const row of rows) {
    if (row.some((chunk) => chunk.x0 < gutter && chunk.x1 > gutter)) {
      flushColumns();
      across.push(row);
      continue;
    }
    flushAcross();
    const leftPart = row.filter((chunk) => chunk.x1 <= gutter);
    const rightPart = row.filter((chunk) => chunk.x0 >= gutter);
    if (leftPart.length > 0) left.push(leftPart);
    if (rightPart.length > 0) right.push(rightPart);
  }
  flushColumns();
  flushAcross();
  return columns;
}

/** Chunks grouped by baseline, top to bottom, each row left to right. */
function rowsOf(chunks: readonly Chunk[]): Chunk[][] {
  const sorted = [...chunks].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const rows: Chunk[][] = [];
  let rowY = Number.NEGATIVE_INFINITY;
  for (const chunk of sorted) {
    const row = rows.at(-1);
    if (row && chunk.y - rowY <= Math.min(chunk.size, row[0]!.size) * 0.3) row.push(chunk);
    else {
      rows.push([chunk]);
      rowY = chunk.y;
    }
  }
  for (const row of rows) row.sort((a, b) => a.x0 - b.x0);
  return rows;
}

/**
 * The x of a two-column page's gutter: the point between 30% and 70% of the page's width that
 * the fewest chunks cross (the middle of the widest such stretch), when the text on both sides
 * of it is substantial and at most a fifth of the chunks cross it.
 */
function findGutter(chunks: readonly Chunk[], width: number): number | undefined {
  if (chunks.length < 6) return undefined;
  const from = Math.floor(width * 0.3);
  const to = Math.ceil(width * 0.7);
  const crossing = new Array<number>(to - from + 1).fill(0);
  for (const chunk of chunks) {
    const start = Math.max(from, Math.ceil(chunk.x0 + 1));
    const end = Math.min(to, Math.floor(chunk.x1 - 1));
    for (let x = start; x <= end; x += 1) crossing[x - from]! += 1;
  }
  const least = Math.min(...crossing);
  let best: { start: number; length: number } | undefined;
  let start = -1;
  for (let index = 0; index <= crossing.length; index += 1) {
    if (index < crossing.length && crossing[index] === least) {
      if (start < 0) start = index;
      continue;
    }
    if (start >= 0 && (!best || index - start > best.length)) best = { start, length: index - start };
    start = -1;
  }
  if (!best || least > chunks.length / 5) return undefined;
  const gutter = from + best.start + best.length / 2;
  const leftChars = chunks.filter((chunk) => chunk.x1 <= gutter).reduce((sum, chunk) => sum + chunk.chars, 0);
  const rightChars = chunks.filter((chunk) => chunk.x0 >= gutter).reduce((sum, chunk) => sum + chunk.chars, 0);
  const leftRows = rowsOf(chunks.filter((chunk) => chunk.x1 <= gutter)).length;
  const rightRows = rowsOf(chunks.filter((chunk) => chunk.x0 >= gutter)).length;
  const total = leftChars + rightChars;
  if (leftRows < 3 || rightRows < 3 || leftChars < total * 0.15 || rightChars < total * 0.15) return undefined;
  return gutter;
}

/** Rows of one column as lines, with the column's edges (the text's, robust to a stray line). */
function linesOf(rows: readonly Chunk[][]): Omit<Line, 'page' | 'segment'>[] {
  const lines = rows.map((row) => {
    let text = '';
    let lead = '';
    let leadOpen = true;
    let x1 = row[0]!.x0;
    let cells = 0;
    for (const chunk of row) {
      const gap = chunk.x0 - x1;
      if (text !== '' && gap > chunk.size * 2) cells += 1;
      const space = text === '' || gap <= chunk.size * 0.15 ? '' : ' ';
      if (leadOpen) {
        lead += (lead === '' ? '' : space) + chunk.lead;
        leadOpen = chunk.lead === chunk.text;
      }
      text += space + chunk.text;
      x1 = Math.max(x1, chunk.x1);
    }
    const chars = row.reduce((sum, chunk) => sum + chunk.chars, 0);
    const boldChars = row.reduce((sum, chunk) => sum + chunk.boldChars, 0);
    const size = row.reduce((largest, chunk) => (chunk.chars * 2 >= chars ? Math.max(largest, chunk.size) : largest), 0) || row[0]!.size;
    const bold = boldChars >= chars * 0.9;
    return { text: composeAccents(text), x0: row[0]!.x0, x1, y: row[0]!.y, size, bold, lead: bold ? '' : composeAccents(lead), tabular: cells >= 2 };
  });
  const left = percentile(lines.map((line) => line.x0), 0.1);
  const right = percentile(lines.map((line) => line.x1), 0.9);
  return lines.map((line) => ({ ...line, left, right }));
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

/** "na¨ıve" → "naïve": a spacing accent set before its letter, as TeX does, put on the letter. */
function composeAccents(text: string): string {
  if (!/[¨´ˆ˜ˇ˚¸]/u.test(text)) return text;
  return text.replace(SPACED_ACCENT, (_, before: string, accent: string, letter: string) => `${before}${letter === 'ı' ? 'i' : letter}${SPACING_ACCENTS[accent]}`).normalize('NFC');
}

/** How often each word occurs, lower-cased, hyphenated forms included: to undo line-end hyphens. */
function wordCounts(lines: readonly Line[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    for (const word of line.text.toLowerCase().split(/[^\p{L}\p{N}-]+/u)) {
      if (word !== '') counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * The title: on the first page, the largest text in its upper half when it is clearly larger than
 * the body, with the lines of the same size that follow it. `titleEnd` is the index of the first
 * line after it; what came before it on the page (a journal's name, a series) is dropped with it.
 */
function findTitle(lines: readonly Line[], body: number, pageHeight: number): { title?: string; titleEnd?: number } {
  const candidates = lines.filter((line) => line.page === lines[0]?.page && line.y < pageHeight / 2 && line.size >= body * TITLE_TEXT && /\p{L}{2}/u.test(line.text) && !HEADING_NUMBER.test(line.text));
  if (candidates.length === 0) return {};
  const largest = Math.max(...candidates.map((line) => line.size));
  const start = lines.findIndex((line) => candidates.includes(line) && line.size === largest);
  let end = start + 1;
  while (end < lines.length && lines[end]!.page === lines[start]!.page && Math.abs(lines[end]!.size - largest) < 0.5 && lines[end]!.y - lines[end - 1]!.y < largest * 2) end += 1;
  const title = joinLines(lines.slice(start, end).map((line) => line.text), new Map());
  return { title, titleEnd: end };
}

/**
 * The authors: the lines right after the title that are lists of persons' names (superscript
 * marks are already gone), up to the first line that is not — an affiliation, an e-mail
 * address, the abstract.
 */
function findAuthors(lines: readonly Line[]): { authors: string[]; authorEnd: number } {
  const authors: string[] = [];
  let end = 0;
  while (end < lines.length && end < 12 && lines[end]!.page === lines[0]!.page) {
    const names = personNames(lines[end]!.text);
    if (names === undefined) break;
    authors.push(...names);
    end += 1;
  }
  return { authors, authorEnd: end };
}

/** The persons a line names, or `undefined` when it is not a list of names. */
function personNames(text: string): string[] | undefined {
  if (/[@\d]|https?:/u.test(text) || ORGANISATION.test(text)) return undefined;
  const parts = text
    .replace(/^(?:by|oleh)\s+/iu, '')
    .split(/\s*(?:,|;|&|\band\b|\bdan\b)\s*/u)
    .map((part) => part.replace(/[*†‡§¶∗]+/gu, '').trim())
    .filter((part) => part !== '');
  if (parts.length === 0 || !parts.every((part) => PERSON.test(part))) return undefined;
  return parts;
}

/** Up to three authors by name; more as the first and "et al.". */
function authorLine(authors: readonly string[]): string {
  return authors.length <= 3 ? authors.join(', ') : `${authors[0]} et al.`;
}

/**
 * Lines joined into blocks. A new paragraph starts at an indented line, after a gap larger than
 * the line spacing, after a short line that ends a sentence, at a change of size, and at a list
 * marker; at a column or page break, or where a figure interrupts the column, the paragraph goes
 * on unless the indent or the line before says otherwise. Headings are short lines set larger
 * than the body, or in bold, that do not end like a sentence; their depth comes from their
 * numbering ("2.1" is 2) or else from their size. A paragraph that opens with a few words in
 * bold ending in a period ("Type specialization. All LIR …") has them as a heading one level
 * below the section's. Captions, table rows and stray figure labels are left out.
 */
function blocksOf(lines: readonly Line[], body: number, vocabulary: Map<string, number>, file: VFile): Block[] {
  const leading = typicalLeading(lines, body);
  const isHeading = lines.map((line) => headingLike(line, body));
  const depthOfStyle = headingDepths(lines.filter((_, index) => isHeading[index]));

  const blocks: Block[] = [];
  let paragraph: { lines: string[]; page: number; listItem: boolean; last: Line } | undefined;
  let caption: Line | undefined;
  let sectionDepth = 0;
  let skipped = 0;
  let captions = 0;
  const flush = () => {
    if (paragraph) {
      const text = joinLines(paragraph.lines, vocabulary);
      blocks.push(paragraph.listItem ? { kind: 'paragraph', text, line: paragraph.page, listItem: true } : { kind: 'paragraph', text, line: paragraph.page });
    }
    paragraph = undefined;
  };
  const open = (line: Line, text: string, listItem: boolean) => {
    flush();
    paragraph = { lines: [text], page: line.page, listItem, last: line };
  };
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    if (line.tabular || !/\p{L}{2}/u.test(line.text)) {
      skipped += 1;
      return;
    }
    if (isHeading[index]) {
      flush();
      caption = undefined;
      const last = blocks.at(-1);
      // A heading set over two lines is one heading.
      if (last?.kind === 'heading' && previous && isHeading[index - 1] && previous.segment === line.segment && styleKey(previous) === styleKey(line) && line.y - previous.y < line.size * 1.6) {
        last.text = joinLines([last.text, line.text], vocabulary);
        return;
      }
      const numbered = HEADING_NUMBER.exec(line.text);
      const depth = Math.min(6, numbered?.[1] ? numbered[1].split('.').length : (depthOfStyle.get(styleKey(line)) ?? 1));
      sectionDepth = depth;
      blocks.push({ kind: 'heading', text: line.text.replace(HEADING_NUMBER, '').trim(), line: line.page, depth });
      return;
    }
    // A caption runs until its paragraph ends; the text around it goes on as if it were not there.
    if (caption && !startsParagraph(caption, line, leading)) {
      caption = line;
      return;
    }
    caption = undefined;
    if (CAPTION.test(line.text)) {
      caption = line;
      captions += 1;
      return;
    }
    const marker = LIST_MARKER.exec(line.text);
    if (paragraph && !marker && !startsParagraph(paragraph.last, line, leading, paragraph.listItem)) {
      paragraph.lines.push(line.text);
      paragraph.last = line;
      return;
    }
    const runIn = runInHeading(line);
    if (runIn && !marker) {
      flush();
      blocks.push({ kind: 'heading', text: runIn.slice(0, -1), line: line.page, depth: Math.min(6, sectionDepth + 1) });
      const rest = line.text.slice(runIn.length).trim();
      if (rest !== '') open(line, rest, false);
      return;
    }
    open(line, marker ? line.text.slice(marker[0].length) : line.text, marker !== null);
  });
  flush();
  if (skipped > 0) note(file, `left out ${lineCount(skipped)} of tables and figure labels`, 1, 'pdf-tables');
  if (captions > 0) note(file, `left out ${captions === 1 ? 'a figure or table caption' : `${captions} figure and table captions`}`, 1, 'pdf-captions');
  return blocks;
}

/**
 * The depth of each heading style (size and weight): the depth its numbered headings mostly have
 * ("2.1 Sampling" in 10-point bold makes an unnumbered 10-point bold "Limitations" a second-level
 * heading too), else its rank among the styles, larger first.
 */
function headingDepths(headings: readonly Line[]): Map<string, number> {
  const numberedDepths = new Map<string, Map<number, number>>();
  for (const line of headings) {
    const number = HEADING_NUMBER.exec(line.text)?.[1];
    if (!number) continue;
    const counts = numberedDepths.get(styleKey(line)) ?? new Map<number, number>();
    const depth = number.split('.').length;
    counts.set(depth, (counts.get(depth) ?? 0) + 1);
    numberedDepths.set(styleKey(line), counts);
  }
  const styles = [...new Set(headings.map(styleKey))].sort((a, b) => Number(b.split('|')[0]) - Number(a.split('|')[0]) || b.localeCompare(a));
  return new Map(
    styles.map((style, rank) => {
      const counts = [...(numberedDepths.get(style) ?? new Map<number, number>())].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      return [style, counts[0]?.[0] ?? rank + 1];
    }),
  );
}

/**
 * The bold words that open a paragraph as its heading, run into its first line ("Type
 * specialization."): a few words, the first capitalised, ending with a period.
 */
function runInHeading(line: Line): string | undefined {
  const lead = line.bold ? line.text : line.lead;
  // A label with a colon ("Keywords:", "Note:") introduces a field, not a part of the text.
  if (!/^\p{Lu}\p{L}+\b/u.test(lead) || !lead.endsWith('.') || lead.split(/\s+/u).length > 8 || FRONT_MATTER.test(lead)) return undefined;
  if (line.bold && line.x1 >= line.right - line.size * 2) return undefined;
  return lead;
}

/** The usual distance between the baselines of body lines. */
function typicalLeading(lines: readonly Line[], body: number): number {
  const gaps: number[] = [];
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    if (previous && previous.segment === line.segment && Math.abs(line.size - body) < 0.5 && Math.abs(previous.size - body) < 0.5 && line.y > previous.y) gaps.push(line.y - previous.y);
  });
  return gaps.length > 0 ? percentile(gaps, 0.5) : body * 1.2;
}

function styleKey(line: Line): string {
  return `${Math.round(line.size * 2) / 2}|${line.bold ? 'b' : ''}`;
}

/** Whether a line reads as a heading. */
function headingLike(line: Line, body: number): boolean {
  const text = line.text.trim();
  const words = text.split(/\s+/u).length;
  if (words > MAX_HEADING_WORDS || text.length > 150 || !/^[\p{Lu}\p{Lt}\p{N}]/u.test(text) || !/\p{L}{2}/u.test(text)) return false;
  if (CAPTION.test(text) || LIST_MARKER.test(text) && !HEADING_NUMBER.test(text)) return false;
  const large = line.size >= body * LARGE_TEXT;
  // A bold line at body size that fills its column is emphasis in a paragraph, not a heading.
  const boldAlone = line.bold && line.size >= body * SMALL_TEXT && line.x1 < line.right - line.size * 2;
  if (!large && !boldAlone) return false;
  return !/[.,;:!?]$/u.test(text) || (HEADING_NUMBER.test(text) && /[.:]$/u.test(text) && words <= 8);
}

/**
 * Whether `line` opens a new paragraph after `previous`. A gap of more than three lines is not
 * paragraph spacing but something left out between them (a figure, a footnote): there, as at a
 * column or page break, only the indent and the end of the line before tell. In a list item,
 * lines indented under its first line go on with it.
 */
function startsParagraph(previous: Line, line: Line, leading: number, listItem = false): boolean {
  if (Math.abs(previous.size - line.size) > Math.max(previous.size, line.size) * 0.1) return true;
  // A list item's lines hang under its first word, indented past its marker.
  const indented = line.x0 - line.left > line.size * 0.7 && !(previous.x0 - previous.left > line.size * 0.7) && !(listItem && line.x0 > previous.x0);
  const ended = /[.!?:"”’)]$/u.test(previous.text) && previous.x1 < previous.right - previous.size * 2;
  const gap = line.y - previous.y;
  if (previous.segment !== line.segment || gap > leading * 3) return indented || ended;
  return indented || ended || gap > leading * 1.3 || gap < 0;
}

/**
 * Lines of a paragraph as one text, joined with spaces, except at a hyphen that ends a line. A
 * word broken there is joined whole ("com-" "pile" → "compile") when the next line goes on in
 * lower case, and kept with its hyphen ("IEEE-" "754", "stop-the-" "world") when it goes on with
 * a capital or a digit, or was a compound already; either way, the spelling the document uses
 * elsewhere wins ("run-" "time" stays "run-time" where the author writes "run-time", "Trace-"
 * "Monkey" becomes "TraceMonkey").
 */
function joinLines(lines: readonly string[], vocabulary: Map<string, number>): string {
  let text = '';
  for (const line of lines) {
    // Only the end of the text so far is looked at: the pattern is tried at every place of what it is given.
    const broken = /([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)([-\u00AD\u2010])$/u.exec(text.slice(-100));
    const next = /^([\p{L}\p{N}]+)/u.exec(line);
    if (broken && next) {
      const hyphenated = vocabulary.get(`${broken[1]}-${next[1]}`.toLowerCase()) ?? 0;
      const whole = vocabulary.get(`${broken[1]}${next[1]}`.toLowerCase()) ?? 0;
      const byShape = broken[2] !== '\u00AD' && (!/^\p{Ll}/u.test(next[1]!) || broken[1]!.includes('-'));
      const keepHyphen = hyphenated === whole ? byShape : hyphenated > whole;
      text = text.slice(0, -1) + (keepHyphen ? '-' : '') + line;
    } else {
      text += (text === '' ? '' : ' ') + line;
    }
  }
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * Blocks without the paper's front matter that is not prose: classification, keyword, licence
 * and citation lines, and short lines before the first heading (affiliations, e-mail addresses,
 * dates) that do not read as sentences. Each drop is reported.
 */
function withoutFrontMatter(blocks: readonly Block[], file: VFile): Block[] {
  const firstHeading = blocks.findIndex((block) => block.kind === 'heading');
  return blocks.filter((block, index) => {
    if (block.kind !== 'paragraph') return true;
    const beforeHeadings = firstHeading < 0 ? index < 3 : index < firstHeading;
    // Affiliations, addresses and dates do not end like a sentence.
    const notProse = !/[.!?"”’)]$/u.test(block.text) || /@/u.test(block.text);
    if (FRONT_MATTER.test(block.text) || (beforeHeadings && notProse && block.line === blocks[0]?.line)) {
      note(file, `left out front matter: "${clip(block.text)}"`, block.line, 'pdf-front-matter');
      return false;
    }
    return true;
  });
}

/**
 * Blocks without the back matter: everything from the references (or bibliography) on, and the
 * acknowledgements section. Each cut is reported.
 */
function withoutBackMatter(blocks: readonly Block[], file: VFile): Block[] {
  const kept: Block[] = [];
  let skipDepth: number | undefined;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      const text = block.text.replace(/[.:]$/u, '').trim();
      if (REFERENCES.test(text)) {
        note(file, `left out "${clip(block.text)}" and everything after it (page ${block.line} on)`, block.line, 'pdf-references');
        return kept;
      }
      if (skipDepth !== undefined && (block.depth ?? 1) <= skipDepth) skipDepth = undefined;
      if (ACKNOWLEDGEMENTS.test(text)) {
        note(file, `left out the section "${clip(block.text)}"`, block.line, 'pdf-acknowledgements');
        skipDepth = block.depth ?? 1;
        continue;
      }
    } else if (/^acknowledge?ments?\s*[.:]/iu.test(block.text)) {
      note(file, `left out the acknowledgements: "${clip(block.text)}"`, block.line, 'pdf-acknowledgements');
      continue;
    }
    if (skipDepth === undefined) kept.push(block);
  }
  return kept;
}

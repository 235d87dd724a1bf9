import type { Block } from './blocks.js';
import { isBoilerplate } from './boilerplate.js';

/** The longest line, in words, that can still be a heading in plain text. */
const MAX_HEADING_WORDS = 12;

/** "1. ", "2.3 ", "II. ", "IV) ", "A. " before a heading's words. */
const HEADING_NUMBER = /^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}[.)]|[A-H][.)])\s+(?=\S)/u;

/** Bullets and numbers that open a list item. */
const LIST_MARKER = /^(?:[-*•·–—▪●◦]|\d{1,3}[.)]|[a-z][.)])\s+(?=\S)/u;

/** Whether a line is set in capitals throughout (a shouted heading such as "II. METHODS"). */
function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * Whether a plain-text line reads as a heading: short, starting with a capital or a number, and not
 * ending like a sentence or a clause (a line in capitals may end with a colon).
 */
export function looksLikeHeading(line: string): boolean {
  const text = line.trim();
  if (text === '' || text.length > 120) return false;
  if (text.split(/\s+/u).length > MAX_HEADING_WORDS) return false;
  // A closing quotation mark, curly or straight ("… saved my life.'", "… in some shrubbery '"), ends a quote, not a heading.
  if (/[.!?,;…"”’')]$/u.test(text) && !isAllCaps(text)) return false;
  if (/:$/u.test(text) && !isAllCaps(text)) return false;
  return /^[\p{Lu}\p{N}]/u.test(text);
}

/** The heading's words without its numbering: "2.1 Data Sources" → "Data Sources". */
function headingText(line: string): string {
  return line.replace(HEADING_NUMBER, '').replace(/[:.]$/u, '').trim();
}

/** Nesting of a numbered heading: "2." → 1, "2.1" → 2, unnumbered → 1. */
function headingDepth(line: string): number {
  const number = /^(\d{1,2}(?:\.\d{1,2})*)/u.exec(line)?.[1];
  return number ? number.split('.').filter(Boolean).length : 1;
}

/** What a plain-text source holds: a title line, if it has one, and its blocks. */
export interface PlainTextContent {
  title: string | undefined;
  blocks: Block[];
}

interface Group {
  lines: string[];
  line: number;
}

/**
 * Reads plain text into blocks. With blank lines in the text, blank lines separate paragraphs and
 * hard-wrapped lines are joined; without any, every line is a paragraph. List items are blocks of
 * their own. A heading is a short line without final punctuation — numbered ("1. Pendahuluan",
 * "II. METHODS"), in capitals, or plain — that has prose after it.
 */
export function readPlainText(text: string): PlainTextContent {
  const groups = groupLines(text.split('\n'));
  // By convention a plain-text title is a heading-like first line on its own, without numbering.
  const [head, second] = groups;
  const hasTitle = head !== undefined && head.lines.length === 1 && second !== undefined && !HEADING_NUMBER.test(head.lines[0]!) && !LIST_MARKER.test(head.lines[0]!) && looksLikeHeading(head.lines[0]!);
  const title = hasTitle ? head.lines[0] : undefined;
  if (hasTitle) groups.shift();
  const blocks: Block[] = [];
  groups.forEach((group, index) => {
    const [first, ...rest] = group.lines as [string, ...string[]];
    const next = rest[0] ?? groups[index + 1]?.lines[0];
    if (isHeadingLine(first, next)) {
      blocks.push({ kind: 'heading', text: headingText(first), line: group.line, depth: headingDepth(first) });
      if (rest.length > 0) blocks.push(...paragraphBlocks(rest, group.line + 1));
    } else {
      blocks.push(...paragraphBlocks(group.lines, group.line));
    }
  });
  return { title, blocks };
}

/** Splits lines into groups: at blank lines where the text has them, else one group per line. */
function groupLines(lines: string[]): Group[] {
  const hasBlankLines = lines.some((line, index) => line.trim() === '' && index > 0 && index < lines.length - 1);
  const groups: Group[] = [];
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '') return;
    const previous = lines[index - 1];
    const startsGroup = !hasBlankLines || previous === undefined || previous.trim() === '';
    if (startsGroup) groups.push({ lines: [trimmed], line: index + 1 });
    else groups.at(-1)!.lines.push(trimmed);
  });
  return groups;
}

/**
 * A heading needs something after it. A numbered line followed by another at the same level
 * ("1. Apel", "2. Jeruk") is a list item: a heading would have text or subheadings under it.
 */
function isHeadingLine(line: string, next: string | undefined): boolean {
  if (next === undefined) return false;
  const numbered = HEADING_NUMBER.test(line);
  if (numbered && HEADING_NUMBER.test(next) && headingDepth(next) === headingDepth(line)) return false;
  if (!numbered && LIST_MARKER.test(line)) return false;
  return looksLikeHeading(numbered ? headingText(line) : line);
}

/**
 * Lines of one group as paragraphs: running text joined, each list item on its own, and each
 * boilerplate line on its own, so that dropping it takes nothing else with it.
 */
function paragraphBlocks(lines: string[], firstLine: number): Block[] {
  const blocks: Block[] = [];
  let running: Block | undefined;
  lines.forEach((line, offset) => {
    const item = LIST_MARKER.exec(line);
    if (item) {
      blocks.push({ kind: 'paragraph', text: line.slice(item[0].length), line: firstLine + offset, listItem: true });
      running = undefined;
    } else if (isBoilerplate(line)) {
      blocks.push({ kind: 'paragraph', text: line, line: firstLine + offset });
      running = undefined;
    } else if (running) {
      running.text += ` ${line}`;
    } else {
      running = { kind: 'paragraph', text: line, line: firstLine + offset };
      blocks.push(running);
    }
  });
  return blocks;
}

import type { Block } from './blocks.js';

/** The longest line, in words, that can still be a heading in plain text. */
const MAX_HEADING_WORDS = 12;

/**
 * Whether a plain-text line reads as a heading: short, starting with a capital or a number, and not
 * ending like a sentence or a clause.
 */
export function looksLikeHeading(line: string): boolean {
  const text = line.trim();
  if (text === '' || text.length > 120) return false;
  if (text.split(/\s+/u).length > MAX_HEADING_WORDS) return false;
  if (/[.!?,;:…"”’)]$/u.test(text)) return false;
  return /^[\p{Lu}\p{N}]/u.test(text);
}

/**
 * Reads plain text into blocks. With blank lines in the text, blank lines separate paragraphs
 * (hard-wrapped lines are joined); without any, every line is a paragraph. A heading is a
 * heading-like line with text after it.
 */
export function readPlainText(text: string): Block[] {
  const lines = text.split('\n');
  const hasBlankLines = lines.some((line, index) => line.trim() === '' && index > 0 && index < lines.length - 1);
  const groups: { lines: string[]; line: number }[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const previous = lines[index - 1];
    const startsGroup = !hasBlankLines || index === 0 || previous === undefined || previous.trim() === '';
    if (startsGroup) groups.push({ lines: [line.trim()], line: index + 1 });
    else groups.at(-1)!.lines.push(line.trim());
  });

  const blocks: Block[] = [];
  groups.forEach((group, index) => {
    const [first, ...rest] = group.lines;
    const isLast = index === groups.length - 1;
    if (first !== undefined && looksLikeHeading(first) && (rest.length > 0 || !isLast)) {
      blocks.push({ kind: 'heading', text: first, line: group.line });
      if (rest.length > 0) blocks.push({ kind: 'paragraph', text: rest.join(' '), line: group.line + 1 });
    } else {
      blocks.push({ kind: 'paragraph', text: group.lines.join(' '), line: group.line });
    }
  });
  return blocks;
}

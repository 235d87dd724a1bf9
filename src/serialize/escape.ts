/**
 * Escaping of article text for Marp Markdown. Source text is data: whatever it contains must come
 * out of Marp as the same visible characters, never as markup, HTML, a directive or a slide break.
 */

/** Characters that start inline markup anywhere in a line (emphasis, code, links, HTML, math, tables). */
const INLINE_SPECIAL = /[\\`*_[\]<>&|~$#]/gu;

/** Line starts that would open a block (list, quote, heading, thematic break, setext underline). */
const BLOCK_START = /^(\d*)([-+=:.)])/u;

/**
 * Escapes one line of text for use inside a Markdown block (heading, list item, paragraph): every
 * markup character gets a backslash, and whitespace (line breaks included) collapses to one space,
 * so that the text can never open a new block or slide.
 */
export function escapeInline(text: string): string {
  const oneLine = text.replace(/\s+/gu, ' ').trim();
  return oneLine.replace(INLINE_SPECIAL, '\\$&').replace(BLOCK_START, '$1\\$2');
}

/**
 * Makes text safe inside an HTML comment that Marp reads as speaker notes: no `--` can close the
 * comment early, and every line is a YAML list item so that Marp's directive parser never takes a
 * line like "theme: x" for a directive.
 */
export function noteLines(sentences: readonly string[]): string[] {
  return sentences.map((sentence) => `- ${sentence.replace(/\s+/gu, ' ').trim().replace(/-{2,}/gu, '—')}`);
}

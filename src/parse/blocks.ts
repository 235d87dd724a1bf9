import type { VFile } from 'vfile';
import type { Language, Paragraph, Section } from '../model.js';
import { isBoilerplate, splitDateline } from './boilerplate.js';
import { splitSentences } from './sentences.js';

/** A unit of the source as the format readers see it, before sentences are split. */
export interface Block {
  kind: 'heading' | 'paragraph';
  text: string;
  /** 1-based source line where the block starts. */
  line: number;
  /** For headings: 1 for `#`/"1.", 2 for `##`/"1.1", … */
  depth?: number;
  /** For paragraphs: the block was an item of a list. */
  listItem?: boolean;
}

/** Sections built from blocks, and the dateline found on the way. */
export interface SectionsResult {
  sections: Section[];
  dateline: string | undefined;
}

/**
 * Groups blocks into sections: every heading opens one, and text before the first heading forms
 * the introduction (heading `undefined`). Boilerplate is dropped and a dateline is taken off the
 * lead paragraph, each reported as a message on `file`. A heading with neither text nor
 * subheadings under it is dropped too, since it would make an empty slide.
 */
export function buildSections(blocks: readonly Block[], lang: Language, file: VFile): SectionsResult {
  // A reduce, not Math.min(...depths): spreading 100,000 headings into arguments overflows the stack.
  const topDepth = blocks.reduce((top, block) => (block.kind === 'heading' ? Math.min(top, block.depth ?? 1) : top), Infinity);
  const drafts: { section: Section; line: number }[] = [{ section: { heading: undefined, depth: 1, paragraphs: [] }, line: 1 }];
  let dateline: string | undefined;
  let seenProse = false;

  for (const block of blocks) {
    if (isBoilerplate(block.text)) {
      file.message(`dropped boilerplate: "${clip(block.text)}"`, { place: { line: block.line, column: 1 }, ruleId: 'boilerplate', source: 'ringkas' });
      continue;
    }
    if (block.kind === 'heading') {
      drafts.push({ section: { heading: block.text, depth: (block.depth ?? topDepth) - topDepth + 1, paragraphs: [] }, line: block.line });
      continue;
    }
    let text = block.text;
    if (!seenProse) {
      const split = splitDateline(text);
      if (split) {
        dateline = split.dateline;
        text = split.rest;
        file.message(`moved dateline "${clip(dateline)}" to metadata`, { place: { line: block.line, column: 1 }, ruleId: 'dateline', source: 'ringkas' });
      }
    }
    seenProse = true;
    const paragraph: Paragraph = { sentences: splitSentences(text, lang).map((sentence) => ({ text: sentence, line: block.line })) };
    if (paragraph.sentences.length > 0) drafts.at(-1)!.section.paragraphs.push(paragraph);
  }

  const sections = drafts.filter(({ section, line }, index) => {
    if (section.paragraphs.length > 0) return true;
    const next = drafts[index + 1]?.section;
    const hasSubsections = next !== undefined && next.depth > section.depth;
    if (section.heading !== undefined && !hasSubsections) {
      file.message(`heading "${clip(section.heading)}" has no text under it; skipped`, { place: { line, column: 1 }, ruleId: 'empty-section', source: 'ringkas' });
    }
    return section.heading !== undefined && hasSubsections;
  });
  return { sections: sections.map(({ section }) => section), dateline };
}

/** Text shortened for a one-line message. */
export function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

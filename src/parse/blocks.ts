import type { Language, Notice, Paragraph, Section } from '../model.js';
import { isBoilerplate } from './boilerplate.js';
import { splitSentences } from './sentences.js';

/** A unit of the source as the format readers see it, before sentences are split. */
export interface Block {
  kind: 'heading' | 'paragraph';
  text: string;
  /** 1-based source line where the block starts. */
  line: number;
}

/** Sections built from blocks, plus what was dropped on the way. */
export interface SectionsResult {
  sections: Section[];
  warnings: Notice[];
}

/**
 * Groups blocks into sections: every heading opens one, text before the first heading forms the
 * introduction (heading `undefined`). Boilerplate paragraphs are dropped with a warning, and
 * headings left without text are dropped too, since they would make empty slides.
 */
export function buildSections(blocks: readonly Block[], lang: Language): SectionsResult {
  const warnings: Notice[] = [];
  const sections: Section[] = [];
  let current: Section = { heading: undefined, paragraphs: [] };
  let currentLine = 1;
  const close = () => {
    if (current.paragraphs.length > 0) sections.push(current);
    else if (current.heading !== undefined)
      warnings.push({ message: `heading "${current.heading}" has no text under it; skipped`, line: currentLine });
  };
  for (const block of blocks) {
    if (isBoilerplate(block.text)) {
      warnings.push({ message: `dropped boilerplate: "${clip(block.text)}"`, line: block.line });
      continue;
    }
    if (block.kind === 'heading') {
      close();
      current = { heading: block.text, paragraphs: [] };
      currentLine = block.line;
      continue;
    }
    const paragraph: Paragraph = {
      sentences: splitSentences(block.text, lang).map((text) => ({ text, line: block.line })),
    };
    if (paragraph.sentences.length > 0) current.paragraphs.push(paragraph);
  }
  close();
  return { sections, warnings };
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

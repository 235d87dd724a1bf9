import { basename, extname } from 'node:path';
import { fail } from '../errors.js';
import type { Article, Language } from '../model.js';
import { type Block, buildSections } from './blocks.js';
import { detectLanguage } from './language.js';
import { type FrontMatter, readMarkdown } from './markdown.js';
import { readPlainText } from './plaintext.js';

/** The formats ringkas reads, by what the parse stage does with them. */
export type SourceKind = 'markdown' | 'text';

const KIND_BY_EXTENSION: Record<string, SourceKind> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
};

/** File extensions ringkas reads, for finding articles in a folder. */
export const ARTICLE_EXTENSIONS: readonly string[] = Object.keys(KIND_BY_EXTENSION);

/** The kind of a source file by its extension, or `undefined` when ringkas does not read it. */
export function sourceKindOf(path: string): SourceKind | undefined {
  return KIND_BY_EXTENSION[extname(path).toLowerCase()];
}

/** An article's text and where it came from. */
export interface Source {
  /** Path as the user gave it, for messages. */
  path: string;
  text: string;
  kind: SourceKind;
}

/** Overrides the user can give on the command line. */
export interface ParseOptions {
  lang?: Language | 'auto';
  title?: string;
  subtitle?: string;
  author?: string;
  date?: string;
}

/**
 * The parse stage: reads a source into the {@link Article} model — title, language, and sections of
 * paragraphs of sentences — dropping boilerplate with a warning.
 */
export function parseArticle(source: Source, options: ParseOptions = {}): Article {
  const text = source.text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const { blocks, frontMatter, leadingTitle } = readBlocks(source.path, text, source.kind);
  const lang = chooseLanguage(options.lang, frontMatter.lang, blocks);
  const { sections, warnings } = buildSections(blocks, lang);
  if (sections.length === 0) fail(`${source.path}: no article text found; give a file with at least one paragraph of prose`);
  const article: Article = {
    title: options.title ?? frontMatter.title ?? leadingTitle ?? titleFromFileName(source.path),
    lang,
    sections,
    warnings,
  };
  const subtitle = options.subtitle ?? frontMatter.subtitle;
  const author = options.author ?? frontMatter.author;
  const date = options.date ?? frontMatter.date;
  if (subtitle) article.subtitle = subtitle;
  if (author) article.author = author;
  if (date) article.date = date;
  return article;
}

interface SourceBlocks {
  blocks: Block[];
  frontMatter: FrontMatter;
  /** A title line at the very top of the source, removed from `blocks`. */
  leadingTitle: string | undefined;
}

function readBlocks(path: string, text: string, kind: SourceKind): SourceBlocks {
  if (kind === 'markdown') {
    let content;
    try {
      content = readMarkdown(text);
    } catch (error) {
      fail(`${path}: invalid YAML front matter (${(error as Error).message.split('\n', 1)[0]}); fix or remove the block between the --- lines`);
    }
    const { blocks, frontMatter, headingDepths } = content;
    // A first-level heading at the very top is the document's title, not a section.
    const hasTitleHeading = blocks[0]?.kind === 'heading' && headingDepths.get(0) === 1;
    return {
      blocks: hasTitleHeading ? blocks.slice(1) : blocks,
      frontMatter,
      leadingTitle: hasTitleHeading ? blocks[0]!.text : undefined,
    };
  }
  const blocks = readPlainText(text);
  // Plain text has no markup for a title: by convention it is a heading-like first line.
  const first = blocks[0];
  const hasTitleLine = first?.kind === 'heading';
  return {
    blocks: hasTitleLine ? blocks.slice(1) : blocks,
    frontMatter: {},
    leadingTitle: hasTitleLine ? first.text : undefined,
  };
}

function chooseLanguage(option: ParseOptions['lang'], frontMatterLang: string | undefined, blocks: Block[]): Language {
  if (option && option !== 'auto') return option;
  const declared = frontMatterLang?.toLowerCase().slice(0, 2);
  if (declared === 'id' || declared === 'en') return declared;
  return detectLanguage(blocks.map((block) => block.text).join(' '));
}

/** "aliansi-keamanan_internasional.txt" → "Aliansi Keamanan Internasional". */
function titleFromFileName(path: string): string {
  const stem = basename(path, extname(path)).replace(/[-_]+/gu, ' ').trim();
  if (stem === '' || path === '-') return 'Untitled';
  return stem.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}

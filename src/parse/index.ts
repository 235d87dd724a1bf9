import { basename, extname } from 'node:path';
import { VFile } from 'vfile';
import { fail, firstLine } from '../errors.js';
import type { Article, Language, Notice } from '../model.js';
import { findAcronyms } from './acronyms.js';
import { type Block, buildSections } from './blocks.js';
import { detectLanguage } from './language.js';
import { UnreadableSourceError } from './limits.js';
import type { ArticleMeta } from './markdown.js';
import { readPlainText } from './plaintext.js';
import { keyPhraseTitle } from './title.js';

/** The formats ringkas reads, by what the parse stage does with them. */
export type SourceKind = 'markdown' | 'text' | 'html' | 'pdf' | 'docx';

/** Formats that are read as bytes, not as text. */
export const BINARY_KINDS: ReadonlySet<SourceKind> = new Set(['pdf', 'docx']);

const KIND_BY_EXTENSION: Record<string, SourceKind> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

/** File extensions ringkas reads, for finding articles in a folder. */
export const ARTICLE_EXTENSIONS: readonly string[] = Object.keys(KIND_BY_EXTENSION);

/** The kind of a source file by its extension, or `undefined` when ringkas does not read it. */
export function sourceKindOf(path: string): SourceKind | undefined {
  return KIND_BY_EXTENSION[extname(path).toLowerCase()];
}

/**
 * The kind of a text that came without a file name (standard input): HTML when it opens with a
 * tag, Markdown when it has front matter or `#` headings, plain text otherwise.
 */
export function sniffKind(text: string): SourceKind {
  const start = text.replace(/^\uFEFF/u, '').trimStart();
  if (/^<(!doctype\s+html|html|head|body|article|main|div|p|h1|section)\b/iu.test(start)) return 'html';
  if (/^---\r?\n/u.test(start) || /^#{1,6}\s+\S/mu.test(start)) return 'markdown';
  return 'text';
}

/**
 * The kind of bytes that came without a file name, when they are a binary format: a PDF by its
 * header, a Word document by the zip entry every .docx has.
 */
export function sniffBinaryKind(bytes: Uint8Array): SourceKind | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004') && new TextDecoder('latin1').decode(bytes.subarray(0, 64 * 1024)).includes('word/')) return 'docx';
  return undefined;
}

/** An article's text (or, for a binary format, its bytes) and where it came from. */
export interface Source {
  /** Path as the user gave it (`-` for standard input, the address for a URL), for messages. */
  path: string;
  /** The text; empty for a binary format. */
  text: string;
  kind: SourceKind;
  /** The file's bytes, for the binary formats (PDF, DOCX). */
  bytes?: Uint8Array;
  /** The web address the article was fetched from, for a URL input. */
  url?: string;
  /** What reading the source noticed (a charset that did not fit), reported with the article's warnings. */
  warnings?: string[];
}

/** Overrides the user can give on the command line. */
export interface ParseOptions {
  lang?: Language | 'auto';
  title?: string;
  subtitle?: string;
  author?: string;
  date?: string;
  /** Where the article came from, an address or a credit in words: the sources slide shows it. */
  source?: string;
  /** Stops a long read (a PDF's pages) when the run is stopped. */
  signal?: AbortSignal;
  /**
   * Told the article's language as soon as it is known, before the sentences are split, when the
   * article has text: the pipeline starts reading that language's syntax model then.
   */
  onLanguage?: (lang: Language) => void;
}

/**
 * The parse stage: reads a source into the {@link Article} model — title, language, sections of
 * paragraphs of sentences, acronyms — dropping boilerplate, each drop reported as a warning.
 */
export async function parseArticle(source: Source, options: ParseOptions = {}): Promise<Article> {
  const text = source.text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const file = new VFile({ path: source.path, value: text });
  const { blocks, meta, leadingTitle } = await readBlocks(source, text, file, options.signal);
  const { lang, unknown } = chooseLanguage(options.lang, meta.lang, blocks);
  if (blocks.length > 0) options.onLanguage?.(lang);
  const { sections, dateline } = buildSections(blocks, lang, file);
  if (sections.length === 0) fail(`${source.path}: no article text found; give a file with at least one paragraph of prose`);

  const sentences = sections.flatMap((section) => section.paragraphs.flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.text)));
  const givenTitle = options.title ?? meta.title ?? leadingTitle;
  const article: Article = {
    title: givenTitle ?? keyPhraseTitle(sections, lang) ?? titleFromFileName(source.path),
    lang,
    sections,
    glossary: findAcronyms(sentences),
    warnings: [
      ...(source.warnings ?? []).map((message): Notice => ({ message })),
      ...[...file.messages]
        .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
        .map((message): Notice => (message.line ? { message: message.reason, line: message.line } : { message: message.reason })),
    ],
  };
  const subtitle = options.subtitle ?? meta.subtitle;
  const author = options.author ?? meta.author;
  const date = options.date ?? meta.date;
  if (subtitle) article.subtitle = subtitle;
  if (author) article.author = author;
  if (date) article.date = date;
  if (dateline) article.dateline = dateline;
  if (unknown) article.unknownLanguage = true;
  if (givenTitle === undefined) article.titleGuessed = true;
  if (meta.publication) article.publication = meta.publication;
  // The user's word first; then the address the page was fetched from, which is certain, before
  // the one the page claims for itself.
  const credit = options.source ?? source.url ?? meta.source;
  if (credit) article.source = credit;
  return article;
}

interface SourceBlocks {
  blocks: Block[];
  meta: ArticleMeta;
  /** A title line at the very top of the source, removed from `blocks`. */
  leadingTitle: string | undefined;
}

/**
 * Reads the source's blocks; the Markdown, HTML, PDF and Word readers (remark, rehype, pdf.js,
 * mammoth) load only when needed.
 */
async function readBlocks(source: Source, text: string, file: VFile, signal: AbortSignal | undefined): Promise<SourceBlocks> {
  if (source.kind === 'text') {
    const { title, blocks } = readPlainText(text);
    return { blocks, meta: {}, leadingTitle: title };
  }
  if (source.kind === 'pdf') {
    const { readPdf } = await import('./pdf.js');
    // The PDF reader finds the title itself: a first heading there is a section ("Abstract").
    const { blocks, meta } = await readUnlessUnreadable(source.path, () => readPdf(source.bytes ?? new Uint8Array(), file, signal ? { signal } : {}));
    return { blocks, meta, leadingTitle: undefined };
  }
  if (source.kind === 'docx') {
    const { readDocx } = await import('./docx.js');
    // The Word reader finds the title itself: a first heading there may be the first section.
    const { blocks, meta } = await readUnlessUnreadable(source.path, () => readDocx(source.bytes ?? new Uint8Array(), file));
    return { blocks, meta, leadingTitle: undefined };
  }
  let content: { meta: ArticleMeta; blocks: Block[] };
  const markdown = source.kind === 'markdown' ? await import('./markdown.js') : undefined;
  try {
    content = markdown ? markdown.readMarkdown(text) : (await import('./html.js')).readHtml(text, file);
  } catch (error) {
    if (markdown && error instanceof markdown.FrontMatterError) {
      fail(`${source.path}: invalid YAML front matter (${error.message}); fix or remove the block between the --- lines`);
    }
    if (error instanceof UnreadableSourceError) fail(`${source.path}: ${error.message}`);
    // The nesting checks keep the parsers within their stack; should one still overflow, it is
    // said in one line for what it is, never as anything else.
    if (error instanceof RangeError) fail(`${source.path}: nested too deeply to read (${firstLine(error)}); flatten the nesting or save the text as plain text (.txt)`);
    throw error;
  }
  // A first-level heading at the very top is the document's title, not a section.
  const [first] = content.blocks;
  const hasTitleHeading = first?.kind === 'heading' && first.depth === 1;
  return {
    blocks: hasTitleHeading ? content.blocks.slice(1) : content.blocks,
    meta: content.meta,
    leadingTitle: hasTitleHeading ? first.text : undefined,
  };
}

/** Runs a reader, turning its refusal of the source into a one-line error that names the file. */
async function readUnlessUnreadable<T>(path: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof UnreadableSourceError) fail(`${path}: ${error.message}`);
    throw error;
  }
}

/**
 * The article's language: the one asked for, else the one declared (front matter, `<html lang>`)
 * when ringkas knows it, else the one detected; a language ringkas does not know is read with
 * English labels and said to be unknown.
 */
function chooseLanguage(option: ParseOptions['lang'], declared: string | undefined, blocks: Block[]): { lang: Language; unknown: boolean } {
  if (option && option !== 'auto') return { lang: option, unknown: false };
  const code = declared?.toLowerCase().slice(0, 2);
  if (code === 'id' || code === 'en') return { lang: code, unknown: false };
  const detected = detectLanguage(blocks.map((block) => block.text).join(' '));
  return detected === 'unknown' ? { lang: 'en', unknown: true } : { lang: detected, unknown: false };
}

/** "aliansi-keamanan_internasional.txt" → "Aliansi Keamanan Internasional". */
function titleFromFileName(path: string): string {
  const stem = basename(path, extname(path)).replace(/[-_]+/gu, ' ').trim();
  if (stem === '' || path === '-') return 'Untitled';
  return stem.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}

import { dirname, resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { withFigureSlides } from './condense/figures.js';
import { type CondenseOptions, type SentenceParser, condense, structureArticle } from './condense/index.js';
import { ExitCode, fail } from './errors.js';
import { isWebAddress } from './io/fetch.js';
import type { FiguresMode } from './io/figures.js';
import { type ReadSourceOptions, readSource } from './io/inputs.js';
import type { Article, Deck, Notice } from './model.js';
import { type ParseOptions, type Source, parseArticle } from './parse/index.js';
import { loadSyntax } from './syntax/index.js';

/** Options of the browser-free stages, parse and condense. */
export type DeckOptions = ParseOptions &
  CondenseOptions & {
    /** Figure slides: none, one per section at most (`some`, the default), or every figure (`all`). */
    figures?: FiguresMode;
  };

/** An article and the deck made from it. */
export interface ArticleDeck {
  article: Article;
  deck: Deck;
}

/**
 * Reads an article file (or `-`), parses it and condenses it into a deck. `path` names it in
 * messages; `file` is where it is read from when that differs (a path relative to another folder);
 * `read` bounds the read (the folder it must lie in, the signal that stops a waiting read).
 */
export async function deckFromFile(path: string, options: DeckOptions = {}, file: string = path, read: ReadSourceOptions = {}): Promise<ArticleDeck> {
  const { lang, title, subtitle, author, date, source: credit, figures = 'some' } = options;
  const source = await readSource(path, file, read);
  await betweenStages(path, read.signal);
  const parsed = await parseArticle(source, withoutUndefined({ lang, title, subtitle, author, date, source: credit, signal: read.signal }));
  if (figures !== 'none') await addFigures(source, parsed, figures, file, read);
  await betweenStages(path, read.signal);
  const parser = await syntaxFor(parsed);
  await betweenStages(path, read.signal);
  return deckOf(parsed, parser, options);
}

/**
 * The condense stage on a parsed article: the article given the structure a deck needs (topical
 * sections and a headline for one without headings), its deck, and its figures' slides. What the
 * deck could not do as asked joins the article's warnings. The article returned is the structured
 * one, whose sections the deck's slides refer to.
 */
export function deckOf(parsed: Article, parser: SentenceParser, options: CondenseOptions = {}): ArticleDeck {
  const { maxBullets, maxWords, notes, institution, slides, agenda, glossary, sources } = options;
  const article = structureArticle(parsed, parser);
  const deck = withFigureSlides(condense(article, parser, withoutUndefined({ maxBullets, maxWords, notes, institution, slides, agenda, glossary, sources })), article);
  if (deck.warnings) article.warnings = [...article.warnings, ...deck.warnings];
  return { article, deck };
}

/**
 * The syntax stage for the article's language, which condensing needs to compress sentences on
 * their trees. Its model is read on first use, once per run, and not at all for an article
 * without a sentence.
 */
export async function syntaxFor(article: Article): Promise<SentenceParser> {
  if (!article.sections.some((section) => section.paragraphs.length > 0)) return NO_SENTENCES;
  return loadSyntax(article.lang);
}

/** The parser of an article without sentences: never asked. */
const NO_SENTENCES: SentenceParser = {
  parseTokens: () => {
    throw new Error('no sentence to parse');
  },
};

/**
 * The article's figures, read within their limits: pictures beside a file article (inside its
 * folder), embedded ones, and for an article from the web the pictures of its body. What could
 * not be read is a warning of the article's.
 */
async function addFigures(source: Source, article: Article, mode: FiguresMode, file: string, read: ReadSourceOptions): Promise<void> {
  const { findFigures } = await import('./parse/figures.js');
  const refs = await findFigures(source, article);
  if (refs.length === 0) return;
  const { readFigures } = await import('./io/figures.js');
  const local = file !== '-' && !isWebAddress(file);
  const { figures, warnings } = await readFigures(refs, mode, {
    ...(local ? { folder: dirname(resolve(file)) } : {}),
    fetchWeb: source.url !== undefined,
    ...(read.signal ? { signal: read.signal } : {}),
    ...(read.fetchTimeout ? { fetchTimeout: read.fetchTimeout } : {}),
  });
  if (figures.length > 0) article.figures = figures;
  article.warnings.push(...warnings.map((message): Notice => ({ message })));
}

/** A notice as one line of text: `path:line: message`. */
export function formatNotice(path: string, notice: Notice): string {
  return `${path}${notice.line ? `:${notice.line}` : ''}: ${notice.message}`;
}

/**
 * Lets the event loop turn between the stages, each of which runs without a break (a 20 MB article
 * takes seconds in each), so that Ctrl-C or SIGTERM, which only set `signal`, stop the article at
 * the next stage rather than after its deck.
 */
async function betweenStages(path: string, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return;
  await nextTurn();
  if (signal.aborted) fail(`${path}: stopped before its deck was made; nothing was written for it`, ExitCode.interrupted);
}

function withoutUndefined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

import { basename, dirname, extname, resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ArticleDeck, CondenseOptions, SentenceParser } from './condense/index.js';
import { ExitCode, fail } from './errors.js';
import { isWebAddress } from './io/fetch.js';
import type { FiguresMode } from './io/figures.js';
import { type ReadSourceOptions, readSource } from './io/inputs.js';
import type { Article, Deck, Notice } from './model.js';
import { type ParseOptions, type Source, parseArticle } from './parse/index.js';
import { detectLanguage } from './parse/language.js';
import { frontMatterValue, isMarpDeck } from './parse/marp.js';
import type { Theme } from './themes/index.js';
import { loadSyntax, prefetchSyntax } from './syntax/index.js';

export type { ArticleDeck } from './condense/index.js';

/** Options of the browser-free stages, parse and condense. */
export type DeckOptions = ParseOptions &
  CondenseOptions & {
    /** Figure slides: none, one per section at most (`some`, the default), or every figure (`all`). */
    figures?: FiguresMode;
  };

/**
 * Reads an article file (or `-`), parses it and condenses it into a deck. `path` names it in
 * messages; `file` is where it is read from when that differs (a path relative to another folder);
 * `read` bounds the read (the folder it must lie in, the signal that stops a waiting read).
 * `meanwhile` is work of the caller's that this thread does while the syntax model is read in
 * its own thread (the build loads its renderer then), instead of waiting.
 */
export async function deckFromFile(
  path: string,
  options: DeckOptions = {},
  file: string = path,
  read: ReadSourceOptions = {},
  meanwhile?: () => Promise<unknown>,
): Promise<ArticleDeck> {
  return deckFromSource(await readSource(path, file, read), path, options, file, read, meanwhile);
}

/** A deck made by ringkas from an article, or an input that was already a Marp deck, as it is. */
export type InputDeck = ArticleDeck | { deck: Deck & { marp: string }; article?: undefined };

/**
 * The deck of one input, as `build`, `check` and `preview` make it: a Markdown file that is
 * already a Marp deck (`marp: true` in its front matter) is taken as it is, to be rendered with
 * `theme` as its default theme — unless `options.condense`, which condenses it like any article —
 * and any other input is read, parsed and condensed by {@link deckFromFile}.
 */
export async function inputDeck(
  path: string,
  options: DeckOptions & { condense?: boolean },
  theme: Theme,
  file: string = path,
  read: ReadSourceOptions = {},
  meanwhile?: () => Promise<unknown>,
): Promise<InputDeck> {
  const source = await readSource(path, file, read);
  if (options.condense || source.kind !== 'markdown' || !isMarpDeck(source.text)) return deckFromSource(source, path, options, file, read, meanwhile);
  // The deck is the author's: its own title and language where it gives them, ringkas's overrides where given.
  const given = frontMatterValue(source.text, 'lang');
  const detected = detectLanguage(source.text);
  const lang = options.lang && options.lang !== 'auto' ? options.lang : given === 'id' || given === 'en' ? given : detected === 'unknown' ? 'en' : detected;
  const { marpInputDeck } = await import('./render/marp.js');
  const fallbackTitle = path === '-' ? 'Marp deck' : basename(path, extname(path));
  const deck = marpInputDeck(source.text, theme, path, { title: options.title ?? frontMatterValue(source.text, 'title'), fallbackTitle, lang });
  return { deck: { ...deck, marp: source.text } };
}

/** {@link deckFromFile} of a source already read. */
async function deckFromSource(source: Source, path: string, options: DeckOptions, file: string, read: ReadSourceOptions, meanwhile: (() => Promise<unknown>) | undefined): Promise<ArticleDeck> {
  const { lang, title, subtitle, author, date, source: credit, figures = 'some' } = options;
  await betweenStages(path, read.signal);
  const parsed = await parseArticle(source, withoutUndefined({ lang, title, subtitle, author, date, source: credit, signal: read.signal, onLanguage: prefetchSyntax }));
  const syntax = syntaxFor(parsed);
  // Awaited below; a failure that comes while this thread is busy is not an unhandled one.
  syntax.catch(() => undefined);
  if (figures !== 'none') await addFigures(source, parsed, figures, file, read);
  await meanwhile?.();
  // The condenser loads while the model is read, too.
  const { deckOf } = await import('./condense/index.js');
  await betweenStages(path, read.signal);
  const parser = await syntax;
  await betweenStages(path, read.signal);
  return deckOf(parsed, parser, options);
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

import { type CondenseOptions, condense } from './condense/index.js';
import { type ReadSourceOptions, readSource } from './io/inputs.js';
import type { Article, Deck, Notice } from './model.js';
import { type ParseOptions, parseArticle } from './parse/index.js';

/** Options of the browser-free stages, parse and condense. */
export type DeckOptions = ParseOptions & CondenseOptions;

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
  const { lang, title, subtitle, author, date, maxBullets, maxWords, notes, institution, slides } = options;
  const article = await parseArticle(await readSource(path, file, read), withoutUndefined({ lang, title, subtitle, author, date }));
  const deck = condense(article, withoutUndefined({ maxBullets, maxWords, notes, institution, slides }));
  return { article, deck };
}

/** A notice as one line of text: `path:line: message`. */
export function formatNotice(path: string, notice: Notice): string {
  return `${path}${notice.line ? `:${notice.line}` : ''}: ${notice.message}`;
}

function withoutUndefined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

import type { Labels } from '../lang/index.js';
import type { Article, Slide } from '../model.js';

/**
 * The longest line the sources slide shows, in characters: about two lines of its type. Metadata
 * is the page's to write, and a page can put a thousand names in its author field; a credit longer
 * than this is cut, so that the slide still fits its box.
 */
const MAX_LINE_CHARS = 200;

/**
 * The closing slide that credits the article: one line each for its title, author, publication,
 * date and where it came from (an address, or a credit in words), as far as they are known — from
 * the page's metadata or the front matter, the address it was fetched from, or the user's
 * `--source`. `undefined` when nothing beyond the title is known: a slide that only repeats the
 * title credits no one. Lines are plain text; the serializer escapes them like all article text.
 */
export function sourcesSlide(article: Article, labels: Labels): Slide | undefined {
  const names = labels.sourceLines;
  const author = clean(article.author);
  // A site that names itself as the author would be credited twice.
  const publication = differs(clean(article.publication), [author]);
  const date = clean(article.date);
  const source = differs(clean(article.source), [author, publication]);
  if (!author && !publication && !date && !source) return undefined;

  const lines: string[] = [];
  const title = clean(article.title);
  if (title) lines.push(`${names.title}: ${clip(title)}`);
  if (author) lines.push(`${names.author}: ${clip(author)}`);
  if (publication) lines.push(`${names.publication}: ${clip(publication)}`);
  if (date) lines.push(`${names.date}: ${clip(date)}`);
  // An address is named as one; a credit in the user's or the author's words ("Kompas, 12 Mei
  // 2024, hlm. 3") already says what it is, under the slide's title.
  if (source) lines.push(isAddress(source) ? `${names.address}: ${clip(source)}` : clip(source));
  return { kind: 'sources', title: labels.sources, bullets: lines, notes: [] };
}

/** The text with its white space collapsed, or `undefined` when there is none. */
function clean(text: string | undefined): string | undefined {
  const collapsed = text?.replace(/\s+/gu, ' ').trim();
  return collapsed ? collapsed : undefined;
}

/** The text, unless it is one of the others (ignoring case): the same credit is said once. */
function differs(text: string | undefined, others: (string | undefined)[]): string | undefined {
  if (text === undefined) return undefined;
  return others.some((other) => other !== undefined && other.toLowerCase() === text.toLowerCase()) ? undefined : text;
}

function isAddress(text: string): boolean {
  return /^https?:\/\/\S+$/iu.test(text);
}

/**
 * Text cut to {@link MAX_LINE_CHARS}, at a space where there is one near the end (an address has
 * none: it is cut where it reaches the limit), marked with an ellipsis.
 */
function clip(text: string): string {
  const characters = [...text];
  if (characters.length <= MAX_LINE_CHARS) return text;
  const head = characters.slice(0, MAX_LINE_CHARS - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space >= head.length * 0.7 ? head.slice(0, space) : head).replace(/[,;:.\s]+$/u, '')}…`;
}

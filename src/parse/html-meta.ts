import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { nameTokens } from './html-names.js';
import type { ArticleMeta } from './markdown.js';

/**
 * An article's metadata from a saved page: title, author, date, language, publication and address,
 * from JSON-LD (schema.org), `<meta>` tags, `<title>`, `<h1>`, `<link rel="canonical">` and the
 * byline. Titles lose the site's name ("… | ZDNet").
 */

/** What the page says of itself, gathered in one walk. */
interface PageFacts {
  /** `<meta>` content by lower-case `property`, `name`, `itemprop` or `http-equiv` (the first of each). */
  metas: Map<string, string>;
  title: string | undefined;
  h1s: string[];
  htmlLang: string | undefined;
  canonical: string | undefined;
  jsonLd: string[];
  byline: string | undefined;
  published: string | undefined;
}

/** schema.org types of an article. */
const ARTICLE_TYPE = /^(?:Article|NewsArticle|BlogPosting|Report|ScholarlyArticle|TechArticle|AnalysisNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting|Blog|Posting|MedicalScholarlyArticle)$/u;

/** At most this many JSON-LD values are looked at: a page's own metadata is far smaller. */
const MAX_JSON_LD_VALUES = 10_000;

/** Title separators between an article's title and the site's name. */
const SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' » ', ' / ', ' _ ', '_', '｜'];

/** Reads the metadata of a parsed page. */
export function readHtmlMeta(tree: HastRoot): ArticleMeta {
  const facts = gatherFacts(tree);
  const ld = readJsonLd(facts.jsonLd, facts.title);
  const meta = (...keys: string[]) => {
    for (const key of keys) {
      const value = clean(facts.metas.get(key));
      if (value) return value;
    }
    return undefined;
  };
  const publication = ld.publisher ?? meta('og:site_name', 'application-name');
  const title = pickTitle(facts, ld.title ?? meta('dc:title', 'dcterm:title', 'og:title', 'weibo:article:title', 'weibo:webpage:title', 'title', 'twitter:title', 'parsely-title', 'sailthru.title'), publication);
  const author = ld.author ?? readAuthor(meta('dc:creator', 'dcterm:creator', 'author', 'article:author', 'parsely-author', 'sailthru.author', 'byl', 'twitter:creator:name')) ?? readAuthor(facts.byline);
  const date = readDate(ld.date ?? meta('article:published_time', 'og:published_time', 'datepublished', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'parsely-pub-date', 'sailthru.date', 'pubdate', 'publish-date', 'article.published') ?? facts.published);
  const lang = facts.htmlLang ?? ld.lang ?? meta('content-language', 'og:locale', 'language')?.replace('_', '-');
  const source = [ld.url, facts.canonical, meta('og:url')].find(isWebAddress);
  return defined({ title, author, date, lang, publication, source });
}

/** A record without its keys whose value is `undefined` or empty. */
function defined<T extends Record<string, string | undefined>>(record: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== '')) as { [K in keyof T]?: string };
}

/** A value's text with white space collapsed, or `undefined` when it has none. */
function clean(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/gu, ' ').trim();
  return text === '' ? undefined : text;
}

function isWebAddress(value: string | undefined): value is string {
  return value !== undefined && value.length <= 2000 && /^https?:\/\/[^\s]+$/u.test(value);
}

function gatherFacts(tree: HastRoot): PageFacts {
  const facts: PageFacts = { metas: new Map(), title: undefined, h1s: [], htmlLang: undefined, canonical: undefined, jsonLd: [], byline: undefined, published: undefined };
  const pending: HastContent[] = [...tree.children].reverse();
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.type !== 'element') continue;
    const { tagName, properties } = node;
    switch (tagName) {
      case 'meta': {
        const content = properties['content'];
        if (typeof content !== 'string') break;
        for (const name of ['property', 'name', 'itemProp', 'httpEquiv']) {
          const value = properties[name];
          const keys = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/u) : [];
          for (const key of keys) if (key !== '' && !facts.metas.has(key.toLowerCase())) facts.metas.set(key.toLowerCase(), content);
        }
        break;
      }
      case 'title':
        facts.title ??= clean(hastToString(node));
        break;
      case 'html':
        facts.htmlLang ??= clean(properties['lang']);
        break;
      case 'link': {
        const rel = properties['rel'];
        if ((Array.isArray(rel) ? rel : [rel]).some((value) => String(value).toLowerCase() === 'canonical')) facts.canonical ??= clean(properties['href']);
        break;
      }
      case 'script':
        if (String(properties['type'] ?? '').toLowerCase() === 'application/ld+json') facts.jsonLd.push(hastToString(node));
        break;
      case 'h1':
        if (facts.h1s.length < 3) {
          const text = clean(hastToString(node));
          if (text) facts.h1s.push(text);
        }
        break;
      case 'time': {
        const itemProp = String(properties['itemProp'] ?? '').toLowerCase();
        if (facts.published === undefined && (properties['pubdate'] !== undefined || itemProp === 'datepublished')) facts.published = clean(properties['dateTime']);
        break;
      }
      default:
        break;
    }
    if (facts.byline === undefined && isByline(node)) {
      const text = clean(hastToString(node));
      if (text && text.length < 100) facts.byline = text;
    }
    // The head and the body's elements: text inside scripts and styles has no elements.
    if (tagName !== 'script' && tagName !== 'style') {
      for (let index = node.children.length - 1; index >= 0; index -= 1) pending.push(node.children[index] as HastContent);
    }
  }
  return facts;
}

/** An element that names the article's author: `rel="author"`, `itemprop="author"`, a "byline". */
function isByline(element: Element): boolean {
  const { properties } = element;
  const rel = properties['rel'];
  if ((Array.isArray(rel) ? rel : [rel]).some((value) => String(value).toLowerCase() === 'author')) return true;
  const itemProp = properties['itemProp'];
  if ((Array.isArray(itemProp) ? itemProp : [itemProp]).some((value) => String(value).toLowerCase() === 'author')) return true;
  return nameTokens(element).some((token) => /^(?:byline|author|author-name|authorname|byline-name|byline__name|article-author|post-author|entry-author)$/iu.test(token));
}

/** What the first JSON-LD article on the page says. */
interface LinkedData {
  title?: string;
  author?: string;
  date?: string;
  publisher?: string;
  url?: string;
  lang?: string;
}

function readJsonLd(scripts: string[], pageTitle: string | undefined): LinkedData {
  let seen = 0;
  for (const script of scripts) {
    let data: unknown;
    try {
      data = JSON.parse(script.replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>\s*$/gu, ''));
    } catch {
      continue;
    }
    const pending: unknown[] = [data];
    for (let value = pending.pop(); value !== undefined && seen < MAX_JSON_LD_VALUES; value = pending.pop()) {
      seen += 1;
      if (Array.isArray(value)) {
        for (let index = value.length - 1; index >= 0; index -= 1) pending.push(value[index]);
        continue;
      }
      if (value === null || typeof value !== 'object') continue;
      const record = value as Record<string, unknown>;
      if (Array.isArray(record['@graph'])) pending.push(record['@graph']);
      const types = Array.isArray(record['@type']) ? record['@type'] : [record['@type']];
      if (!types.some((type) => typeof type === 'string' && ARTICLE_TYPE.test(type))) continue;
      const page = record['mainEntityOfPage'];
      return defined({
        title: closerTitle(clean(record['headline']), clean(record['name']), pageTitle),
        author: names(record['author']),
        date: clean(record['datePublished']) ?? clean(record['dateCreated']),
        publisher: names(record['publisher']),
        url: [record['url'], typeof page === 'object' && page !== null ? (page as Record<string, unknown>)['@id'] : page].map(clean).find(isWebAddress),
        lang: clean(record['inLanguage']),
      });
    }
  }
  return {};
}

/**
 * An article's `headline`, unless it shares less than half its words with the page's `<title>` and
 * its `name` shares more: some sites put a summary in the headline (Wikipedia's is the article's
 * description), others the site's name in `name`.
 */
function closerTitle(headline: string | undefined, name: string | undefined, pageTitle: string | undefined): string | undefined {
  if (headline === undefined || name === undefined || headline === name || pageTitle === undefined) return headline ?? name;
  const titleWords = new Set(pageTitle.toLowerCase().split(/\s+/u));
  const shared = (text: string) => text.toLowerCase().split(/\s+/u).filter((word) => titleWords.has(word)).length / text.split(/\s+/u).length;
  return shared(headline) < 0.5 && shared(name) > shared(headline) ? name : headline;
}

/** The names in a schema.org person or organisation, or a list of them: "Ann Lee, Budi Santoso". */
function names(value: unknown): string | undefined {
  const list = (Array.isArray(value) ? value : [value]).slice(0, 10);
  const found = list.map((entry) => (typeof entry === 'string' ? clean(entry) : typeof entry === 'object' && entry !== null ? clean((entry as Record<string, unknown>)['name']) : undefined));
  const text = found.filter((name): name is string => name !== undefined && !isWebAddress(name)).join(', ');
  return text === '' ? undefined : text;
}

/** An author line as a name: "By Ann Lee | March 3" → "Ann Lee"; addresses are not names. */
function readAuthor(value: string | undefined): string | undefined {
  // A name is short: a longer text is a sentence or a list, not an author line.
  if (value === undefined || value.length > 200 || /^https?:/u.test(value) || value.startsWith('@')) return undefined;
  const name = value
    .replace(/^(?:(?:written|posted|reported)\s+)?(?:by|oleh|penulis|reporter|author)\s*[:：]?\s+/iu, '')
    .split(/\s+[|•·—–]\s+|\s+-\s+|\s(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)|\s(?=\d{1,4}[/.-]\d)|,\s*(?:updated|published|posted)\b/iu, 1)[0]!
    .replace(/[\s,;:|•·—–-]+$/u, '')
    .trim();
  return name === '' || name.length > 100 ? undefined : name;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A date as YYYY-MM-DD when it can be read as one: ISO, "2015/03/26", "March 26, 2015", "26 Mar 2015". */
function readDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})/u.exec(value.trim());
  if (iso) return date(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const monthFirst = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/u.exec(value);
  if (monthFirst) return date(Number(monthFirst[3]), MONTHS.indexOf(monthFirst[1]!.slice(0, 3).toLowerCase()) + 1, Number(monthFirst[2]));
  const dayFirst = /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/u.exec(value);
  if (dayFirst) return date(Number(dayFirst[3]), MONTHS.indexOf(dayFirst[2]!.slice(0, 3).toLowerCase()) + 1, Number(dayFirst[1]));
  return undefined;
}

function date(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The article's title: the metadata's, else the `<title>`'s, else the one `<h1>`; in each case
 * without the site's name — the publication's when known, else a short last part of `<title>`
 * after a separator ("Mozilla - Wikipedia").
 */
function pickTitle(facts: PageFacts, fromMeta: string | undefined, publication: string | undefined): string | undefined {
  if (fromMeta) return withoutSiteName(fromMeta, publication, false);
  if (facts.title) return withoutSiteName(facts.title, publication, true);
  return facts.h1s.length === 1 ? facts.h1s[0] : undefined;
}

/** Words in a title part; in scripts without spaces, every two characters count as one. */
function wordCount(text: string): number {
  const spaced = text.split(/\s+/u).filter(Boolean).length;
  const unspaced = (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0) / 2;
  return Math.max(spaced, unspaced);
}

/**
 * A title without the site's name at its end or start. `guess`: the title is a page's `<title>`,
 * whose last part after a separator is a site name when it is short (four words at most) and what
 * is left is a title of three words or more; else its first part, when that is three words at
 * most and what follows five or more ("Valley Courier :: Wells Run Dry as Water Table Falls").
 */
export function withoutSiteName(title: string, publication: string | undefined, guess: boolean): string {
  const text = title.replace(/\s+/gu, ' ').trim();
  const names = publication === undefined ? [] : [publication, ...publication.split(/\s+[-–—|:]\s+/u).slice(0, 1)];
  for (const name of names) {
    for (const separator of SEPARATORS) {
      if (text.endsWith(`${separator}${name}`) && text.length > name.length + separator.length) return text.slice(0, -(name.length + separator.length)).trim();
      if (text.startsWith(`${name}${separator}`) && text.length > name.length + separator.length) return text.slice(name.length + separator.length).trim();
    }
  }
  if (!guess) return text;
  let last = -1;
  let lastWidth = 0;
  let first = text.length;
  let firstWidth = 0;
  for (const separator of SEPARATORS) {
    const at = text.lastIndexOf(separator);
    if (at > last) [last, lastWidth] = [at, separator.length];
    const early = text.indexOf(separator);
    if (early !== -1 && early < first) [first, firstWidth] = [early, separator.length];
  }
  if (last <= 0) return text;
  const head = text.slice(0, last).trim();
  const tail = text.slice(last + lastWidth).trim();
  if (wordCount(tail) <= 4 && wordCount(head) >= 3) return head;
  const opening = text.slice(0, first).trim();
  const rest = text.slice(first + firstWidth).trim();
  return wordCount(opening) <= 3 && wordCount(rest) >= 5 ? rest : text;
}

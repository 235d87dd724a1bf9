import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { selectAll } from 'hast-util-select';
import { toMdast } from 'hast-util-to-mdast';
import { toString as hastToString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { type Block, clip } from './blocks.js';
import { checkHtmlNesting } from './html-nesting.js';
import { type ArticleMeta, blocksFromMdast } from './markdown.js';

/** Elements that are never article prose. */
const NEVER_PROSE = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'video', 'audio',
  'form', 'button', 'input', 'select', 'textarea', 'dialog', 'nav', 'aside', 'footer', 'figcaption', 'picture', 'img', 'head',
]);

/** Class or id words of page chrome: menus, ads, share bars, related links, comments, footers. */
const CHROME_NAME =
  /(^|[-_\s])(nav|navbar|navigation|menu|breadcrumbs?|masthead|site-header|footer|sidebar|widget|related|recommend(ed|ations?)?|terkait|baca-?juga|read-?more|more-?stories|share|sharing|social|sosmed|comments?|komentar|disqus|advert\w*|ads?|adv|iklan|banner|promo\w*|sponsor\w*|newsletter|subscribe|subscription|cookie\w*|consent|popup|modal|tags?|byline|author-?box|caption|credit|outbrain|taboola|paywall)($|[-_\s\d])/iu;

/** Landmark roles of page chrome. */
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alert']);

/** What a saved web page holds: its metadata and the blocks of its article body. */
export interface HtmlContent {
  meta: ArticleMeta;
  blocks: Block[];
}

/**
 * Reads a saved news or blog page with rehype: takes the metadata from `<meta>` tags and `<title>`,
 * finds the article body (`articleBody` microdata, the `<article>` or `<main>` with the most prose,
 * else the element with the most paragraph text), drops page chrome inside it — reporting each
 * dropped piece on `file` — and turns what is left into blocks through mdast. A page nested deeper
 * than the tree walks can take is refused first (see {@link checkHtmlNesting}).
 */
export function readHtml(text: string, file: VFile): HtmlContent {
  checkHtmlNesting(text);
  const tree = unified().use(rehypeParse).parse(text) as HastRoot;
  const parts = findParts(tree);
  const meta = readMeta(parts);
  const body = chooseArticleRoot(parts);
  if (body.tagName !== 'body') {
    const line = body.position?.start.line ?? 1;
    file.message(`took the article body from <${body.tagName}> at line ${line}; the rest of the page was left out`, {
      place: { line, column: body.position?.start.column ?? 1 },
      ruleId: 'article-body',
      source: 'ringkas',
    });
  }
  const cleaned = pruneChrome(body, file) as Element;
  const mdast = toMdast({ type: 'root', children: withoutInvisible(cleaned.children) });
  return { meta, blocks: blocksFromMdast(mdast as Parameters<typeof blocksFromMdast>[0]) };
}

/**
 * The elements the reader looks for in a page, found in one walk over its tree (in document order,
 * as `select` and `selectAll` of hast-util-select find them, whose every call walks the whole tree
 * once more), with a stack of its own.
 */
interface PageParts {
  /** The first element for each key: `og:title`, `author`, … (see {@link META_KEYS}), `title`, `html`, `body`, `articleBody`. */
  first: Map<string, Element>;
  articles: Element[];
  mains: Element[];
  containers: Element[];
}

/** `<meta>` attributes the reader takes metadata from, as `property=value` in hast's property names. */
const META_KEYS = ['property=og:title', 'name=author', 'property=article:author', 'property=article:published_time', 'name=date'];

/** An attribute's value as a selector compares it: a list of tokens joined by spaces. */
function attribute(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  return Array.isArray(value) ? value.join(' ') : value === undefined || value === null ? undefined : String(value);
}

function findParts(tree: HastRoot): PageParts {
  const parts: PageParts = { first: new Map(), articles: [], mains: [], containers: [] };
  const keep = (key: string, element: Element) => {
    if (!parts.first.has(key)) parts.first.set(key, element);
  };
  const pending: HastContent[] = [...tree.children].reverse();
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.type !== 'element') continue;
    const { tagName } = node;
    if (tagName === 'meta') {
      for (const key of META_KEYS) {
        const [name, value] = key.split('=') as [string, string];
        if (attribute(node, name) === value) keep(value, node);
      }
    }
    if (tagName === 'title' || tagName === 'html' || tagName === 'body') keep(tagName, node);
    if (attribute(node, 'itemProp') === 'articleBody') keep('articleBody', node);
    if (tagName === 'article') parts.articles.push(node);
    if (tagName === 'main' || attribute(node, 'role') === 'main') parts.mains.push(node);
    if (tagName === 'div' || tagName === 'section' || tagName === 'td') parts.containers.push(node);
    for (let index = node.children.length - 1; index >= 0; index -= 1) pending.push(node.children[index] as HastContent);
  }
  return parts;
}

function readMeta(parts: PageParts): ArticleMeta {
  const metaContent = (key: string) => {
    const value = parts.first.get(key)?.properties['content'];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const meta: ArticleMeta = {};
  const title = metaContent('og:title') ?? stripSiteName(hastToString(parts.first.get('title') ?? { type: 'root', children: [] }));
  const author = metaContent('author') ?? metaContent('article:author');
  const date = metaContent('article:published_time') ?? metaContent('date');
  const lang = parts.first.get('html')?.properties['lang'];
  if (title) meta.title = title;
  if (author && !/^https?:/u.test(author)) meta.author = author;
  if (date) meta.date = date.slice(0, 10);
  if (typeof lang === 'string' && lang.trim() !== '') meta.lang = lang.trim();
  return meta;
}

/** "Judul Berita - Kompas.com" → "Judul Berita". */
function stripSiteName(title: string): string | undefined {
  const trimmed = title.replace(/\s+/gu, ' ').trim();
  if (trimmed === '') return undefined;
  return trimmed.replace(/\s+[|–—-]\s+[^|–—-]{2,40}$/u, '').trim();
}

function chooseArticleRoot(parts: PageParts): Element {
  const microdata = parts.first.get('articleBody');
  if (microdata) return microdata;
  for (const candidates of [parts.articles, parts.mains]) {
    const best = mostProse(candidates);
    if (best) return best;
  }
  const containers = parts.containers.filter((element) => !isChrome(element));
  return mostProse(containers, true) ?? parts.first.get('body') ?? { type: 'element', tagName: 'body', properties: {}, children: [] };
}

/** The element whose paragraphs (direct ones only, when `direct`) hold the most text. */
function mostProse(elements: Element[], direct = false): Element | undefined {
  let best: Element | undefined;
  let bestScore = 0;
  for (const element of elements) {
    const paragraphs = direct ? element.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'p') : selectAll('p', element);
    const score = paragraphs.reduce((sum, paragraph) => sum + hastToString(paragraph).trim().length, 0);
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  return best;
}

function isChrome(element: Element): boolean {
  if (NEVER_PROSE.has(element.tagName)) return true;
  const { properties } = element;
  if (properties['hidden'] !== undefined && properties['hidden'] !== false) return true;
  if (properties['ariaHidden'] === 'true') return true;
  if (typeof properties['role'] === 'string' && CHROME_ROLES.has(properties['role'])) return true;
  if (typeof properties['style'] === 'string' && /display\s*:\s*none/iu.test(properties['style'])) return true;
  const names = [...(Array.isArray(properties['className']) ? properties['className'] : []), properties['id']].filter((name) => typeof name === 'string');
  return names.some((name) => CHROME_NAME.test(name as string));
}

/** A copy of the tree without chrome elements; each dropped element with text is reported. */
function pruneChrome<T extends Element | HastContent | ElementContent>(node: T, file: VFile): T | undefined {
  if (node.type !== 'element') return node;
  if (isChrome(node) && node.tagName !== 'body') {
    const text = hastToString(node).replace(/\s+/gu, ' ').trim();
    if (text !== '' && !['script', 'style', 'noscript', 'template', 'head'].includes(node.tagName)) {
      const line = node.position?.start.line ?? 1;
      file.message(`dropped page chrome <${node.tagName}>: "${clip(text)}"`, {
        place: { line, column: node.position?.start.column ?? 1 },
        ruleId: 'page-chrome',
        source: 'ringkas',
      });
    }
    return undefined;
  }
  const children = node.children.map((child) => pruneChrome(child, file)).filter((child) => child !== undefined);
  return { ...node, children } as T;
}

/**
 * Elements that end a line of text (hast-util-minify-whitespace's list): never unwrapped, as the
 * paragraphs on either side would run together.
 */
const BREAKS_TEXT = new Set(
  'address article aside blockquote body br caption center col colgroup dd dialog dir div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html legend li listing main menu nav ol optgroup option p plaintext pre section summary table tbody td tfoot th thead tr ul wbr xmp'.split(' '),
);
/** Elements that stand for something without text: form controls, media, quotations (given quote marks). */
const SHOWN_WITHOUT_TEXT = new Set(['button', 'input', 'select', 'textarea', 'img', 'picture', 'audio', 'video', 'iframe', 'object', 'embed', 'canvas', 'math', 'svg', 'q']);

/**
 * The nodes without runs of what shows nothing: elements inside a line that hold no text but white
 * space are replaced by that white space, adjacent text is joined, and of comments with nothing but
 * white space between them one is kept (a comment ends a paragraph for hast-util-to-mdast, as
 * many do). hast-util-to-mdast decides for every node whether the white space around it shows by
 * reading on through the nodes after it that show nothing, so that a run of 10,000 empty links
 * took minutes; here it reads one or two.
 */
function withoutInvisible(nodes: readonly ElementContent[]): ElementContent[] {
  const kept: ElementContent[] = [];
  const add = (node: ElementContent) => {
    const last = kept.at(-1);
    if (node.type === 'text' && last?.type === 'text') kept[kept.length - 1] = { ...last, value: last.value + node.value };
    else kept.push(node);
  };
  for (const node of nodes) {
    if (node.type === 'comment') {
      const last = kept.at(-1);
      const beforeSpace = last?.type === 'text' && last.value.trim() === '' ? kept.at(-2) : last;
      if (beforeSpace?.type !== 'comment') kept.push(node);
      continue;
    }
    if (node.type !== 'element') {
      add(node);
      continue;
    }
    const children = withoutInvisible(node.children);
    const blank = children.every((child) => child.type === 'text' && child.value.trim() === '');
    if (blank && !BREAKS_TEXT.has(node.tagName) && !SHOWN_WITHOUT_TEXT.has(node.tagName)) children.forEach(add);
    else add({ ...node, children });
  }
  return kept;
}

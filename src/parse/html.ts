import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toMdast } from 'hast-util-to-mdast';
import { toString as hastToString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { type Block, clip } from './blocks.js';
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
 * dropped piece on `file` — and turns what is left into blocks through mdast.
 */
export function readHtml(text: string, file: VFile): HtmlContent {
  const tree = unified().use(rehypeParse).parse(text) as HastRoot;
  const meta = readMeta(tree);
  const body = chooseArticleRoot(tree);
  if (body.tagName !== 'body') {
    const line = body.position?.start.line ?? 1;
    file.message(`took the article body from <${body.tagName}> at line ${line}; the rest of the page was left out`, {
      place: { line, column: body.position?.start.column ?? 1 },
      ruleId: 'article-body',
      source: 'ringkas',
    });
  }
  const cleaned = pruneChrome(body, file) as Element;
  const mdast = toMdast({ type: 'root', children: cleaned.children });
  return { meta, blocks: blocksFromMdast(mdast as Parameters<typeof blocksFromMdast>[0]) };
}

function readMeta(tree: HastRoot): ArticleMeta {
  const metaContent = (selector: string) => {
    const value = select(selector, tree)?.properties['content'];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const meta: ArticleMeta = {};
  const title = metaContent('meta[property="og:title"]') ?? stripSiteName(hastToString(select('title', tree) ?? { type: 'root', children: [] }));
  const author = metaContent('meta[name="author"]') ?? metaContent('meta[property="article:author"]');
  const date = metaContent('meta[property="article:published_time"]') ?? metaContent('meta[name="date"]');
  const lang = select('html', tree)?.properties['lang'];
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

function chooseArticleRoot(tree: HastRoot): Element {
  const microdata = select('[itemprop="articleBody"]', tree);
  if (microdata) return microdata;
  for (const selector of ['article', 'main, [role="main"]']) {
    const best = mostProse(selectAll(selector, tree));
    if (best) return best;
  }
  const containers = selectAll('div, section, td', tree).filter((element) => !isChrome(element));
  return mostProse(containers, true) ?? select('body', tree) ?? { type: 'element', tagName: 'body', properties: {}, children: [] };
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

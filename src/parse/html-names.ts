import type { Element } from 'hast';

/**
 * What an element's tag, role and class or id names say about it: page chrome (menus, share bars,
 * related links, comments, bylines, ads) or the article's body. The HTML reader asks this both to
 * score candidates for the article and to prune chrome inside the one it chose.
 */

/** Elements whose content is never read: code, media, controls and the document head. */
export const NEVER_READ = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'video', 'audio', 'math',
  'button', 'input', 'select', 'textarea', 'head', 'title', 'img', 'picture', 'map', 'figcaption',
]);

/** Elements that are chrome by their tag alone. */
const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'dialog', 'menu']);

/** Landmark roles of page chrome. */
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog', 'alert', 'menu', 'menubar', 'toolbar']);

/**
 * Words that name page chrome when they are a whole class or id token, or a part of one in its
 * place (see {@link isChromeToken}). Written without separators: "baca-juga" and "baca_juga" are
 * both "bacajuga".
 */
const CHROME_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'breadcrumb', 'breadcrumbs', 'masthead', 'footer', 'sidebar', 'widget', 'toolbar', 'pagination', 'pager',
  'related', 'relatedposts', 'recommended', 'recommendation', 'recommendations', 'terkait', 'beritaterkait', 'bacajuga', 'readmore', 'readalso', 'morestories', 'trending', 'popular', 'terpopuler',
  'share', 'sharing', 'sharebar', 'sharetools', 'social', 'socialmedia', 'sosmed',
  'comment', 'comments', 'commentlist', 'komentar', 'disqus', 'replies', 'respond',
  'advert', 'advertisement', 'advertising', 'ad', 'ads', 'adv', 'adsbygoogle', 'iklan', 'banner', 'promo', 'promotion', 'sponsor', 'sponsored', 'outbrain', 'taboola',
  'newsletter', 'subscribe', 'subscription', 'signup', 'cookie', 'cookies', 'consent', 'gdpr', 'popup', 'modal', 'overlay', 'lightbox',
  'tags', 'tagcloud', 'byline', 'bylines', 'dateline', 'timestamp', 'author', 'authors', 'authorbox', 'authorinfo', 'bio', 'meta', 'postmeta', 'entrymeta',
  'caption', 'credit', 'credits', 'print', 'skip', 'skiplink', 'rss', 'login', 'search', 'searchform',
  'gallery', 'slideshow', 'carousel', 'slider', 'player', 'videoplayer', 'vjs', 'videojs', 'jwplayer', 'disclaimer',
]);

/** Words that name a container, after a chrome word: "share-buttons", "comments-area", "related-posts". */
const CONTAINER_WORDS = new Set([
  'area', 'box', 'bar', 'block', 'blocks', 'container', 'wrap', 'wrapper', 'wrp', 'list', 'links', 'section', 'module', 'panel', 'button', 'buttons', 'tools', 'icons',
  'items', 'item', 'posts', 'post', 'stories', 'articles', 'news', 'inner', 'outer', 'holder', 'region', 'zone', 'unit', 'slot', 'placeholder', 'left', 'right',
  'top', 'bottom', 'line', 'info', 'card', 'cards', 'feed', 'thread', 'title', 'count', 'label', 'text', 'icon', 'link', 'date', 'name', 'main', 'body',
  'content', 'meta',
]);

/**
 * The first parts of class names a CMS puts on the article itself to file it: WordPress marks a
 * post `tag-politics`, `category-sponsored-promotion`, `format-standard`. They never make an
 * element chrome.
 */
const TAXONOMY_PREFIXES = new Set(['tag', 'tags', 'category', 'categories', 'cat', 'term', 'format', 'status', 'type', 'topic']);

/** Words of the article's own container: a class with one of them counts for the element. */
const CONTENT_WORDS = new Set([
  'article', 'articlebody', 'body', 'content', 'entry', 'entrycontent', 'hentry', 'main', 'post', 'postbody', 'postcontent', 'text', 'blog', 'story', 'storybody',
  'prose', 'isi', 'konten', 'berita', 'detail', 'readcontent', 'page',
]);

/**
 * The names of the article's own container, which a chrome-named wrapper around it does not make
 * chrome (Blogger's `widget Blog` around `post-body entry-content`): a class or id ending in one.
 */
const CONTENT_CONTAINERS = ['entrycontent', 'entrybody', 'postcontent', 'postbody', 'postentry', 'articlebody', 'articlecontent', 'articletext', 'storybody', 'storycontent', 'storytext', 'maincontent', 'bodytext', 'readcontent', 'isiberita', 'detailtext'];

/** The class tokens of an element (each at most 80 characters: longer ones are not names). */
export function classTokens(element: Element): string[] {
  const { className } = element.properties;
  const tokens: string[] = [];
  if (Array.isArray(className)) for (const name of className) tokens.push(String(name));
  else if (typeof className === 'string') tokens.push(...(className as string).split(/\s+/u));
  return tokens.filter((token) => token !== '' && token.length <= 80);
}

/** The class and id tokens of an element. */
export function nameTokens(element: Element): string[] {
  const { id } = element.properties;
  return typeof id === 'string' && id !== '' && id.length <= 80 ? [...classTokens(element), id] : classTokens(element);
}

/** The parts of a class token, split at `-`, `_` and camel case: "entryContent" → ["entry", "content"]. */
function parts(token: string): string[] {
  return token.split(/[-_:.]+|(?<=[a-z])(?=[A-Z])/u).filter(Boolean).map((part) => part.toLowerCase());
}

/**
 * Whether a class or id token names page chrome: the token is a chrome word ("sidebar",
 * "baca-juga"), or ends with one ("post-tags", "social-share"), or starts with one that is
 * followed only by container words ("share-buttons", "related-posts"). A chrome word anywhere else
 * says nothing ("content-with-sidebar-wrp", "modal-enabled"), nor does any token that files the
 * article under a tag or category ("tag-ads", "category-news-promotion").
 */
export function isChromeToken(token: string): boolean {
  return chromeWord(token) !== undefined;
}

/**
 * The chrome word a class or id token is named by (see {@link isChromeToken}), or `undefined`. A
 * chrome word may take several parts of the token ("baca-juga-box", "post-read-more").
 */
function chromeWord(token: string): string | undefined {
  const split = parts(token);
  if (split.length === 0 || TAXONOMY_PREFIXES.has(split[0]!)) return undefined;
  // A layout flag: "content-with-sidebar", "has-comments", "no-sidebar".
  if (split.includes('with') || split[0] === 'has' || split[0] === 'no') return undefined;
  for (let start = 0; start < split.length; start += 1) {
    const ending = split.slice(start).join('');
    if (CHROME_WORDS.has(ending)) return ending;
  }
  for (let end = split.length - 1; end >= 1; end -= 1) {
    const opening = split.slice(0, end).join('');
    if (CHROME_WORDS.has(opening) && split.slice(end).every((part) => CONTAINER_WORDS.has(part) || /^\d+$/u.test(part))) return opening;
  }
  return undefined;
}

/** Whether a class or id token names the article's own container ("entry-content", "articleBody"). */
function isContentToken(token: string): boolean {
  const split = parts(token);
  if (split.length === 0 || TAXONOMY_PREFIXES.has(split[0]!)) return false;
  return CONTENT_WORDS.has(split.join('')) || split.some((part) => CONTENT_WORDS.has(part));
}

/**
 * Chrome words that never name a wrapper of the article's text, however much text the element
 * holds: reader comments, galleries, related links, ads, menus. The others ("read-more", "widget",
 * "modal", "caption") sometimes do.
 */
const NEVER_ARTICLE_WORDS = new Set([
  'comment', 'comments', 'commentlist', 'komentar', 'disqus', 'replies', 'respond', 'gallery', 'slideshow', 'carousel', 'slider',
  'related', 'relatedposts', 'recommended', 'recommendation', 'recommendations', 'terkait', 'beritaterkait', 'bacajuga', 'readalso', 'morestories',
  'trending', 'popular', 'terpopuler', 'outbrain', 'taboola', 'advert', 'advertisement', 'advertising', 'ad', 'ads', 'adsbygoogle', 'iklan',
  'sponsor', 'sponsored', 'newsletter', 'sidebar', 'footer', 'nav', 'navbar', 'navigation', 'menu', 'breadcrumb', 'breadcrumbs', 'disclaimer',
]);

/**
 * Whether an element is never the article's text: a `<nav>` or `<footer>`, or named as comments, a
 * gallery, related links (see {@link NEVER_ARTICLE_WORDS}).
 */
export function isNeverArticle(element: Element): boolean {
  return element.tagName === 'nav' || element.tagName === 'footer' || nameTokens(element).some((token) => NEVER_ARTICLE_WORDS.has(chromeWord(token) ?? ''));
}

/** Whether an element is the article's own container by its names or its `itemprop="articleBody"`. */
export function isContentContainer(element: Element): boolean {
  const itemProp = element.properties['itemProp'];
  if ((Array.isArray(itemProp) ? itemProp : [itemProp]).some((value) => String(value).toLowerCase() === 'articlebody')) return true;
  return nameTokens(element).some((token) => {
    const joined = parts(token).join('');
    return CONTENT_CONTAINERS.some((name) => joined.endsWith(name));
  });
}

/** Whether an element is hidden from readers: `hidden`, `aria-hidden`, or a style that hides it. */
export function isHidden(element: Element): boolean {
  const { properties } = element;
  if (properties['hidden'] !== undefined && properties['hidden'] !== false && properties['hidden'] !== null) return true;
  if (String(properties['ariaHidden']) === 'true') return true;
  const style = properties['style'];
  return typeof style === 'string' && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/iu.test(style);
}

/** Why an element is page chrome: its tag, its landmark role, or one of its class or id names. */
export interface ChromeReason {
  by: 'tag' | 'role' | 'name';
  /** The reason as a message shows it: `<nav>`, `role "navigation"`, `"sidebar"`. */
  shown: string;
}

/** Why an element is page chrome, or `undefined` when it is not. */
export function chromeReason(element: Element): ChromeReason | undefined {
  if (CHROME_TAGS.has(element.tagName)) return { by: 'tag', shown: `<${element.tagName}>` };
  const role = element.properties['role'];
  if (typeof role === 'string' && CHROME_ROLES.has(role.toLowerCase())) return { by: 'role', shown: `role "${role}"` };
  const token = nameTokens(element).find(isChromeToken);
  return token === undefined ? undefined : { by: 'name', shown: `"${token}"` };
}

/**
 * How much an element's names speak for it being the article (+25) or chrome (−25), as a bonus
 * to its score. `itemprop="articleBody"` speaks loudest.
 */
export function nameWeight(element: Element): number {
  let weight = 0;
  const tokens = nameTokens(element);
  if (tokens.some(isContentToken)) weight += 25;
  if (tokens.some(isChromeToken)) weight -= 25;
  const itemProp = element.properties['itemProp'];
  if ((Array.isArray(itemProp) ? itemProp : [itemProp]).some((value) => String(value).toLowerCase() === 'articlebody')) weight += 50;
  return weight;
}

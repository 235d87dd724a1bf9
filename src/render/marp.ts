import { createRequire } from 'node:module';
import { escapeHtml } from '../html-escape.js';
import type { Deck } from '../model.js';
import { serializeDeck } from '../serialize/index.js';
import { RingkasError } from '../errors.js';
import { cssThemeProblem } from '../themes/css-check.js';
import { embeddedFontCss } from '../themes/fonts.js';
import { type Theme, markdownSettings } from '../themes/index.js';
import { BESPOKE_CONTROLS, BESPOKE_CSS, BESPOKE_SCRIPT } from './bespoke-template.js';
import { cspHash } from './csp.js';

/**
 * marp-core as `npm run build` bundles it (scripts/bundle.mjs): the same code without the
 * math engines it would load and ringkas never calls, so that it loads in a third of the time. From
 * dist/render/ and, under the tests, src/render/, the package root is two folders up.
 */
const { Marp } = createRequire(import.meta.url)('../../dist/vendor/marp-core.cjs') as typeof import('@marp-team/marp-core');

/** Slides rendered by Marp: the pieces every output format is made from. */
export interface MarpRender {
  /** The slides as Marp's HTML: one `<svg data-marpit-svg>` per slide inside `div#:$p`. */
  html: string;
  css: string;
  slideCount: number;
  /** The HTML comments of each slide, in order: the speaker notes. */
  comments?: string[][];
  /** marp-core's browser script, which a presentable deck runs. */
  script?: string;
}

/**
 * The container marp-cli's bespoke template puts the slides in; its script looks for it, and
 * Marp scopes the theme's CSS to it.
 */
const CONTAINER = { tag: 'div', id: ':$p' };

/**
 * How ringkas renders with marp-core. Raw HTML, automatic links, emoji images (fetched from a
 * CDN) and math are off: the Markdown ringkas writes needs none of them, and each would make output
 * depend on something other than the article (math off is also why the bundle may leave the math
 * engines out).
 */
export const MARP_OPTIONS = {
  html: false,
  // Article text is data: a URL in it stays text, never becomes a link.
  markdown: { linkify: false },
  emoji: { shortcode: false, unicode: false },
  math: false,
  script: { source: 'inline' },
  minifyCSS: true,
  inlineSVG: true,
  container: CONTAINER,
} as const;

/** A Marp with a theme's CSS added: made anew for every render, so that no render sees another's state. */
function newMarp(theme: Theme): InstanceType<typeof Marp> {
  const marp = new Marp(MARP_OPTIONS as never);
  if (theme.css !== undefined) marp.themeSet.add(theme.css);
  return marp;
}

/** One Marp made ahead by {@link prepareMarp}, for the next render with its theme. */
let prepared: { css: string | undefined; marp: InstanceType<typeof Marp> } | undefined;

/**
 * Makes the Marp the next render with `theme` will use (marp-core sets up its Markdown parser and
 * reads the theme's CSS: about 50 ms in a fresh process), so that a build can do it while it waits
 * for the syntax model instead of after the deck is made. The render takes it as it is, once. One
 * made for the theme and not yet used stays: the decks of a batch, each preparing while its model
 * loads, would otherwise make Marps that no render takes.
 */
export function prepareMarp(theme: Theme): void {
  if (prepared?.css === theme.css) return;
  prepared = { css: theme.css, marp: newMarp(theme) };
}

function marpFor(theme: Theme): InstanceType<typeof Marp> {
  const ready = prepared;
  if (ready === undefined || ready.css !== theme.css) return newMarp(theme);
  prepared = undefined;
  return ready.marp;
}

/**
 * Renders Marp Markdown with marp-core ({@link MARP_OPTIONS}). marp-core's own script (it fixes
 * the scaling of the slides' SVG in Safari) is taken out of the slides and returned apart, for the
 * presentable deck. `input` names a Marp deck given as input ({@link Deck.marp}): `theme` is then
 * its default, which its own `theme:` directive overrides, and the CSS it brings itself (`<style>`,
 * the `style` directive) keeps the rule of a user's CSS theme ({@link cssThemeProblem}: it loads
 * nothing, it cannot end the style element), else a {@link RingkasError} naming `input`.
 */
export function renderMarp(markdown: string, theme: Theme, input?: string): MarpRender {
  const marp = marpFor(theme);
  if (input !== undefined) marp.themeSet.default = marp.themeSet.get(theme.name);
  const rendered = marp.render(markdown);
  if (input !== undefined) {
    // Marpit keeps every style the deck brings (global, scoped, the style directive) here.
    for (const css of (marp as unknown as { lastStyles?: string[] }).lastStyles ?? []) {
      const problem = cssThemeProblem(css);
      if (problem) throw new RingkasError(`${input}: a style of the Marp deck ${problem}`);
    }
  }
  // With raw HTML off, every tag in Marp's output is Marp's own: exactly one script, its own.
  const scripts = [...rendered.html.matchAll(/<script>([\s\S]*?)<\/script>/gu)];
  if (scripts.length !== 1) throw new Error(`Marp rendered ${scripts.length} scripts; it writes exactly one`);
  const html = rendered.html.replace(scripts[0]![0], '');
  const slideCount = html.match(/<svg data-marpit-svg=""/gu)?.length ?? 0;
  return { html, css: rendered.css, slideCount, comments: rendered.comments, script: scripts[0]![1]! };
}

/**
 * The scripts of a presentable deck, in the order it runs them: marp-core's, then the bespoke
 * template's. The deck's Content-Security-Policy allows exactly these.
 */
export function presentScripts(render: Pick<MarpRender, 'script'>): readonly string[] {
  return [...(render.script === undefined ? [] : [render.script]), BESPOKE_SCRIPT];
}

/** Styles for reading the printable deck on screen: slides fill the window width, one under the other. */
const SCREEN_CSS = `@media screen{html{background:#3a3d42;scroll-snap-type:y mandatory}body{margin:0;padding:2vh 0}body>div>svg[data-marpit-svg]{display:block;width:min(96vw,170.6vh);height:auto;margin:0 auto 2vh;box-shadow:0 4px 18px rgba(0,0,0,.4);scroll-snap-align:center}}`;

/**
 * What a deck's HTML may load wherever it is opened: its own inline styles, images and fonts
 * embedded as `data:` URLs, and, in a presentable deck, exactly the scripts it was written with
 * (by their SHA-256) and itself in a frame (the presenter view shows the next slide in a frame of
 * the same file); no other script, no request. A second wall behind the escaping of article and
 * theme text, for the HTML as a user opens it in an ordinary browser.
 */
function contentSecurityPolicy(scripts: readonly string[]): string {
  const base = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";
  if (scripts.length === 0) return base;
  const hashes = scripts.map(cspHash);
  return `${base}; script-src ${hashes.join(' ')}; frame-src 'self'`;
}

/** What an HTML document of a deck is for. */
export type DocumentMode =
  /** The HTML output: marp-cli's bespoke template — navigation, fullscreen, presenter view with notes. */
  | 'present'
  /** The browser's input for PDF, PNG, pictures and measuring: the slides and nothing that moves. */
  | 'print';

/** What the document says about itself, besides its slides. */
export interface DocumentMeta {
  title: string;
  lang: string;
  /** `@font-face` rules of the fonts it embeds. */
  fontCss?: string;
}

/**
 * A self-contained HTML document of rendered slides. In `print` mode the slides scroll one under
 * the other on screen and print one per page (Marp's print styles); in `present` mode they are a
 * presentation in marp-cli's bespoke template, with the speaker notes for its presenter view.
 */
export function htmlDocument(render: MarpRender, meta: DocumentMeta, mode: DocumentMode = 'print'): string {
  const present = mode === 'present';
  const scripts = present ? presentScripts(render) : [];
  const notes = present ? (render.comments ?? []).map((comments, index) => noteHtml(comments, index)).join('') : '';
  // The template's styles come before the theme's, as in marp-cli; the printable page adds its screen styles after.
  const styles = [meta.fontCss, present ? BESPOKE_CSS : undefined, render.css, present ? undefined : SCREEN_CSS].filter((css) => css);
  const body = present ? `${BESPOKE_CONTROLS}${render.html}${notes}${scripts.map((script) => `<script>${script}</script>`).join('')}` : render.html;
  const viewport = present ? 'width=device-width,height=device-height,initial-scale=1.0' : 'width=device-width, initial-scale=1';
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(meta.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(scripts)}">`,
    `<meta name="viewport" content="${viewport}">`,
    '<meta name="generator" content="ringkas">',
    `<title>${escapeHtml(meta.title)}</title>`,
    ...styles.map((css) => `<style>${css}</style>`),
    '</head>',
    `<body>${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}

/** A slide's notes as marp-cli's bespoke template writes them: one escaped paragraph per comment. */
function noteHtml(comments: readonly string[], index: number): string {
  const paragraphs = comments.filter((comment) => comment.length > 0);
  if (paragraphs.length === 0) return '';
  return `<div class="bespoke-marp-note" data-index="${index}" tabindex="0">${paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('')}</div>`;
}

/** Every text of the deck a slide shows, for choosing the font subsets to embed. */
function shownText(deck: Deck, theme: Theme): string {
  if (deck.marp !== undefined) return `${deck.marp}\n${theme.tokens?.footer ?? ''}`;
  return [deck.title, theme.tokens?.footer ?? '', ...deck.slides.flatMap((slide) => [slide.title, ...(slide.subtitle ?? []), ...slide.bullets])].join('\n');
}

/**
 * The one way a deck and a theme become an HTML document, used by build, check and the themes
 * preview: the deck's Markdown rendered by Marp, checked to hold exactly the deck's slides
 * (article text that made an extra slide would be a bug), with the theme's bundled fonts embedded.
 */
export function deckDocument(deck: Deck, theme: Theme, mode: DocumentMode = 'print'): string {
  const rendered = deck.marp === undefined ? renderMarp(serializeDeck(deck, markdownSettings(theme)), theme) : renderMarp(deck.marp, theme, deck.title);
  if (rendered.slideCount !== deck.slides.length) {
    throw new Error(`Marp rendered ${rendered.slideCount} slides for a deck of ${deck.slides.length}`);
  }
  return htmlDocument(rendered, { title: deck.title, lang: deck.lang, fontCss: embeddedFontCss(theme.tokens, shownText(deck, theme)) }, mode);
}

/** The first heading of a slide's HTML, as text; Marp wrote the markup, the text in it is escaped. */
function headingOf(slideHtml: string): string | undefined {
  const start = slideHtml.search(/<h[1-6][ >]/u);
  if (start < 0) return undefined;
  const end = slideHtml.indexOf('</h', start);
  if (end < 0) return undefined;
  const text = slideHtml
    .slice(slideHtml.indexOf('>', start) + 1, end)
    .replace(/<[^>]*>/gu, '')
    .replace(/&(lt|gt|quot|#39|amp);/gu, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name]!)
    .trim();
  return text === '' ? undefined : text;
}

/**
 * The {@link Deck} of an input that is already a Marp deck: its Markdown, to be rendered as it is
 * with `theme` as its default theme, and one slide per slide Marp renders from it, with its first
 * heading as title (for the PDF's bookmarks) and its HTML comments as notes. The deck's title is
 * `title` (its front matter's), else its first heading, else `fallbackTitle`. Throws a
 * {@link RingkasError} naming `path` when its own CSS breaks the rule of {@link renderMarp}.
 */
export function marpInputDeck(markdown: string, theme: Theme, path: string, meta: { title: string | undefined; fallbackTitle: string; lang: Deck['lang'] }): Deck {
  const rendered = renderMarp(markdown, theme, path);
  const slides = rendered.html
    .split('<svg data-marpit-svg=""')
    .slice(1)
    .map((slideHtml, index) => ({ kind: 'content' as const, title: headingOf(slideHtml) ?? '', bullets: [], notes: rendered.comments?.[index]?.filter((note) => note !== '') ?? [] }));
  const title = meta.title ?? slides.find((slide) => slide.title !== '')?.title ?? meta.fallbackTitle;
  return { title, lang: meta.lang, keywords: [], slides, marp: markdown };
}

import { Marp } from '@marp-team/marp-core';
import { escapeHtml } from '../html-escape.js';
import type { Deck } from '../model.js';
import type { Theme } from '../themes/index.js';

/** Slides rendered by Marp: the pieces every output format is made from. */
export interface MarpRender {
  /** The slides as Marp's HTML (one `<svg data-marpit-svg>` per slide inside `div.marpit`). */
  html: string;
  css: string;
  slideCount: number;
}

/**
 * Renders Marp Markdown with marp-core. Raw HTML, automatic links, emoji images (fetched from a
 * CDN) and math are off: the Markdown ringkas writes needs none of them, and each would make output
 * depend on something other than the article.
 */
export function renderMarp(markdown: string, theme: Theme): MarpRender {
  const marp = new Marp({
    html: false,
    // Article text is data: a URL in it stays text, never becomes a link.
    markdown: { linkify: false },
    emoji: { shortcode: false, unicode: false },
    math: false,
    script: false,
    minifyCSS: true,
    inlineSVG: true,
  });
  if (theme.css !== undefined) marp.themeSet.add(theme.css);
  const { html, css } = marp.render(markdown);
  const slideCount = html.match(/<svg data-marpit-svg=""/gu)?.length ?? 0;
  return { html, css, slideCount };
}

/** Styles for reading the deck on screen: slides fill the window width, one under the other. */
const SCREEN_CSS = `@media screen{html{background:#3a3d42;scroll-snap-type:y mandatory}body{margin:0;padding:2vh 0}div.marpit>svg[data-marpit-svg]{display:block;width:min(96vw,170.6vh);height:auto;margin:0 auto 2vh;box-shadow:0 4px 18px rgba(0,0,0,.4);scroll-snap-align:center}}`;

/**
 * What the deck's HTML may load wherever it is opened: its own inline styles, and images and fonts
 * embedded as `data:` URLs; nothing else, no script, no request. A second wall behind the escaping
 * of article and theme text, for the HTML as a user opens it in an ordinary browser.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/**
 * A self-contained HTML document of the deck: scrolls slide by slide on screen and prints one slide
 * per page (Marp's print styles), so the same document serves the HTML output and the PDF.
 */
export function htmlDocument(render: MarpRender, meta: { title: string; lang: string }): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(meta.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="ringkas">',
    `<title>${escapeHtml(meta.title)}</title>`,
    `<style>${render.css}</style>`,
    `<style>${SCREEN_CSS}</style>`,
    '</head>',
    `<body>${render.html}</body>`,
    '</html>',
    '',
  ].join('\n');
}

/**
 * The deck's HTML document from its Markdown: Marp's slides in {@link htmlDocument}, checked to
 * hold exactly the deck's slides (article text that made an extra slide would be a bug).
 */
export function deckDocument(markdown: string, theme: Theme, deck: Deck): string {
  const rendered = renderMarp(markdown, theme);
  if (rendered.slideCount !== deck.slides.length) {
    throw new Error(`Marp rendered ${rendered.slideCount} slides for a deck of ${deck.slides.length}`);
  }
  return htmlDocument(rendered, { title: deck.title, lang: deck.lang });
}

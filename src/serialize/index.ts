import type { Deck, Slide } from '../model.js';
import { escapeInline, noteLines } from './escape.js';
import { fitClasses, fitStyle } from './fit.js';

/** How the Markdown should be set up for Marp. */
export interface SerializeOptions {
  /** Marp theme name (the `@theme` of a CSS theme). */
  theme: string;
  /** Show slide numbers. */
  paginate?: boolean;
  /** Text at the foot of every slide but the title slide. */
  footer?: string;
}

/**
 * The serialize stage: writes a {@link Deck} as Marp Markdown. Each slide gets a `_class` naming its
 * kind so themes can lay out title, content and other slides differently; all article text is
 * escaped, so the output is the deck and nothing but the deck.
 */
export function serializeDeck(deck: Deck, options: SerializeOptions): string {
  const style = fitStyle(deck.slides);
  const frontMatter = [
    '---',
    'marp: true',
    `theme: ${JSON.stringify(options.theme)}`,
    `paginate: ${options.paginate ?? true}`,
    `lang: ${deck.lang}`,
    `title: ${JSON.stringify(oneLine(deck.title))}`,
    ...(deck.author ? [`author: ${JSON.stringify(oneLine(deck.author))}`] : []),
    ...(options.footer ? [`footer: ${JSON.stringify(escapeInline(options.footer))}`] : []),
    ...(style ? [`style: ${JSON.stringify(style)}`] : []),
    '---',
  ].join('\n');
  return `${frontMatter}\n\n${deck.slides.map(serializeSlide).join('\n\n---\n\n')}\n`;
}

function serializeSlide(slide: Slide): string {
  const parts = [`<!-- _class: ${[slide.kind, ...fitClasses(slide)].join(' ')} -->`];
  if (slide.kind === 'title') {
    // The title slide is the only one without pagination: a number there is noise.
    parts[0] += `\n<!-- _paginate: false -->\n<!-- _footer: "" -->`;
    parts.push(`# ${escapeInline(slide.title)}`);
    for (const line of slide.subtitle ?? []) parts.push(escapeInline(line));
  } else {
    parts.push(`## ${escapeInline(slide.title)}`);
    if (slide.figure) parts.push(...figureMarkdown(slide.figure));
    if (slide.bullets.length > 0) parts.push(slide.bullets.map((bullet) => `- ${bulletMarkdown(slide, bullet)}`).join('\n'));
  }
  if (slide.notes.length > 0) parts.push(['<!--', ...noteLines(slide.notes), '-->'].join('\n'));
  return parts.join('\n\n');
}

/**
 * A figure's picture as a Marp background on the right, contained in its half of the slide so
 * that it never runs off it, and its caption as the slide's text. Only a base64 `data:` picture is
 * written (the model holds nothing else); the caption is escaped like all article text, and the
 * picture's alt text is Marp's keywords alone, since Marp would read an article's words there as
 * keywords too.
 */
function figureMarkdown(figure: { src: string; caption: string }): string[] {
  if (!/^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+=*$/u.test(figure.src)) return [];
  return [`![bg right:55% contain](${figure.src})`, ...(figure.caption ? [escapeInline(figure.caption)] : [])];
}

/** A bullet as Markdown; a glossary entry ("NATO: Pakta …") gets its term in bold. */
function bulletMarkdown(slide: Slide, bullet: string): string {
  const colon = bullet.indexOf(': ');
  if (slide.kind !== 'glossary' || colon <= 0) return escapeInline(bullet);
  return `**${escapeInline(bullet.slice(0, colon))}**: ${escapeInline(bullet.slice(colon + 2))}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

import { describe, expect, it } from 'vitest';
import { sourcesSlide } from '../../src/condense/sources.js';
import { LANGUAGES } from '../../src/lang/index.js';
import type { Article, Deck } from '../../src/model.js';
import { parseArticle } from '../../src/parse/index.js';
import { renderMarp } from '../../src/render/marp.js';
import { serializeDeck } from '../../src/serialize/index.js';
import { resolveTheme } from '../../src/themes/index.js';

/** Metadata a page or a front matter may carry, each value an attempt to become markup, a directive or a slide. */
const HOSTILE = {
  title: '# [klik](javascript:alert(1)) **tebal**',
  author: '<script>alert(1)</script>',
  publication: '<!-- theme: gaia --> <style>section{display:none}</style>',
  date: '2024-01-01 --> <img src=x onerror=alert(1)>',
  source: '---\n<!-- _class: x -->\n\n# Slide baru',
};

const PROSE = 'Rapat keamanan berlangsung panjang hari ini di gedung pusat kota. Para menteri membahas kerja sama pertahanan kawasan.';

const markdown = `---
title: ${JSON.stringify(HOSTILE.title)}
author: ${JSON.stringify(HOSTILE.author)}
publication: ${JSON.stringify(HOSTILE.publication)}
date: ${JSON.stringify(HOSTILE.date)}
source: ${JSON.stringify(HOSTILE.source)}
lang: id
---

${PROSE}
`;

const escapeAttribute = (text: string) => text.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;');
const html = `<!DOCTYPE html><html lang="id"><head><title>${escapeAttribute(HOSTILE.title)}</title>
<meta name="author" content="${escapeAttribute(HOSTILE.author)}">
<meta property="og:site_name" content="${escapeAttribute(HOSTILE.publication)}">
<meta property="article:published_time" content="${escapeAttribute(HOSTILE.date)}">
<link rel="canonical" href="https://example.org/a_b?c=1&amp;d=%3Cscript%3E#--&gt;">
</head><body><article><p>${PROSE}</p></article></body></html>`;

/** The text a reader sees in Marp's HTML: tags dropped, entities read. */
function visibleText(rendered: string): string {
  return rendered.replace(/<[^>]+>/gu, ' ').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'").replace(/&amp;/gu, '&').replace(/\s+/gu, ' ');
}

async function renderSources(article: Article) {
  const slide = sourcesSlide(article, LANGUAGES[article.lang].labels)!;
  const deck: Deck = { title: article.title, lang: article.lang, keywords: [], slides: [{ kind: 'title', title: article.title, bullets: [], notes: [] }, slide] };
  const theme = await resolveTheme('ringkas');
  const markdownDeck = serializeDeck(deck, { theme: theme.name });
  return { slide, markdownDeck, rendered: renderMarp(markdownDeck, theme) };
}

describe('the sources slide keeps hostile metadata as text', () => {
  it('from Markdown front matter: no script, style, link, directive or slide break; every value shown as written', async () => {
    const article = await parseArticle({ path: 'hostile.md', text: markdown, kind: 'markdown' });
    const { slide, markdownDeck, rendered } = await renderSources(article);
    // The credit's line breaks are spaces: it is one line of the slide, never a new block or slide.
    expect(slide.bullets).toContain('--- <!-- _class: x --> # Slide baru');
    expect(markdownDeck.split('\n---\n')).toHaveLength(3);
    expect(rendered.slideCount).toBe(2);
    expect(rendered.html).not.toMatch(/<script|<style|<img|<a |<strong|<h1[^>]*>\s*Slide|<hr/u);
    expect(rendered.html).toContain('data-theme="ringkas"');
    expect(rendered.html).not.toMatch(/class="x"|data-theme="gaia"/u);
    const text = visibleText(rendered.html);
    for (const line of slide.bullets) expect(text).toContain(line);
    for (const value of [HOSTILE.author, HOSTILE.publication, HOSTILE.date]) expect(text).toContain(value);
  });

  it('from a web page: its meta tags and address are text, the address not a link', async () => {
    const article = await parseArticle({ path: 'hostile.html', text: html, kind: 'html' });
    const { slide, rendered } = await renderSources(article);
    expect(slide.bullets).toEqual([
      `Judul: ${HOSTILE.title}`,
      `Penulis: ${HOSTILE.author}`,
      `Penerbit: ${HOSTILE.publication}`,
      expect.stringMatching(/^Tanggal: /u),
      'Tautan: https://example.org/a_b?c=1&d=%3Cscript%3E#-->',
    ]);
    expect(rendered.slideCount).toBe(2);
    expect(rendered.html).not.toMatch(/<script|<style|<img|<a |<strong|<em>/u);
    expect(rendered.html).not.toMatch(/data-theme="gaia"/u);
    const text = visibleText(rendered.html);
    for (const line of slide.bullets) expect(text).toContain(line);
  });
});

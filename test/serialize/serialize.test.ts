import { describe, expect, it } from 'vitest';
import type { Deck } from '../../src/model.js';
import { renderMarp } from '../../src/render/marp.js';
import { serializeDeck } from '../../src/serialize/index.js';
import { resolveTheme } from '../../src/themes/index.js';

const hostile = [
  '<script>alert(1)</script>',
  '<!-- theme: gaia -->',
  '---',
  '# not a heading',
  '1. not a list',
  '**not bold** and `not code` and [not a link](javascript:alert(1))',
  '$x^2$ & &amp; <b>tag</b>',
];

const deck: Deck = {
  title: 'Judul <i>miring</i> # satu',
  lang: 'id',
  keywords: [],
  slides: [
    { kind: 'title', title: 'Judul <i>miring</i> # satu', subtitle: ['---', 'Penulis'], bullets: [], notes: [] },
    { kind: 'content', title: '<!-- _class: x --> Bagian', bullets: hostile, notes: ['theme: gaia', 'a --> b <!-- c', ...hostile] },
    { kind: 'content', title: '***', bullets: ['Satu poin biasa'], notes: ['Satu poin biasa.'] },
  ],
};

describe('serializeDeck', () => {
  it('writes Marp front matter, one slide per deck slide, classes by kind', () => {
    const markdown = serializeDeck(deck, { theme: 'ringkas' });
    expect(markdown).toMatch(/^---\nmarp: true\ntheme: "ringkas"\npaginate: true\nlang: id\n/u);
    expect(markdown.match(/<!-- _class: (\w+) -->/gu)).toEqual(['<!-- _class: title -->', '<!-- _class: content -->', '<!-- _class: content -->']);
  });

  it('is deterministic', () => {
    expect(serializeDeck(deck, { theme: 'ringkas' })).toBe(serializeDeck(structuredClone(deck), { theme: 'ringkas' }));
  });

  it('keeps hostile article text as text: Marp renders exactly the planned slides, no markup, no directives', async () => {
    const theme = await resolveTheme('ringkas');
    const markdown = serializeDeck(deck, { theme: theme.name });
    const rendered = renderMarp(markdown, theme);
    expect(rendered.slideCount).toBe(3);
    expect(rendered.html).not.toMatch(/<script|<i>|<b>|<strong|<code|<a |<h1[^>]*>not|<ol/u);
    // The notes' "theme: gaia" must not switch the theme, nor the title's comment set a class.
    expect(rendered.html).toContain('data-theme="ringkas"');
    expect(rendered.html).not.toMatch(/class="x"/u);
    // Every hostile bullet is shown with its characters intact.
    const text = rendered.html.replace(/<[^>]+>/gu, '').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'").replace(/&amp;/gu, '&');
    for (const bullet of hostile) expect(text).toContain(bullet);
  });
});

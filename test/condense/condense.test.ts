import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { condense } from '../../src/condense/index.js';
import { parseArticle } from '../../src/parse/index.js';
import { loadSyntax } from '../../src/syntax/index.js';
import { SAMPLE } from '../helpers.js';

const indonesian = await loadSyntax('id');
const english = await loadSyntax('en');

const sampleArticle = async () => await parseArticle({ path: SAMPLE, text: await readFile(SAMPLE, 'utf8'), kind: 'text' });
const HEADINGS = ['Pendahuluan', 'Aliansi Keamanan dan Dinamika Politik Global', 'Tantangan dan Masa Depan Aliansi Keamanan', 'Masa Depan Aliansi Keamanan Internasional'];
/** Words a finished statement cannot end on. */
const DANGLING = new Set(['dan', 'atau', 'serta', 'yang', 'di', 'ke', 'dari', 'untuk', 'dengan', 'pada', 'adalah', 'akan', 'telah', 'the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'for', 'with', 'is', 'are', 'was']);

/** A bullet that reads as a complete, short statement rather than a fragment. */
function readsAsStatement(bullet: string): boolean {
  const words = bullet.replace(/…$/u, '').split(/\s+/u);
  const last = words.at(-1)!.toLowerCase().replace(/[^\p{L}\d-]/gu, '');
  const quotes = bullet.match(/["“”]/gu)?.length ?? 0;
  return (
    words.length >= 3 &&
    /^[\p{Lu}\d"“]/u.test(bullet) &&
    !/[,;:.]$/u.test(bullet) &&
    !DANGLING.has(last) &&
    quotes % 2 === 0 &&
    (bullet.match(/\(/gu)?.length ?? 0) === (bullet.match(/\)/gu)?.length ?? 0)
  );
}

describe('condense on the bundled sample', () => {
  it('plans a title, an agenda, the four sections, a glossary and a conclusion in 8–14 slides', async () => {
    const deck = condense(await sampleArticle(), indonesian);
    expect(deck.slides.length).toBeGreaterThanOrEqual(8);
    expect(deck.slides.length).toBeLessThanOrEqual(14);
    const kinds = deck.slides.map((slide) => slide.kind);
    expect(kinds[0]).toBe('title');
    expect(kinds[1]).toBe('agenda');
    expect(kinds.at(-2)).toBe('glossary');
    expect(kinds.at(-1)).toBe('conclusion');
    expect(kinds.slice(2, -2).every((kind) => kind === 'content')).toBe(true);
    const contentTitles = deck.slides.filter((slide) => slide.kind === 'content').map((slide) => slide.title.replace(/ \(lanjutan\)$/u, ''));
    expect([...new Set(contentTitles)]).toEqual(HEADINGS);
    expect(deck.slides[1]!.bullets).toEqual(HEADINGS);
  });

  it('marks continuation slides and keeps each section’s slides together', async () => {
    const deck = condense(await sampleArticle(), indonesian, { maxBullets: 2 });
    const content = deck.slides.filter((slide) => slide.kind === 'content');
    expect(content.some((slide) => slide.title.endsWith(' (lanjutan)'))).toBe(true);
    content.forEach((slide, index) => {
      if (slide.title.endsWith(' (lanjutan)')) expect(content[index - 1]!.section).toBe(slide.section);
    });
  });

  it('lists the glossary and 3–5 takeaways', async () => {
    const deck = condense(await sampleArticle(), indonesian);
    const glossary = deck.slides.find((slide) => slide.kind === 'glossary')!;
    expect(glossary.title).toBe('Glosarium');
    expect(glossary.bullets).toEqual([
      'PBB: Perserikatan Bangsa-Bangsa',
      'NATO: Pakta Pertahanan Atlantik Utara',
      'ADMM: ASEAN Defense Ministers’ Meeting',
      'SCO: Shanghai Cooperation Organization',
    ]);
    const conclusion = deck.slides.at(-1)!;
    expect(conclusion.title).toBe('Kesimpulan');
    expect(conclusion.bullets.length).toBeGreaterThanOrEqual(3);
    expect(conclusion.bullets.length).toBeLessThanOrEqual(5);
    expect(conclusion.notes).toHaveLength(conclusion.bullets.length);
  });

  it('writes bullets that read as complete, short statements', async () => {
    const deck = condense(await sampleArticle(), indonesian);
    for (const slide of deck.slides.filter((s) => s.kind === 'content' || s.kind === 'conclusion')) {
      for (const bullet of slide.bullets) expect(readsAsStatement(bullet), bullet).toBe(true);
    }
  });

  it('aims for about --slides N slides, never dropping a section', async () => {
    const article = await sampleArticle();
    const sizes = [8, 10, 12].map((slides) => condense(article, indonesian, { slides, maxBullets: 3 }).slides.length);
    expect(sizes[0]).toBeLessThanOrEqual(sizes[1]!);
    expect(sizes[1]).toBeLessThanOrEqual(sizes[2]!);
    expect(Math.abs(sizes[2]! - 12)).toBeLessThanOrEqual(2);
    const small = condense(article, indonesian, { slides: 4 });
    const sections = new Set(small.slides.filter((slide) => slide.kind === 'content').map((slide) => slide.section));
    expect(sections.size).toBe(4);
  });

  it('leaves notes out with notes: false', async () => {
    const deck = condense(await sampleArticle(), indonesian, { notes: false });
    expect(deck.slides.every((slide) => slide.notes.length === 0)).toBe(true);
  });
});

describe('condense labels', () => {
  it('follows the article language', async () => {
    const text = [
      'Cities are getting hotter every summer. Planners now treat heat as a public health emergency. Residents suffer most at night.',
      'Causes of Urban Heat',
      'Asphalt and concrete absorb sunlight during the day. They release the stored heat at night. Waste heat from air conditioners adds more.',
      'What Cities Can Do',
      'Painting roofs white reflects sunlight back into the sky. Street trees provide shade and cool the air. Early warnings help residents prepare.',
      'Outlook',
      'Heat waves will become longer and more frequent in the coming decades. Cities that act early will protect their residents.',
    ].join('\n');
    const deck = condense(await parseArticle({ path: 'heat.txt', text, kind: 'text' }), english);
    expect(deck.lang).toBe('en');
    expect(deck.slides.map((slide) => slide.title)).toContain('Agenda');
    expect(deck.slides.map((slide) => slide.title)).toContain('Introduction');
    expect(deck.slides.at(-1)!.title).toBe('Key takeaways');
    expect(condense(await parseArticle({ path: 'heat.txt', text, kind: 'text' }), english, { maxBullets: 1 }).slides.some((slide) => slide.title.endsWith('(cont.)'))).toBe(true);
  });
});


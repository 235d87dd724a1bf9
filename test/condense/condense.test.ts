import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { condense } from '../../src/condense/index.js';
import { compressSentence } from '../../src/condense/compress.js';
import { parseArticle } from '../../src/parse/index.js';
import { SAMPLE } from '../helpers.js';

const sampleArticle = async () => parseArticle({ path: SAMPLE, text: await readFile(SAMPLE, 'utf8'), kind: 'text' });

/** Whether `bullet` is `source` with words deleted (case of the first letter and punctuation aside). */
function isDeletionOf(bullet: string, source: string): boolean {
  const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
  const sourceWords = words(source);
  let position = 0;
  for (const word of words(bullet)) {
    position = sourceWords.indexOf(word, position);
    if (position < 0) return false;
    position += 1;
  }
  return true;
}

describe('condense on the bundled sample', () => {
  it('makes a title slide and one content slide per section, titled by the headings', async () => {
    const deck = condense(await sampleArticle());
    expect(deck.slides.map((slide) => [slide.kind, slide.title])).toEqual([
      ['title', 'Aliansi Keamanan Internasional'],
      ['content', 'Pendahuluan'],
      ['content', 'Aliansi Keamanan dan Dinamika Politik Global'],
      ['content', 'Tantangan dan Masa Depan Aliansi Keamanan'],
      ['content', 'Masa Depan Aliansi Keamanan Internasional'],
    ]);
  });

  it('takes bullets from the section sentences by deletion only, within budget, with the sources as notes', async () => {
    const article = await sampleArticle();
    for (const budget of [{ maxBullets: 5, maxWords: 14 }, { maxBullets: 3, maxWords: 8 }]) {
      const deck = condense(article, budget);
      for (const [index, slide] of deck.slides.slice(1).entries()) {
        const sentences = article.sections[index]!.paragraphs.flatMap((paragraph) => paragraph.sentences.map((s) => s.text));
        expect(slide.bullets.length).toBeGreaterThan(0);
        expect(slide.bullets.length).toBeLessThanOrEqual(budget.maxBullets);
        expect(slide.notes).toHaveLength(slide.bullets.length);
        slide.bullets.forEach((bullet, position) => {
          const note = slide.notes[position]!;
          expect(sentences).toContain(note);
          expect(isDeletionOf(bullet, note), `${bullet} ⊄ ${note}`).toBe(true);
          expect(bullet.replace(/…$/u, '').split(/\s+/u).length).toBeLessThanOrEqual(budget.maxWords);
          expect(bullet).not.toMatch(/\.$/u);
        });
      }
    }
  });

  it('leaves notes out with notes: false', async () => {
    const deck = condense(await sampleArticle(), { notes: false });
    expect(deck.slides.every((slide) => slide.notes.length === 0)).toBe(true);
  });
});

describe('compressSentence', () => {
  it('drops a leading connective and parentheticals and capitalises', () => {
    expect(compressSentence('Namun, anggaran (yang kecil) tetap menjadi hambatan utama.', { lang: 'id', maxWords: 14 })).toBe(
      'Anggaran tetap menjadi hambatan utama',
    );
    expect(compressSentence('However, the budget remains the main obstacle.', { lang: 'en', maxWords: 14 })).toBe(
      'The budget remains the main obstacle',
    );
  });

  it('cuts trailing clauses at a boundary, never inside a list or down to a subordinate clause', () => {
    expect(
      compressSentence('Aliansi itu memperkuat kerja sama keamanan kawasan, terutama dalam berbagi informasi intelijen yang penting.', {
        lang: 'id',
        maxWords: 8,
      }),
    ).toBe('Aliansi itu memperkuat kerja sama keamanan kawasan');
    expect(compressSentence('Mereka menangani bencana, perompakan, dan perdagangan narkoba di seluruh kawasan Asia.', { lang: 'id', maxWords: 5 })).toBeUndefined();
    expect(compressSentence('Setelah perang berakhir, perannya berkembang untuk menangani tantangan baru di dunia.', { lang: 'id', maxWords: 5 })).toBeUndefined();
  });
});

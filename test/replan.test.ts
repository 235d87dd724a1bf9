import { describe, expect, it } from 'vitest';
import type { Deck } from '../src/model.js';
import { continueSlide } from '../src/replan.js';
import { serializeDeck } from '../src/serialize/index.js';

const deck: Deck = {
  title: 'Judul',
  lang: 'id',
  keywords: [],
  slides: [
    { kind: 'title', title: 'Judul', bullets: [], notes: [] },
    { kind: 'content', title: 'Bagian', bullets: ['a', 'b', 'c'], notes: ['A.', 'B.', 'C.'], scale: 0.8 },
    { kind: 'glossary', title: 'Glosarium', bullets: ['X: x', 'Y: y'], notes: [] },
  ],
};

describe('continueSlide', () => {
  it('moves the bullets after `keep` to a continuation slide, their notes with them', () => {
    const next = continueSlide(deck, 1, 2);
    expect(next.slides.map((slide) => [slide.title, slide.bullets, slide.notes])).toEqual([
      ['Judul', [], []],
      ['Bagian', ['a', 'b'], ['A.', 'B.']],
      ['Bagian (lanjutan)', ['c'], ['C.']],
      ['Glosarium', ['X: x', 'Y: y'], []],
    ]);
    // The fitted size was for the whole slide: both parts are measured again.
    expect(next.slides[1]!.scale).toBeUndefined();
    expect(next.slides[2]!.scale).toBeUndefined();
  });

  it('does not stack continuation marks, and leaves a deck it cannot split as it is', () => {
    const twice = continueSlide(continueSlide(deck, 1, 1), 2, 1);
    expect(twice.slides.map((slide) => slide.title)).toEqual(['Judul', 'Bagian', 'Bagian (lanjutan)', 'Bagian (lanjutan)', 'Glosarium']);
    expect(continueSlide(deck, 1, 3)).toBe(deck);
    expect(continueSlide(deck, 1, 0)).toBe(deck);
    expect(continueSlide({ ...deck, lang: 'en' }, 2, 1).slides[3]!.title).toBe('Glosarium (cont.)');
  });
});

describe('fitted sizes in the Markdown', () => {
  it('become a class on the slide and one rule each in the style directive, none when unfitted', () => {
    const fitted = { ...deck, slides: [deck.slides[0]!, { ...deck.slides[1]!, scale: 1.2, spacing: 0.8 }, deck.slides[2]!] };
    const markdown = serializeDeck(fitted, { theme: 'ringkas' });
    expect(markdown).toContain('<!-- _class: content ringkas-fit-120 ringkas-space-80 -->');
    expect(markdown).toMatch(/^style: "section\.ringkas-fit-120>:not\(h1,h2,header,footer\)\{zoom:1\.2\}section\.ringkas-space-80>:is\(ul,ol\)>li\{margin-bottom:0\.8em\}"$/mu);
    const plain = serializeDeck({ ...deck, slides: deck.slides.map(({ scale: _, ...slide }) => slide) }, { theme: 'ringkas' });
    expect(plain).not.toMatch(/^style:|ringkas-fit/mu);
  });
});

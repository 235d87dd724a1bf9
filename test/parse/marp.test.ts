import { describe, expect, it } from 'vitest';
import { frontMatterValue, isMarpDeck } from '../../src/parse/marp.js';

describe('isMarpDeck', () => {
  it('is true for front matter that says marp: true, and only then', () => {
    expect(isMarpDeck('---\nmarp: true\n---\n\n# A\n')).toBe(true);
    expect(isMarpDeck('\uFEFF---\r\ntitle: x\r\nmarp:  True  # a deck\r\n---\r\n# A\r\n')).toBe(true);
    expect(isMarpDeck('---\nmarp: false\n---\n# A\n')).toBe(false);
    expect(isMarpDeck('---\n  marp: true\n---\n')).toBe(false);
    expect(isMarpDeck('---\ntitle: x\n---\nmarp: true\n')).toBe(false);
    expect(isMarpDeck('# An article\n\nmarp: true\n')).toBe(false);
    // Front matter that never closes is not front matter.
    expect(isMarpDeck('---\nmarp: true\n# A\n')).toBe(false);
  });

  it('answers at once for hostile text', () => {
    const start = performance.now();
    expect(isMarpDeck(`---\n${'marp:'.repeat(200_000)}\n---\n`)).toBe(false);
    expect(isMarpDeck(`---\n${'a\n'.repeat(1_000_000)}---\n`)).toBe(false);
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('reads a one-line front matter value, quotes taken off', () => {
    expect(frontMatterValue('---\nmarp: true\ntitle: "Kota Pesisir"\nlang: en\n---\n', 'title')).toBe('Kota Pesisir');
    expect(frontMatterValue('---\nmarp: true\nlang: en\n---\n', 'lang')).toBe('en');
    expect(frontMatterValue('---\nmarp: true\n---\ntitle: no\n', 'title')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { outputNames } from '../../src/io/names.js';

/** Output names for the article files, by file, whatever order they are given in. */
function namesOf(inputs: { file: string; name: string }[]): Record<string, string> {
  const names = outputNames(inputs);
  return Object.fromEntries(inputs.map((input, index) => [input.file, names[index]!]));
}

/** The inputs in every order they can come in. */
function orders<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) => orders([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

describe('outputNames', () => {
  it('keeps every name that no other input has', () => {
    expect(outputNames([{ file: '/a/2024/intro.txt', name: '2024/intro' }, { file: '/a/2025/intro.txt', name: '2025/intro' }, { file: '/b/notes.md', name: 'notes' }])).toEqual([
      '2024/intro',
      '2025/intro',
      'notes',
    ]);
  });

  it('tells namesakes apart by extension, then by folder, then by number, the same in any order', () => {
    const inputs = [
      { file: '/work/a.md', name: 'a' },
      { file: '/work/a.txt', name: 'a' },
      { file: '/work/2024/intro.txt', name: 'intro' },
      { file: '/work/2025/intro.txt', name: 'intro' },
      { file: '/x/same/b.txt', name: 'b' },
      { file: '/y/same/b.txt', name: 'b' },
      { file: '/z/same/b.txt', name: 'b' },
    ];
    const expected = {
      '/work/a.md': 'a-md',
      '/work/a.txt': 'a-txt',
      '/work/2024/intro.txt': '2024-intro',
      '/work/2025/intro.txt': '2025-intro',
      '/x/same/b.txt': 'b',
      '/y/same/b.txt': 'b-2',
      '/z/same/b.txt': 'b-3',
    };
    expect(namesOf(inputs)).toEqual(expected);
    expect(namesOf([...inputs].reverse())).toEqual(expected);
    for (const order of orders(inputs.slice(0, 4))) expect(namesOf(order)).toEqual(Object.fromEntries(Object.entries(expected).slice(0, 4)));
  });

  it('changes only the last segment, so a deck stays in its subfolder', () => {
    expect(namesOf([{ file: '/in/2024/a.md', name: '2024/a' }, { file: '/in/2024/a.txt', name: '2024/a' }])).toEqual({ '/in/2024/a.md': '2024/a-md', '/in/2024/a.txt': '2024/a-txt' });
  });

  it('counts names that differ only in letter case as the same (macOS, Windows)', () => {
    expect(namesOf([{ file: '/in/Intro.md', name: 'Intro' }, { file: '/in/intro.txt', name: 'intro' }])).toEqual({ '/in/Intro.md': 'Intro-md', '/in/intro.txt': 'intro-txt' });
  });

  it('never numbers a name into one another input has', () => {
    const names = outputNames([
      { file: '/p/a.txt', name: 'a' },
      { file: '/q/p/a.txt', name: 'a' },
      { file: '/r/a-2.txt', name: 'a-2' },
    ]);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(3);
    expect(names).toEqual(['a', 'a-3', 'a-2']);
  });

  it('gives standard input and web addresses a number when they share a name', () => {
    expect(outputNames([{ file: 'https://example.com/news/item.html', name: 'item' }, { file: 'https://example.org/item', name: 'item' }, { file: '/in/item.txt', name: 'item' }])).toEqual([
      'item-2',
      'item-3',
      'item',
    ]);
  });
});

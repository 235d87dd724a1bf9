import { describe, expect, it } from 'vitest';
import { sentencesInQuotes } from '../../src/condense/quotes.js';
import type { Article } from '../../src/model.js';

/** An article of one section whose paragraphs are the given sentences. */
function article(...paragraphs: string[][]): Article {
  return {
    title: 'Uji',
    lang: 'id',
    sections: [{ heading: undefined, depth: 1, paragraphs: paragraphs.map((sentences) => ({ sentences: sentences.map((text, line) => ({ text, line })) })) }],
    glossary: [],
    warnings: [],
  } as unknown as Article;
}

describe('sentencesInQuotes', () => {
  it('marks the sentences of a quotation after the one that opens it, across sentences and paragraphs, until it closes', () => {
    const quoted = sentencesInQuotes(
      article(
        ['“Bergabungnya tim itu akan melengkapi langkah kami.', 'Kami betul-betul menyukai produk mereka.', 'Bersama, kami ingin membuat permainan lebih asyik. ”', 'Perusahaan itu didirikan pada 2006.'],
        ["Charlotte continued: 'She could hear a gurgling sound when I spoke.", 'Effectively, I was drowning.'],
        ["Her quick thinking probably saved my life.'", 'Charlotte was airlifted to hospital.'],
      ),
    );
    expect(quoted).toEqual([
      [
        [false, true, true, false],
        [false, true],
        [true, false],
      ],
    ]);
  });

  it('reads straight quotes set apart by spaces, as some sites and corpora write them', () => {
    const quoted = sentencesInQuotes(article(['" Niat kami baik dan mulia.', 'Kami ingin membangun kota ini untuk semua warga.', 'Bukan hanya untuk golongan tertentu, " ujarnya.', 'Ia lalu pulang.']));
    expect(quoted).toEqual([[[false, true, true, false]]]);
  });

  it('reads apostrophes and quoted phrases as such', () => {
    const quoted = sentencesInQuotes(article(["The investors' money was returned.", "He called it a 'scare story' on Monday.", "It isn't over."]));
    expect(quoted).toEqual([[[false, false, false]]]);
  });

  it('takes a mark left open for many paragraphs for a stray one', () => {
    const paragraphs = [['“Sebuah kutipan tanpa penutup.'], ...Array.from({ length: 9 }, (_, index) => [`Kalimat biasa nomor ${index + 1}.`])];
    const quoted = sentencesInQuotes(article(...paragraphs))[0]!.map((paragraph) => paragraph[0]);
    expect(quoted.slice(1, 7).every(Boolean)).toBe(true);
    expect(quoted.slice(8).some(Boolean)).toBe(false);
  });
});

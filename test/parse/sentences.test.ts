import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/parse/sentences.js';

describe('splitSentences', () => {
  it('splits ordinary Indonesian prose at sentence ends', () => {
    expect(splitSentences('Aliansi itu kuat. Namun, tantangannya besar! Apa solusinya?', 'id')).toEqual([
      'Aliansi itu kuat.',
      'Namun, tantangannya besar!',
      'Apa solusinya?',
    ]);
  });

  it('keeps abbreviations and initials inside their sentence', () => {
    expect(splitSentences('Prof. Ir. H. Budi tinggal di Jl. Merdeka No. 5 bersama dkk. dari kampus. Ia pulang.', 'id')).toEqual([
      'Prof. Ir. H. Budi tinggal di Jl. Merdeka No. 5 bersama dkk. dari kampus.',
      'Ia pulang.',
    ]);
    expect(splitSentences('Mr. Smith met Dr. Jones, e.g. at the U.S. embassy. They talked.', 'en')).toEqual([
      'Mr. Smith met Dr. Jones, e.g. at the U.S. embassy.',
      'They talked.',
    ]);
  });

  it('keeps a country\'s initials with the name they modify, and ends a sentence on them otherwise', () => {
    expect(splitSentences('Two hikers went missing during a trip to the U.S. Virgin Islands. They were found.', 'en')).toEqual([
      'Two hikers went missing during a trip to the U.S. Virgin Islands.',
      'They were found.',
    ]);
    expect(splitSentences('She studied in the U.S. Then she came home.', 'en')).toEqual(['She studied in the U.S.', 'Then she came home.']);
  });

  it('keeps decimals whole and collapses whitespace', () => {
    expect(splitSentences('Inflasi naik   3.5 persen\npada 2024. Itu tinggi.', 'id')).toEqual([
      'Inflasi naik 3.5 persen pada 2024.',
      'Itu tinggi.',
    ]);
  });
});

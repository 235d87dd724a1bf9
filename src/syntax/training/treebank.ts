import { readFileSync } from 'node:fs';
import { readConllu } from '../conllu.js';
import { UPOS_TAGS } from '../tagger.js';

/** A treebank sentence as training and scoring use it: words, gold tags, heads and relations. */
export interface GoldSentence {
  forms: string[];
  /** Indices into {@link UPOS_TAGS}. */
  tags: number[];
  /** 1-based head of each word, 0 for the root. */
  heads: number[];
  labels: string[];
}

const TAG_INDEX = new Map<string, number>(UPOS_TAGS.map((tag, index) => [tag, index]));

/** Reads a CoNLL-U treebank file's syntactic words (multiword tokens split as the file has them). */
export function readTreebank(path: string): GoldSentence[] {
  return readConllu(readFileSync(path, 'utf8')).map(({ words }) => ({
    forms: words.map((word) => word.form),
    tags: words.map((word) => {
      const tag = TAG_INDEX.get(word.upos);
      if (tag === undefined) throw new Error(`${path}: unknown UPOS "${word.upos}" for "${word.form}"`);
      return tag;
    }),
    heads: words.map((word) => word.head),
    labels: words.map((word) => word.deprel),
  }));
}

import { universalRelation } from '../conllu.js';

/** One sentence's analysis: tags (any comparable values), heads and relations per word. */
export interface Analysis {
  tags: readonly (number | string)[];
  heads: readonly number[];
  labels: readonly string[];
}

/** Percentages of words with the right tag, head, and head and relation. */
export interface Scores {
  words: number;
  upos: number;
  uas: number;
  las: number;
}

/**
 * Scores predicted analyses against gold ones of the same words, the CoNLL 2018 way for gold
 * tokenisation: every word counts, punctuation included, and LAS compares the universal part of
 * the relation (`nmod:poss` counts as `nmod`).
 */
export function scoreAnalyses(gold: readonly Analysis[], predicted: readonly Analysis[]): Scores {
  let words = 0;
  let upos = 0;
  let uas = 0;
  let las = 0;
  gold.forEach((sentence, index) => {
    const guess = predicted[index]!;
    sentence.heads.forEach((head, word) => {
      words += 1;
      if (guess.tags[word] === sentence.tags[word]) upos += 1;
      if (guess.heads[word] === head) {
        uas += 1;
        if (universalRelation(guess.labels[word]!) === universalRelation(sentence.labels[word]!)) las += 1;
      }
    });
  });
  const percent = (count: number) => (words === 0 ? 0 : (100 * count) / words);
  return { words, upos: percent(upos), uas: percent(uas), las: percent(las) };
}

import type { WeightArrays } from '../perceptron.js';
import { TAGGER_FEATURES, UPOS_TAGS, historyOf, taggerContext, taggerFeatures } from '../tagger.js';
import { AveragedPerceptron } from './averaged.js';
import { seededRandom, shuffled } from './random.js';

/** A sentence with gold tags: words and their indices into {@link UPOS_TAGS}. */
export interface TaggedSentence {
  forms: readonly string[];
  tags: readonly number[];
}

/** How the tagger is trained. */
export interface TaggerTraining {
  epochs: number;
  seed: number;
  /** A word enters the lexicon of ambiguity classes when seen at least this often… */
  lexiconMinCount: number;
  /** …with the tags it has at least this share of the time. */
  lexiconMinShare: number;
}

/** What training the tagger yields: the weights of both directions and the lexicon. */
export interface TrainedTagger {
  forward: WeightArrays;
  backward: WeightArrays;
  lexicon: Map<string, number>;
}

/**
 * Trains the tagger's two models, left to right on the sentences and right to left on them
 * reversed, with one lexicon of ambiguity classes.
 */
export function trainTagger(sentences: readonly TaggedSentence[], options: TaggerTraining): TrainedTagger {
  const lexicon = ambiguityLexicon(sentences, options);
  const reversed = sentences.map((sentence) => ({ forms: [...sentence.forms].reverse(), tags: [...sentence.tags].reverse() }));
  return { forward: trainDirection(sentences, lexicon, options), backward: trainDirection(reversed, lexicon, options), lexicon };
}

/**
 * Trains one direction: greedy over the sentences in a new seeded order each epoch, each word's
 * features built from the tags the model itself chose before it, as when tagging.
 */
function trainDirection(sentences: readonly TaggedSentence[], lexicon: ReadonlyMap<string, number>, options: TaggerTraining): WeightArrays {
  const model = new AveragedPerceptron(UPOS_TAGS.length);
  const random = seededRandom(options.seed);
  const features = new Uint32Array(TAGGER_FEATURES);
  const scores = new Int32Array(UPOS_TAGS.length);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (const sentence of shuffled(sentences, random)) {
      const context = taggerContext(sentence.forms, lexicon);
      const guesses: number[] = [];
      sentence.forms.forEach((_, word) => {
        const [previous, beforeThat] = historyOf(guesses, word);
        const count = taggerFeatures(context, word, previous, beforeThat, features);
        scores.fill(0);
        model.addScores(features, count, scores);
        let guess = 0;
        for (let tag = 1; tag < scores.length; tag += 1) if (scores[tag]! > scores[guess]!) guess = tag;
        model.tick();
        model.update(sentence.tags[word]!, guess, features, count);
        guesses.push(guess);
      });
    }
  }
  return model.averaged();
}

/**
 * Lowercase words seen often enough, each with the tags it had in a fair share of its uses, as
 * bits. A word seen once is left out on purpose: in training, such words then look like the
 * unknown words of new text.
 */
function ambiguityLexicon(sentences: readonly TaggedSentence[], options: TaggerTraining): Map<string, number> {
  const counts = new Map<string, number[]>();
  for (const sentence of sentences) {
    sentence.forms.forEach((form, word) => {
      const lower = form.toLowerCase();
      let perTag = counts.get(lower);
      if (!perTag) counts.set(lower, (perTag = new Array<number>(UPOS_TAGS.length).fill(0)));
      perTag[sentence.tags[word]!]! += 1;
    });
  }
  const lexicon = new Map<string, number>();
  for (const word of [...counts.keys()].sort()) {
    const perTag = counts.get(word)!;
    const total = perTag.reduce((sum, count) => sum + count, 0);
    if (total < options.lexiconMinCount) continue;
    lexicon.set(word, perTag.reduce((bits, count, tag) => (count / total >= options.lexiconMinShare ? bits | (1 << tag) : bits), 0));
  }
  return lexicon;
}

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
  /** A word enters the tag dictionary when seen at least this often… */
  dictionaryMinCount: number;
  /** …with one tag at least this share of the time. */
  dictionaryMinShare: number;
}

/** What training the tagger yields: its weights and its tag dictionary. */
export interface TrainedTagger {
  weights: WeightArrays;
  dictionary: Map<string, number>;
}

/**
 * Trains the tagger: greedy left to right over the sentences in a new seeded order each epoch,
 * each word's features built from the tags the model itself chose before it, as when tagging.
 */
export function trainTagger(sentences: readonly TaggedSentence[], options: TaggerTraining): TrainedTagger {
  const dictionary = tagDictionary(sentences, options);
  const model = new AveragedPerceptron(UPOS_TAGS.length);
  const random = seededRandom(options.seed);
  const features = new Uint32Array(TAGGER_FEATURES);
  const scores = new Int32Array(UPOS_TAGS.length);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (const sentence of shuffled(sentences, random)) {
      const context = taggerContext(sentence.forms);
      const guesses: number[] = [];
      sentence.forms.forEach((form, word) => {
        const known = dictionary.get(form);
        if (known !== undefined) {
          guesses.push(known);
          return;
        }
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
  return { weights: model.averaged(), dictionary };
}

/** Frequent words that nearly always carry one tag, in a stable (sorted) order. */
function tagDictionary(sentences: readonly TaggedSentence[], options: TaggerTraining): Map<string, number> {
  const counts = new Map<string, number[]>();
  for (const sentence of sentences) {
    sentence.forms.forEach((form, word) => {
      let perTag = counts.get(form);
      if (!perTag) counts.set(form, (perTag = new Array<number>(UPOS_TAGS.length).fill(0)));
      perTag[sentence.tags[word]!]! += 1;
    });
  }
  const dictionary = new Map<string, number>();
  for (const form of [...counts.keys()].sort()) {
    const perTag = counts.get(form)!;
    const total = perTag.reduce((sum, count) => sum + count, 0);
    const best = perTag.indexOf(Math.max(...perTag));
    if (total >= options.dictionaryMinCount && perTag[best]! / total >= options.dictionaryMinShare) dictionary.set(form, best);
  }
  return dictionary;
}

/**
 * `npm run train`: trains the tagger and parser of each language from the UD treebanks, measures
 * them on held-out sentences, then trains the shipped models on all of a language's data with the
 * same settings and writes them to `models/`. Not part of the run-time import graph: only
 * `scripts/train.mjs` imports it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../../model.js';
import { type HeldOutScores, MODEL_FORMAT, type ModelHeader, type ModelParts, type TrainingFile, decodeModel, encodeModel } from '../model.js';
import { Weights } from '../perceptron.js';
import { Tagger } from '../tagger.js';
import { gunzipSync } from 'node:zlib';
import { scoreAnalyses } from './score.js';
import { trainParser } from './train-parser.js';
import { trainTagger } from './train-tagger.js';
import { type GoldSentence, readTreebank } from './treebank.js';

/** Where each treebank came from and who made it, as its README on GitHub credits them. */
export const TREEBANKS = {
  'UD_English-EWT': {
    commit: '15d613d8447b3478787d4c278730a1e48a945efb',
    contributors:
      'Natalia Silveira, Timothy Dozat, Christopher Manning, Sebastian Schuster, Ethan Chi, John Bauer, Miriam Connor, Marie-Catherine de Marneffe, Nathan Schneider, Sam Bowman, Hanzhi Zhu, Daniel Galbraith (annotations © The Board of Trustees of The Leland Stanford Junior University)',
  },
  'UD_Indonesian-GSD': {
    commit: '89491e4d51c15da157175c303213ae5ff6f05f9d',
    contributors: 'Ryan McDonald, Joakim Nivre, Daniel Zeman, Septina Dian Larasati (original treebank: Adam LaMontagne, Milan Souček, Timo Järvinen, Alessandra Radici; annotations by Google)',
  },
  'UD_Indonesian-CSUI': {
    commit: '41dd7f23be883382dd111b119fe58b563c5541ee',
    contributors: 'Ika Alfina (Faculty of Computer Science, Universitas Indonesia)',
  },
} as const;

type TreebankName = keyof typeof TREEBANKS;

/** What each language is trained and measured on. */
export const LANGUAGES: Record<Language, { files: Record<string, TreebankName>; heldOutTrain: string[]; heldOutTest: string[] }> = {
  en: {
    files: { 'en_ewt-ud-train.conllu': 'UD_English-EWT', 'en_ewt-ud-dev.conllu': 'UD_English-EWT', 'en_ewt-ud-test.conllu': 'UD_English-EWT' },
    heldOutTrain: ['en_ewt-ud-train.conllu'],
    heldOutTest: ['en_ewt-ud-test.conllu'],
  },
  id: {
    files: {
      'id_gsd-ud-dev.conllu': 'UD_Indonesian-GSD',
      'id_gsd-ud-test.conllu': 'UD_Indonesian-GSD',
      'id_csui-ud-train.conllu': 'UD_Indonesian-CSUI',
      'id_csui-ud-test.conllu': 'UD_Indonesian-CSUI',
    },
    heldOutTrain: ['id_gsd-ud-dev.conllu', 'id_csui-ud-train.conllu'],
    heldOutTest: ['id_gsd-ud-test.conllu', 'id_csui-ud-test.conllu'],
  },
};

/** How a model is trained. */
export interface TrainingSettings {
  seed: number;
  taggerEpochs: number;
  lexiconMinCount: number;
  lexiconMinShare: number;
  jackknifeFolds: number;
  parserEpochs: number;
  exploration: number;
  minUpdates: number;
  taggerStep: number;
  parserStep: number;
}

/**
 * The settings of training, the same for both languages; chosen on en_ewt-ud-dev (never on a
 * test file). Changing one changes the models: they are written into each model's header.
 */
export const SETTINGS: Readonly<TrainingSettings> = {
  seed: 20_240_601,
  taggerEpochs: 8,
  lexiconMinCount: 2,
  lexiconMinShare: 0.05,
  /** The parser learns from tags the tagger predicts on sentences it was not trained on (k-fold). */
  jackknifeFolds: 5,
  parserEpochs: 12,
  exploration: 0.9,
  minUpdates: 4,
  taggerStep: 0.1,
  parserStep: 1,
};

/** The CC BY-SA 4.0 licence of the treebanks, which the models, adapted from them, carry on. */
const LICENCE = 'CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)';

/** The parts of a model trained on some sentences (everything but its header). */
export type TrainedParts = Omit<ModelParts, 'header'>;

/** Trains a tagger, then a parser on jackknifed tags, on the given sentences. */
export function trainModel(sentences: readonly GoldSentence[], settings: TrainingSettings = SETTINGS, log: (line: string) => void = () => {}): TrainedParts {
  const taggerOptions = {
    epochs: settings.taggerEpochs,
    seed: settings.seed,
    lexiconMinCount: settings.lexiconMinCount,
    lexiconMinShare: settings.lexiconMinShare,
  };
  const tagger = trainTagger(sentences, taggerOptions);
  log(`tagger: ${tagger.forward.keys.length} + ${tagger.backward.keys.length} features`);
  // Each fold's tags come from a tagger that never saw that fold, so the parser trains on tags as
  // wrong as the ones it will meet.
  const examples = sentences.map((sentence) => ({ ...sentence }));
  const folds = settings.jackknifeFolds;
  for (let fold = 0; fold < folds; fold += 1) {
    const foldTagger = trainTagger(
      sentences.filter((_, index) => index % folds !== fold),
      taggerOptions,
    );
    const step = settings.taggerStep;
    const tag = new Tagger(new Weights(foldTagger.forward, step), new Weights(foldTagger.backward, step), foldTagger.lexicon);
    sentences.forEach((sentence, index) => {
      if (index % folds === fold) examples[index]!.tags = tag.tag(sentence.forms);
    });
  }
  log(`jackknifed tags: ${folds} folds`);
  const parser = trainParser(examples, { epochs: settings.parserEpochs, seed: settings.seed, exploration: settings.exploration, minUpdates: settings.minUpdates });
  log(`parser: ${parser.weights.keys.length} features, ${parser.labels.length} relations`);
  return { tagger, parser };
}

/** Scores a model (as read back from its file's bytes) on gold-tokenised sentences. */
export function evaluate(modelBytes: Uint8Array, sentences: readonly GoldSentence[]): HeldOutScores {
  const model = decodeModel(gunzipSync(modelBytes));
  const predicted = sentences.map((sentence) => {
    const tags = model.tagger.tag(sentence.forms);
    return { tags, ...model.parser.parse(sentence.forms, tags) };
  });
  const { words, upos, uas, las } = scoreAnalyses(sentences, predicted);
  return { words, upos: round2(upos), uas: round2(uas), las: round2(las) };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Reads a language's treebank files from `folder`, with what the model header says of them. */
export function readLanguage(lang: Language, folder: string): { sentences: Map<string, GoldSentence[]>; files: TrainingFile[] } {
  const sentences = new Map<string, GoldSentence[]>();
  const files: TrainingFile[] = [];
  for (const [file, treebank] of Object.entries(LANGUAGES[lang].files)) {
    const path = join(folder, file);
    if (!existsSync(path)) throw new Error(`${path}: missing; the treebanks folder must hold ${Object.keys(LANGUAGES[lang].files).join(', ')}`);
    const read = readTreebank(path);
    sentences.set(file, read);
    files.push({ file, treebank, commit: TREEBANKS[treebank].commit, sentences: read.length, words: read.reduce((sum, sentence) => sum + sentence.forms.length, 0) });
  }
  return { sentences, files };
}

/** The header of a shipped model. */
export function modelHeader(lang: Language, files: TrainingFile[], scores: HeldOutScores, settings: TrainingSettings = SETTINGS): ModelHeader {
  const treebanks = [...new Set(files.map((file) => file.treebank))];
  return {
    format: MODEL_FORMAT,
    language: lang,
    trainedOn: files,
    heldOut: { train: LANGUAGES[lang].heldOutTrain, test: LANGUAGES[lang].heldOutTest, scores },
    training: { ...settings },
    steps: { tagger: settings.taggerStep, parser: settings.parserStep },
    licence: LICENCE,
    attribution:
      `Adapted from ${treebanks.map((name) => `${name} (https://github.com/UniversalDependencies/${name}, commit ${TREEBANKS[name as TreebankName].commit}; ${TREEBANKS[name as TreebankName].contributors})`).join('; ')}. ` +
      'The weights are a statistical model trained on the treebanks’ annotations by ringkas; see models/LICENSE-models.md.',
  };
}

/** Encodes a trained model with its header into the model file's bytes. */
export function modelBytes(header: ModelHeader, parts: TrainedParts): Uint8Array {
  return encodeModel({ header, ...parts });
}

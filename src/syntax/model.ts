import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import type { Language } from '../model.js';
import { Parser } from './parser.js';
import { ByteReader, ByteWriter, type WeightArrays, type WeightTable, Weights, decodePackedWeights, encodeWeights, weightTable } from './perceptron.js';
import { Tagger, UPOS_TAGS } from './tagger.js';

/**
 * A syntax model file, `models/syntax-<lang>.bin.gz`: gzip of a first line of JSON that says what
 * the model is ({@link ModelHeader}: `zcat models/syntax-id.bin.gz | head -1`), a second line of
 * JSON with its vocabulary (tags, relations, the tagger's lexicon), then the weights of the tagger's
 * two directions and of the parser, as written by {@link encodeWeights}. The files are data, read by {@link loadModel} the
 * first time a stage needs a language, never imported as code.
 */

/** The format this code reads and writes. */
export const MODEL_FORMAT = 'ringkas-syntax 1';

/** Where a treebank file used in training came from. */
export interface TrainingFile {
  file: string;
  treebank: string;
  commit: string;
  sentences: number;
  words: number;
}

/** Accuracy on held-out sentences, in percent, as `npm run train` measured it. */
export interface HeldOutScores {
  words: number;
  upos: number;
  uas: number;
  las: number;
}

/** What a model file says about itself. */
export interface ModelHeader {
  format: string;
  language: Language;
  /** The files the shipped model was trained on (all of that language's data). */
  trainedOn: TrainingFile[];
  /** How accuracy was measured: a model trained on `train` only, scored on `test`. */
  heldOut: { train: string[]; test: string[]; scores: HeldOutScores };
  /** Hyper-parameters, so that the model can be trained again exactly. */
  training: Record<string, number>;
  /** Weights are stored as whole multiples of these steps. */
  steps: { tagger: number; parser: number };
  licence: string;
  attribution: string;
}

/** The vocabulary the weights refer to by number. */
interface ModelVocabulary {
  tags: readonly string[];
  labels: readonly string[];
  /** Lowercase words and the tags they had in training, as bits (see {@link Tagger}). */
  lexicon: [string, number][];
}

/** A model file's contents, ready to use. */
export interface SyntaxModel {
  header: ModelHeader;
  tagger: Tagger;
  parser: Parser;
}

/** The parts training puts into a model file. */
export interface ModelParts {
  header: ModelHeader;
  tagger: { forward: WeightArrays; backward: WeightArrays; lexicon: ReadonlyMap<string, number> };
  parser: { weights: WeightArrays; labels: readonly string[] };
}

/**
 * Writes a model file's bytes. Everything in it is in a fixed order and format (sorted keys and
 * dictionary, weights in whole steps, gzip without a timestamp), so the same model gives the same
 * bytes.
 */
export function encodeModel(parts: ModelParts): Uint8Array {
  const vocabulary: ModelVocabulary = {
    tags: UPOS_TAGS,
    labels: parts.parser.labels,
    lexicon: [...parts.tagger.lexicon].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  };
  const writer = new ByteWriter();
  const encoder = new TextEncoder();
  writer.raw(encoder.encode(`${JSON.stringify(parts.header)}\n${JSON.stringify(vocabulary)}\n`));
  writer.raw(encodeWeights(parts.tagger.forward, parts.header.steps.tagger));
  writer.raw(encodeWeights(parts.tagger.backward, parts.header.steps.tagger));
  writer.raw(encodeWeights(parts.parser.weights, parts.header.steps.parser));
  return gzipSync(writer.bytes(), { level: 9 });
}

/**
 * A model file decoded into plain data: its header and vocabulary, and the weights of the tagger's
 * two directions and of the parser laid out for scoring. What the worker thread that reads a model
 * hands over (the weights are in shared memory: nothing is copied).
 */
export interface ModelTables {
  header: ModelHeader;
  vocabulary: ModelVocabulary;
  forward: WeightTable;
  backward: WeightTable;
  parser: WeightTable;
}

/** Decodes a model file's (gunzipped) bytes into {@link ModelTables}. */
export function decodeModelTables(bytes: Uint8Array): ModelTables {
  const reader = new ByteReader(bytes);
  const decoder = new TextDecoder();
  const header = JSON.parse(decoder.decode(reader.until(0x0a))) as ModelHeader;
  if (header.format !== MODEL_FORMAT) throw new Error(`model format "${header.format}" is not "${MODEL_FORMAT}"`);
  const vocabulary = JSON.parse(decoder.decode(reader.until(0x0a))) as ModelVocabulary;
  if (vocabulary.tags.join() !== UPOS_TAGS.join()) throw new Error('model tag set differs from this version’s');
  const forward = weightTable(decodePackedWeights(reader));
  const backward = weightTable(decodePackedWeights(reader));
  const parser = weightTable(decodePackedWeights(reader));
  return { header, vocabulary, forward, backward, parser };
}

/** The tagger and parser of decoded tables. */
export function modelOf({ header, vocabulary, forward, backward, parser }: ModelTables): SyntaxModel {
  return {
    header,
    tagger: new Tagger(new Weights(forward, header.steps.tagger), new Weights(backward, header.steps.tagger), new Map(vocabulary.lexicon)),
    parser: new Parser(new Weights(parser, header.steps.parser), vocabulary.labels),
  };
}

/** Reads a model file's (gunzipped) bytes. */
export function decodeModel(bytes: Uint8Array): SyntaxModel {
  return modelOf(decodeModelTables(bytes));
}

/** The model file of a language, in the package's `models/` folder. */
export function modelUrl(lang: Language): URL {
  // From dist/syntax/ (and src/syntax/ under the tests) the package root is two folders up.
  return new URL(`../../models/syntax-${lang}.bin.gz`, import.meta.url);
}

/**
 * The script that reads a model in a worker thread, in the built package (under the tests too: they
 * run after `npm run build`). From dist/syntax/ and src/syntax/ the package root is two folders up.
 */
const READER_URL = new URL('../../dist/syntax/model-worker.js', import.meta.url);

/**
 * A reader thread runs none of the process's own Node options (`--input-type`, a test runner's
 * loaders): it reads one file and decodes it.
 */
function newReader(): Worker {
  return new Worker(READER_URL, { execArgv: [] });
}

/** What the reader thread answers: the decoded model, or why there is none. */
export type ReaderAnswer = { tables: ModelTables } | { error: string; reading: boolean };

/** A reader thread started ahead of need by {@link startModelReader}, not yet given a file. */
let waitingReader: Worker | undefined;

/**
 * Starts a thread for reading a model before the run knows which language it needs, so that the
 * thread's own start (a few hundredths of a second) is over by the time the article's language is
 * known. It does not keep the process alive while unused.
 */
export function startModelReader(): void {
  if (waitingReader) return;
  const reader = newReader();
  reader.unref();
  // A thread that could not start is dropped; the read that needs one starts another and reports why.
  reader.on('error', () => undefined);
  reader.once('exit', () => {
    if (waitingReader === reader) waitingReader = undefined;
  });
  waitingReader = reader;
}

/**
 * Reads, gunzips and decodes a model file in a worker thread: about 0.2 s (Indonesian) to 0.4 s
 * (English) of work, which the main thread spends meanwhile on whatever else the run has to do
 * (loading Marp, parsing the article) instead of waiting.
 */
function readModel(lang: Language): Promise<ModelTables> {
  const url = modelUrl(lang);
  const reader = waitingReader ?? newReader();
  waitingReader = undefined;
  reader.ref();
  return new Promise((resolve, reject) => {
    reader.once('message', (answer: ReaderAnswer) => {
      if ('tables' in answer) resolve(answer.tables);
      else if (answer.reading) reject(new Error(`cannot read the ${lang} syntax model ${url.pathname}: ${answer.error}; reinstall ringkas or run "npm run train"`));
      else reject(new Error(answer.error));
    });
    reader.once('error', (error) => reject(new Error(`cannot start the syntax model reader ${fileURLToPath(READER_URL)}: ${error.message}; run "npm run build"`)));
    // After an answer this changes nothing; without one, the thread died.
    reader.once('exit', (code) => reject(new Error(`the syntax model reader stopped (exit code ${code}) before reading ${url.pathname}`)));
    reader.postMessage({ path: fileURLToPath(url) });
  });
}

const loading = new Map<Language, Promise<SyntaxModel>>();

/**
 * The model of a language, read the first time it is asked for and kept for the rest of the run.
 * Nothing reads a model until this is called: building a deck does not pay for it.
 */
export function loadModel(lang: Language): Promise<SyntaxModel> {
  let model = loading.get(lang);
  if (!model) {
    model = readModel(lang).then(modelOf);
    loading.set(lang, model);
    // A failed read is not kept, so that a later call can try again.
    model.catch(() => loading.delete(lang));
  }
  return model;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/syntax/index.js';
import { loadModel } from '../../src/syntax/model.js';
import { PARSER_FEATURES, ParseState, bestAllowed, parserTags, parserWords } from '../../src/syntax/parser.js';
import { ByteReader, type PackedWeights, Weights, decodePackedWeights } from '../../src/syntax/perceptron.js';
import { ROOT, SAMPLE } from '../helpers.js';

/** Where each feature's pairs are in stored weights, by key. */
function pairsByKey(weights: PackedWeights): Map<number, [start: number, length: number]> {
  const byKey = new Map<number, [number, number]>();
  for (let feature = 0; feature < weights.featureCount; feature += 1) byKey.set(weights.kept[3 * feature]!, [weights.kept[3 * feature + 1]!, weights.kept[3 * feature + 2]!]);
  return byKey;
}

/** The scores a state's features give, the plain way: each feature's pairs added one by one. */
function referenceScores(weights: PackedWeights, byKey: Map<number, [number, number]>, features: Uint32Array, count: number): Int32Array {
  const scores = new Int32Array(weights.classCount);
  for (const key of features.subarray(0, count)) {
    const [start, length] = byKey.get(key) ?? [0, 0];
    for (let entry = start; entry < start + length; entry += 1) scores[weights.pairs[entry]! >>> 16]! += (weights.pairs[entry]! << 16) >> 16;
  }
  return scores;
}

/** The Indonesian model file's three weight sections (tagger forward, backward, parser) as stored. */
function storedWeights(): PackedWeights[] {
  const reader = new ByteReader(gunzipSync(readFileSync(join(ROOT, 'models', 'syntax-id.bin.gz'))));
  reader.until(0x0a);
  reader.until(0x0a);
  return [decodePackedWeights(reader), decodePackedWeights(reader), decodePackedWeights(reader)];
}

describe('the WebAssembly scorer (src/syntax/score.wat)', () => {
  it('gives every parser state of the sample the scores of adding its stored weights one by one', async () => {
    const model = await loadModel('id');
    const stored = storedWeights()[2]!;
    const byKey = pairsByKey(stored);
    const features = new Uint32Array(PARSER_FEATURES);
    const sentences = readFileSync(SAMPLE, 'utf8').split(/(?<=[.!?])\s+/u).filter((text) => text.split(' ').length >= 5).slice(0, 25);
    let states = 0;
    let listed = 0;
    for (const sentence of sentences) {
      const forms = tokenize(sentence, 'id').map((token) => token.form);
      const state = new ParseState(parserWords(forms), parserTags(model.tagger.tag(forms)), model.parser.labels.indexOf('root'));
      while (!state.done) {
        const count = state.features(features);
        const expected = referenceScores(stored, byKey, features, count);
        const scores = model.parser.weights.scores(features, count);
        expect(Array.from(scores)).toEqual(Array.from(expected));
        states += 1;
        if (expected.some((score) => score !== 0)) listed += 1;
        state.apply(bestAllowed(scores, state.allowedKinds(), model.parser.labels.indexOf('root')));
      }
    }
    expect(states).toBeGreaterThan(500);
    expect(listed).toBe(states);
  });

  it('scores a feature with one weight, one with a weight for every class (a dense row), absent ones, and sums beyond 16 bits', () => {
    // Four classes: feature 1 has one weight; features 2 and 3 one for every class, 3 at the 16-bit limits.
    const classes = [0, 1, 2, 3];
    const weights = new Weights(
      {
        classCount: 4,
        keys: Uint32Array.from([1, 2, 3]),
        offsets: Uint32Array.from([0, 1, 5, 9]),
        classes: Uint8Array.from([2, ...classes, ...classes]),
        values: Float32Array.from([7, -1, 2, -3, 4, 32767, -32767, 32767, -32767]),
      },
      1,
    );
    const scores = (keys: number[]) => Array.from(weights.scores(Uint32Array.from(keys), keys.length));
    expect(scores([1])).toEqual([0, 0, 7, 0]);
    expect(scores([2, 1, 99])).toEqual([-1, 2, 4, 4]);
    expect(scores([])).toEqual([0, 0, 0, 0]);
    expect(scores(Array<number>(200).fill(3))).toEqual([32767 * 200, -32767 * 200, 32767 * 200, -32767 * 200]);
    expect(() => weights.scores(new Uint32Array(300), 300)).toThrow(/at most 256 features/u);
  });
});

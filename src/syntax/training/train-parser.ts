import { type WeightArrays } from '../perceptron.js';
import { LEFT, PARSER_FEATURES, ParseState, RIGHT, SHIFT, isAllowed, kindOf, labelOf, parserTags, parserWords } from '../parser.js';
import { AveragedPerceptron } from './averaged.js';
import { seededRandom, shuffled } from './random.js';

/** A sentence for parser training: words, the tags the tagger gives them, and the gold tree. */
export interface ParserExample {
  forms: readonly string[];
  tags: readonly number[];
  heads: readonly number[];
  labels: readonly string[];
}

/** How the parser is trained. */
export interface ParserTraining {
  epochs: number;
  seed: number;
  /**
   * From the second epoch on, the share of transitions taken as the model predicts them even
   * when wrong (error exploration, Goldberg & Nivre 2012); the rest follow the oracle.
   */
  exploration: number;
  /** Features that took part in fewer updates are left out of the model (see {@link AveragedPerceptron.averaged}). */
  minUpdates: number;
}

/** What training the parser yields. */
export interface TrainedParser {
  weights: WeightArrays;
  labels: string[];
}

/**
 * Trains the parser with the dynamic oracle of the arc-hybrid system (Goldberg & Nivre 2013): at
 * every state the best-scoring transition that loses the fewest gold arcs is the one to learn,
 * so the model also learns to recover from its own mistakes once it explores them.
 */
export function trainParser(examples: readonly ParserExample[], options: ParserTraining): TrainedParser {
  const labels = [...new Set(examples.flatMap((example) => example.labels))].sort();
  if (!labels.includes('root')) labels.push('root');
  const labelIndex = new Map(labels.map((label, index) => [label, index]));
  const rootLabel = labelIndex.get('root')!;
  const classCount = 1 + 2 * labels.length;
  const model = new AveragedPerceptron(classCount);
  const random = seededRandom(options.seed);
  const features = new Uint32Array(PARSER_FEATURES);
  const scores = new Int32Array(classCount);
  // The arc-hybrid system builds projective trees only: a crossing arc cannot be learnt, and the
  // oracle's costs assume none, so sentences with one teach noise (leaving them out measured
  // +0.2 LAS on en_ewt-ud-dev).
  const prepared = examples.filter((example) => isProjective(example.heads)).map((example) => ({
    words: parserWords(example.forms),
    tags: parserTags(example.tags),
    gold: goldTree(example.heads, example.labels.map((label) => labelIndex.get(label)!)),
  }));

  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (const { words, tags, gold } of shuffled(prepared, random)) {
      const state = new ParseState(words, tags, rootLabel);
      while (!state.done) {
        const count = state.features(features);
        scores.fill(0);
        model.addScores(features, count, scores);
        const costs = arcCosts(state, gold);
        const kinds = state.allowedKinds();
        let guess = -1;
        let best = -1;
        let bestCost = Infinity;
        for (let transition = 0; transition < classCount; transition += 1) {
          if (!isAllowed(transition, kinds, rootLabel)) continue;
          if (guess < 0 || scores[transition]! > scores[guess]!) guess = transition;
          const cost = transitionCost(transition, costs, state, gold);
          if (cost < bestCost || (cost === bestCost && scores[transition]! > scores[best]!)) {
            best = transition;
            bestCost = cost;
          }
        }
        model.tick();
        model.update(best, guess, features, count);
        const explore = epoch > 0 && random() < options.exploration;
        state.apply(explore ? guess : best);
      }
    }
  }
  return { weights: model.averaged(options.minUpdates), labels };
}

/** Whether no arc of a tree crosses another: every word between a head and its dependent descends from that head. */
export function isProjective(heads: readonly number[]): boolean {
  for (let dependent = 1; dependent <= heads.length; dependent += 1) {
    const head = heads[dependent - 1]!;
    const [from, to] = head < dependent ? [head, dependent] : [dependent, head];
    for (let between = from + 1; between < to; between += 1) {
      let ancestor = between;
      while (ancestor !== 0 && ancestor !== head) ancestor = heads[ancestor - 1]!;
      if (ancestor !== head) return false;
    }
  }
  return true;
}

/** The gold tree of a sentence, indexed from 1 like the parse state, with each word's dependents. */
interface GoldTree {
  heads: Int32Array;
  labels: Int32Array;
  dependents: number[][];
}

function goldTree(heads: readonly number[], labels: readonly number[]): GoldTree {
  const size = heads.length + 1;
  const tree: GoldTree = { heads: new Int32Array(size).fill(-1), labels: new Int32Array(size).fill(-1), dependents: Array.from({ length: size }, () => []) };
  heads.forEach((head, index) => {
    tree.heads[index + 1] = head;
    tree.labels[index + 1] = labels[index]!;
    if (head >= 0) tree.dependents[head]!.push(index + 1);
  });
  return tree;
}

/**
 * How many gold arcs each unlabelled transition makes unreachable (Goldberg & Nivre 2013, arc-hybrid):
 * - SHIFT of b: b's dependents on the stack, and its head on the stack below the top;
 * - LEFT of s (head b): s's dependents in the buffer, and its head if that is s1 or in the buffer after b;
 * - RIGHT of s (head s1): s's dependents in the buffer, and its head if that is in the buffer.
 */
function arcCosts(state: ParseState, gold: GoldTree): [shift: number, left: number, right: number] {
  const s0 = state.stackAt(0);
  const s1 = state.stackAt(1);
  const b0 = state.bufferAt(0);
  let shift = 0;
  if (b0 >= 0) {
    const onStack = (word: number) => {
      for (let depth = 0; depth < state.depth; depth += 1) if (state.stack[depth] === word) return true;
      return false;
    };
    for (const dependent of gold.dependents[b0]!) if (dependent < b0 && onStack(dependent)) shift += 1;
    const head = gold.heads[b0]!;
    if (head >= 0 && head < b0 && head !== s0 && onStack(head)) shift += 1;
  }
  let lostDependents = 0;
  if (s0 >= 0) for (const dependent of gold.dependents[s0]!) if (dependent >= state.next) lostDependents += 1;
  const head = s0 > 0 ? gold.heads[s0]! : -1;
  const left = lostDependents + (head !== b0 && (head === s1 || head > b0) && head >= 0 ? 1 : 0);
  const right = lostDependents + (head >= state.next ? 1 : 0);
  return [shift, left, right];
}

/** A labelled transition's cost: its arc cost, plus one if it makes a gold arc with the wrong label. */
function transitionCost(transition: number, [shift, left, right]: [number, number, number], state: ParseState, gold: GoldTree): number {
  const kind = kindOf(transition);
  if (kind === SHIFT) return shift;
  const s0 = state.stackAt(0);
  const head = kind === LEFT ? state.bufferAt(0) : state.stackAt(1);
  const wrongLabel = gold.heads[s0] === head && gold.labels[s0] !== labelOf(transition) ? 1 : 0;
  return (kind === RIGHT ? right : left) + wrongLabel;
}

import { words } from './terms.js';
import { type Vector, cosine } from './vectors.js';

/** Something that can be picked as a point: a sentence's vector and its bullet. */
export interface Pickable {
  order: number;
  vector: Vector;
  bullet: string;
  /** The bullet's distinct words (see {@link wordSet}), computed once. */
  bulletWords: ReadonlySet<string>;
}

/** The distinct lower-case words of a text. */
export function wordSet(text: string): Set<string> {
  return new Set(words(text));
}

/** Bullets this similar (word-set Jaccard) or sentences this similar (cosine) say the same thing. */
const DUPLICATE_JACCARD = 0.6;
const DUPLICATE_COSINE = 0.75;
/** Maximal marginal relevance: weight of importance against novelty. */
const LAMBDA = 0.7;

/** Whether two bullets, given as word sets, are near-duplicates: mostly the same words. */
export function nearDuplicateBullets(left: ReadonlySet<string>, right: ReadonlySet<string>): boolean {
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  const union = left.size + right.size - shared;
  return union > 0 && (shared / union >= DUPLICATE_JACCARD || shared / Math.min(left.size, right.size) >= 0.9);
}

/**
 * Picks up to `count` items by maximal marginal relevance: each step takes the item whose score,
 * less its similarity to what is already on the deck (`taken`) or picked in this call, is highest.
 * Near-duplicates of anything taken are never picked. Ties go to the earlier sentence, so the
 * result is deterministic.
 */
export function selectByMmr<T extends Pickable>(pool: readonly T[], score: (item: T) => number, count: number, taken: readonly Pickable[] = []): T[] {
  const picked: T[] = [];
  const remaining = [...pool].sort((a, b) => a.order - b.order);
  while (picked.length < count && remaining.length > 0) {
    let bestIndex = -1;
    let bestValue = -Infinity;
    for (let index = 0; index < remaining.length; index += 1) {
      const item = remaining[index]!;
      let redundancy = 0;
      let duplicate = false;
      for (const other of taken.length === 0 ? picked : [...taken, ...picked]) {
        const similarity = cosine(item.vector, other.vector);
        if (similarity >= DUPLICATE_COSINE || nearDuplicateBullets(item.bulletWords, other.bulletWords)) {
          duplicate = true;
          break;
        }
        redundancy = Math.max(redundancy, similarity);
      }
      if (duplicate) continue;
      const value = LAMBDA * score(item) - (1 - LAMBDA) * redundancy;
      if (value > bestValue) {
        bestValue = value;
        bestIndex = index;
      }
    }
    if (bestIndex < 0) break;
    picked.push(remaining.splice(bestIndex, 1)[0]!);
  }
  return picked;
}

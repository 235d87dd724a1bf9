import { words } from './terms.js';
import { type Vector, cosine } from './vectors.js';

/** Something that can be picked as a point: a sentence's vector and its bullet. */
export interface Pickable {
  order: number;
  vector: Vector;
  bullet: string;
  /**
   * The order of the sentence this bullet points back to ("Ia …", "Pesawat ini …"): it may be
   * picked only with that sentence's bullet, which is then shown right before it.
   */
  follows?: number;
  /** The bullet's content terms (stemmed, no stopwords), when known: a bullet whose terms another's hold says nothing new. */
  terms?: ReadonlySet<string>;
}

const bulletWordCache = new WeakMap<Pickable, ReadonlySet<string>>();

/**
 * The distinct lower-case words of an item's bullet, computed on first use and kept: most items
 * of a long article are never compared, and a set for each of 300,000 sentences is 150 MB.
 */
export function bulletWordsOf(item: Pickable): ReadonlySet<string> {
  let set = bulletWordCache.get(item);
  if (set === undefined) {
    set = new Set(words(item.bullet));
    bulletWordCache.set(item, set);
  }
  return set;
}

/** Bullets this similar (word-set Jaccard) or sentences this similar (cosine) say the same thing. */
const DUPLICATE_JACCARD = 0.6;
const DUPLICATE_COSINE = 0.75;
/** How many items' points one selection may make: this many per item picked, and a few more. */
const MAX_RESOLVED_PER_PICK = 4;
const MIN_RESOLVED = 8;
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
 * Whether every content term of `item`'s bullet is in `other`'s: "Pesawat ini jatuh" after "Sebuah
 * pesawat angkut milik Angkatan Laut Amerika Serikat jatuh" tells the audience nothing new.
 */
function saysNothingMore(item: Pickable, other: Pickable): boolean {
  const terms = item.terms;
  const known = other.terms;
  if (terms === undefined || known === undefined || terms.size === 0) return false;
  for (const term of terms) if (!known.has(term)) return false;
  return true;
}

/** What selection needs of a sentence before its bullet is made: where it stands and its vector. */
export interface Scorable {
  order: number;
  vector: Vector;
}

/**
 * Picks up to `count` items by maximal marginal relevance: each step takes the item whose score,
 * less its similarity to what is already on the deck (`taken`) or picked in this call, is highest.
 * Near-duplicates of anything taken are never picked. Ties go to the earlier sentence, so the
 * result is deterministic.
 *
 * Each step reads the items from the highest score down and stops at the first whose weighted
 * score alone is below the best value found (similarity only lowers a value), so that a section of
 * 300,000 sentences costs a few hundred comparisons a step rather than all of them. `resolve`
 * makes an item's point (its bullet) when the step first reads it, or says it has none; so only
 * the items a selection reads are compressed, a sentence that repeats one already taken is passed
 * over before its point is made, and one call makes at most a few points per item it is to pick.
 * A point that {@link Pickable.follows} another is picked only when that one is taken or picked.
 */
export function selectByMmr<C extends Scorable, T extends Pickable>(
  pool: readonly C[],
  score: (item: C) => number,
  count: number,
  taken: readonly Pickable[] = [],
  resolve: (item: C) => T | undefined = (item) => item as unknown as T,
): T[] {
  const picked: T[] = [];
  const against: Pickable[] = [...taken];
  const scored: { item: C; weighted: number; point?: T | null }[] = pool
    .map((item) => ({ item, weighted: LAMBDA * score(item) }))
    .sort((a, b) => b.weighted - a.weighted || a.item.order - b.item.order);
  // Making a point costs a parse: a call makes at most this many, from the best-scored items down.
  let resolvable = MAX_RESOLVED_PER_PICK * count + MIN_RESOLVED;
  while (picked.length < count && scored.length > 0) {
    let bestIndex = -1;
    let bestValue = -Infinity;
    let bestOrder = Infinity;
    for (let index = 0; index < scored.length; index += 1) {
      const entry = scored[index]!;
      if (entry.weighted < bestValue) break;
      // Similarity of the sentences first: a sentence that repeats one on the deck is passed over before its bullet is made.
      let redundancy = 0;
      let duplicate = false;
      for (const other of against) {
        const similarity = cosine(entry.item.vector, other.vector);
        if (similarity >= DUPLICATE_COSINE) {
          duplicate = true;
          break;
        }
        redundancy = Math.max(redundancy, similarity);
      }
      if (duplicate) continue;
      if (entry.point === undefined) {
        if (resolvable <= 0) continue;
        resolvable -= 1;
        entry.point = resolve(entry.item) ?? null;
      }
      const item = entry.point;
      if (item === null) continue;
      // A bullet that points back waits for its antecedent's bullet (the step that picks that one opens the way).
      if (item.follows !== undefined && !against.some((other) => other.order === item.follows)) continue;
      if (against.some((other) => nearDuplicateBullets(bulletWordsOf(item), bulletWordsOf(other)) || saysNothingMore(item, other))) continue;
      const value = entry.weighted - (1 - LAMBDA) * redundancy;
      if (value > bestValue || (value === bestValue && item.order < bestOrder)) {
        bestValue = value;
        bestOrder = item.order;
        bestIndex = index;
      }
    }
    if (bestIndex < 0) break;
    const [best] = scored.splice(bestIndex, 1);
    picked.push(best!.point!);
    against.push(best!.point!);
  }
  return picked;
}

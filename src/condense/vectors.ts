/** A sparse term-weight vector, normalised to unit length. */
export type Vector = Map<string, number>;

/** Term frequencies of a list of terms. */
export function termCounts(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/** Inverse document frequencies over a collection of term lists (each list one document). */
export function inverseDocumentFrequencies(documents: readonly (readonly string[])[]): Map<string, number> {
  const documentFrequency = new Map<string, number>();
  for (const terms of documents) for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [term, frequency] of documentFrequency) idf.set(term, Math.log((1 + documents.length) / (1 + frequency)) + 1);
  return idf;
}

/**
 * The unit-length TF-IDF vector of a term list, built in one map (weighted and scaled in place:
 * an article of 300,000 sentences would otherwise leave two spare maps per sentence to collect).
 */
export function tfidfVector(terms: readonly string[], idf: ReadonlyMap<string, number>): Vector {
  const vector = termCounts(terms);
  for (const [term, count] of vector) vector.set(term, count * (idf.get(term) ?? 1));
  return normaliseInPlace(vector);
}

/** The vector scaled to unit length where it is (empty stays empty). */
function normaliseInPlace(vector: Vector): Vector {
  const norm = Math.sqrt(sumOfSquares(vector));
  if (norm === 0) return vector;
  for (const [term, weight] of vector) vector.set(term, weight / norm);
  return vector;
}

function sumOfSquares(vector: Vector): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return sum;
}

/** The vector scaled to unit length (empty stays empty). */
export function normalise(vector: Vector): Vector {
  const norm = Math.sqrt(sumOfSquares(vector));
  if (norm === 0) return vector;
  const unit: Vector = new Map();
  for (const [term, weight] of vector) unit.set(term, weight / norm);
  return unit;
}

/** Cosine similarity of two unit vectors. */
export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}

/** The sum of unit vectors, normalised: the centroid direction of a collection. */
export function centroid(vectors: readonly Vector[]): Vector {
  const sum: Vector = new Map();
  for (const vector of vectors) for (const [term, weight] of vector) sum.set(term, (sum.get(term) ?? 0) + weight);
  return normalise(sum);
}

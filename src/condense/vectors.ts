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

/** The unit-length TF-IDF vector of a term list. */
export function tfidfVector(terms: readonly string[], idf: ReadonlyMap<string, number>): Vector {
  const vector: Vector = new Map();
  for (const [term, count] of termCounts(terms)) vector.set(term, count * (idf.get(term) ?? 1));
  return normalise(vector);
}

/** The vector scaled to unit length (empty stays empty). */
export function normalise(vector: Vector): Vector {
  let norm = 0;
  for (const weight of vector.values()) norm += weight * weight;
  norm = Math.sqrt(norm);
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

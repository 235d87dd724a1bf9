/**
 * The condense stage's options, apart from the stage itself, so that the command line can check
 * and describe them without loading the condenser.
 */

/** The smallest word budget that still leaves room for a statement (subject, verb, object and more). */
export const MIN_MAX_WORDS = 5;

/** Budgets and switches of the condense stage. */
export interface CondenseOptions {
  /** Bullets per slide at most (default 5). */
  maxBullets?: number;
  /** Words per bullet the compressor aims at (default 14, at least {@link MIN_MAX_WORDS}). */
  maxWords?: number;
  /** Put the source sentences in the speaker notes (default true). */
  notes?: boolean;
  /** Shown on the title slide under the author. */
  institution?: string;
  /** Aim for this many slides in all (±1, else a warning says why); by default the deck follows the article's length. */
  slides?: number;
  /** An agenda slide when the article has three or more top-level sections (default true). */
  agenda?: boolean;
  /** A glossary slide of the acronyms that appear on the slides (default true). */
  glossary?: boolean;
  /** A closing slide crediting the source, when anything beyond the title is known of it (default true). */
  sources?: boolean;
}

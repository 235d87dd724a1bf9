/** The shape of the per-language data in `src/lang/<code>.ts`. */

/**
 * A clitic the treebanks split off the end of a word as a word of its own, the whole written word
 * becoming a multiword token (`membelinya` = `membeli` + `nya`, `don't` = `do` + `n't`).
 */
export interface CliticRule {
  /** The clitic as written, lower case; a typographic apostrophe (’) matches a plain one. */
  suffix: string;
  /** The shortest stem it is split from. */
  minStem: number;
  /** Split only from a word in lower case, or from a sentence's first word. */
  lowercase?: boolean;
  /** Split only from these stems (lower case). */
  after?: readonly string[];
}

/** How a language's text is cut into the syntactic words of its UD treebanks. */
export interface TokenizerRules {
  clitics: readonly CliticRule[];
  /** Words (lower case) that end like a clitic but stay whole. */
  wholeWords: ReadonlySet<string>;
  /** Words (lower case) split in a way of their own, as the lengths of their parts (`cannot` → 3, 3). */
  specialWords: ReadonlyMap<string, readonly number[]>;
  /** Whether a hyphen between words is a word of its own (`long-term` → `long`, `-`, `term`). */
  splitHyphens: boolean;
  /** Prefixes (lower case) whose hyphen stays in the word even so (`anti-war`, `co-workers`). */
  hyphenPrefixes: ReadonlySet<string>;
  /** Words (lower case, without the final period) whose period belongs to them: `Dr.`, `etc.`. */
  abbreviations: ReadonlySet<string>;
}

/** What marks a conclusion in a language (lower case). */
export interface ConclusionCues {
  /** Words of a heading that names a conclusion ("kesimpulan", "penutup", "conclusion", "summary"). */
  headings: ReadonlySet<string>;
  /** Phrases that open a concluding paragraph ("dengan demikian", "in conclusion"). */
  openers: readonly string[];
  /** Words of a heading of back matter, which comes after a conclusion ("acknowledgements", "references"). */
  backMatter: ReadonlySet<string>;
}

/** The shape of the per-language data in `src/lang/<code>.ts`. */

/** Words ringkas itself puts on slides. */
export interface Labels {
  introduction: string;
  /** Heads the text before the first heading when a later section is itself the introduction (a paper's abstract). */
  overview: string;
  agenda: string;
  continued: string;
  glossary: string;
  conclusion: string;
  /** The last agenda line when there are too many sections to list. */
  more: (count: number) => string;
  /** The title of the closing slide that credits the source. */
  sources: string;
  /** What each line of the sources slide says; a credit in the user's words goes without a name. */
  sourceLines: { title: string; author: string; publication: string; date: string; address: string };
}

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

/**
 * What sentence compression needs to know of a language: the words whose presence decides what a
 * bullet may drop, must keep, or may not open with. Every word is lower case, one syntactic word
 * as the tokeniser cuts them (`n't`, `nya` are words); a phrase is its words separated by spaces.
 */
export interface CompressionRules {
  /** Words that turn a statement into its opposite: a bullet keeps every one the sentence has. */
  negators: ReadonlySet<string>;
  /**
   * Phrases that link a sentence to the one before it ("namun", "selain itu", "however"): a bullet
   * never opens with one; the compressor drops them at the start of a sentence.
   */
  connectives: readonly string[];
  /** Words that are connectives only when a comma follows them ("Kedua, …", "First, …"; not "Kedua negara …"). */
  commaConnectives: ReadonlySet<string>;
  /**
   * Pronouns and pro-forms whose referent lies outside the sentence ("ia", "mereka", "hal ini",
   * "he", "this"): a bullet does not open with one.
   */
  anaphors: readonly string[];
  /** Determiners that point back to something already mentioned ("ini", "tersebut", "this"): a subject with one dangles. */
  pointingDeterminers: ReadonlySet<string>;
  /** Possessives of the third person ("nya", "its"): a subject with one dangles. */
  possessiveAnaphors: ReadonlySet<string>;
  /** Words of the first person: a sentence with one is someone's own words, and keeps its speaker. */
  firstPerson: ReadonlySet<string>;
  /** Of those, the singular ones: never the author's voice in an article, always a quote. */
  firstPersonSingular: ReadonlySet<string>;
  /**
   * Verbs that only report speech ("kata", "said"): the frame "X said" goes when the claim stands
   * on its own. Verbs of opinion, belief or denial are not here: their speaker is part of the point.
   */
  reportingVerbs: ReadonlySet<string>;
  /**
   * Verbs of opinion, belief, hope or denial, which frame a claim as reporting verbs do but are part
   * of the point ("X hopes Y" is not "Y"): never dropped as a frame, and a bullet of one with its
   * subject alone ("Adib berpandangan") has said nothing.
   */
  opinionVerbs: ReadonlySet<string>;
  /** Phrases whose words mean something only together ("sama sekali", "at all"): kept whole or not at all. */
  fixedPhrases: readonly string[];
  /** Prepositions of the role a verb gives ("sebagai", "as"): the phrase completes the verb. */
  roleMarkers: ReadonlySet<string>;
  /** Verbs of what an object is made into after it ("menyulap X jadi Y"): the clause completes the verb. */
  resultVerbs: ReadonlySet<string>;
  /** Whether an adjective with a subject and no copula makes a clause ("Harga cabai mahal"): yes in Indonesian, no in English. */
  bareAdjectivePredicates: boolean;
  /** Whether a capital inside a sentence marks a name and nothing else (Indonesian; English capitalises "Russian", "Monday"). */
  capitalsMarkNames: boolean;
  /** Whether adjectives go before their noun ("a new law"): one after it is a clause cut short ("a probe bound for the Moon"). */
  adjectivesBeforeNouns: boolean;
  /** The copulas ("is", "adalah"): a predicate noun after one is not its subject. */
  copulas: ReadonlySet<string>;
  /** Words that open a place's name and look like a title before it ("St. John", "Gunung Merapi"), lower case. */
  placeNamePrefixes: ReadonlySet<string>;
  /**
   * The verbs of saying among them, which take what is said and hardly ever a plain noun: after
   * one, a noun with a verb of its own is that verb's subject ("said DNA led to …").
   */
  sayingVerbs: ReadonlySet<string>;
  /** Prepositions of an attribution ("according to X"): the phrase goes like a reporting frame. */
  attributionMarkers: ReadonlySet<string>;
  /**
   * Phrases that open a sentence's source, up to its first comma ("Dilansir dari Tournament
   * Software, …", "Melansir AceShowbiz, …", "According to police, …"): the frame goes before the
   * sentence is parsed, unless the claim is in the first person (then it names the speaker).
   */
  sourceFrames: readonly string[];
  /**
   * Prepositions that open a clause as the complement of its verb ("accused of stealing", "jailed
   * for trolling", "prohibited from using", "dengan meneken"): kept while the budget allows, as a phrase is.
   */
  clausePrepositions: ReadonlySet<string>;
  /** Words that open a clause of time before or after ("after", "setelah"): kept while the budget allows. */
  sequenceMarkers: ReadonlySet<string>;
  /** Prepositions of a noun's complement ("of"): a phrase with one is part of the noun phrase's name, and stays. */
  genitiveMarkers: ReadonlySet<string>;
  /** Words of focus, which need what they bear on after them ("hanya", "cuma", "only", "even"): a bullet does not end on one. */
  focusAdverbs: ReadonlySet<string>;
  /** "first", "only", "pertama": a bullet that ends on one, where the sentence says of what, is cut short. */
  ordinals: ReadonlySet<string>;
  /** Words that open a clause of purpose ("untuk", "agar", "to"): often the point of the action, so kept while the budget allows. */
  purposeMarkers: ReadonlySet<string>;
  /** Words that introduce a clause as what is said or known ("bahwa", "that"): the clause can stand alone without them. */
  complementizers: ReadonlySet<string>;
  /** Words that open a condition ("jika", "unless"): the clause changes what is claimed, and stays. */
  conditionMarkers: ReadonlySet<string>;
  /** Words that open an example or an elaboration ("seperti", "such as"): the phrase goes. */
  exampleMarkers: readonly string[];
  /**
   * Phrases that open a concession or circumstance ("despite", "due to", "seiring"): what they add
   * does not change the truth of the claim, and goes.
   */
  adjunctMarkers: readonly string[];
  /** Nouns and adverbs of time ("Senin", "yesterday"): a phrase headed by one is a time phrase, and goes. */
  timeWords: ReadonlySet<string>;
  /** Prepositions that name the doer of a passive ("by", "oleh"). */
  agentMarkers: ReadonlySet<string>;
  /** Adjectives that place a time within its span ("early Saturday"): part of the time phrase, not said of the verb before it. */
  timeQualifiers: ReadonlySet<string>;
  /** Prepositions that make a phrase temporal whatever its noun ("sejak", "during"). */
  timeMarkers: ReadonlySet<string>;
  /**
   * Adverbs a bullet keeps because they change what is claimed: modality, limits and degree
   * ("hanya", "akan", "only", "nearly", "more"). Other adverbs go.
   */
  keptAdverbs: ReadonlySet<string>;
  /**
   * Two-part constructions: when the first part is in the sentence, a bullet keeps both or neither
   * ("tidak hanya … tetapi juga", "not only … but also"). Each is the first part and the phrases
   * that close it: the first of them to follow it does, the longest where several start there.
   */
  pairs: readonly { first: string; second: readonly string[] }[];
  /** Coordinators of contrast ("tetapi", "but"): a clause joined by one is half of a two-part point, and stays. */
  contrastCoordinators: ReadonlySet<string>;
  /** Phrases that open a teaser or a call to the reader ("simak", "here's", "find out"): never a bullet. */
  teaserOpeners: readonly string[];
  /** Phrases that make a sentence a teaser wherever they stand ("takes a look"). */
  teaserPhrases: readonly string[];
  /** Words that open a question without a question mark ("apakah"). */
  questionOpeners: ReadonlySet<string>;
}

/** Everything ringkas knows of one language, in one place: `src/lang/<code>.ts`. */
export interface LanguageData {
  tokenizer: TokenizerRules;
  /** Function words, for language detection, titles and ranking. */
  stopwords: ReadonlySet<string>;
  labels: Labels;
  compression: CompressionRules;
  /** How an article marks its own conclusion. */
  conclusionCues: ConclusionCues;
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

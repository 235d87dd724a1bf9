/**
 * Sentence compression as pruning of the sentence's dependency tree. A bullet is the sentence's
 * main predicate with its subject and core complements — what a headline editor keeps — and the
 * modifiers that the word budget leaves room for; it loses what a headline editor drops: reporting
 * frames, fronted adverbials, time phrases, appositives, parentheticals, examples, side clauses.
 * Negation, conditions, modality, numbers and both halves of a two-part construction are never
 * dropped: a sentence that cannot fit with them is over budget, not cut.
 *
 * Every rule is an operation on the tree: a dependent is kept with its head (core), kept until the
 * budget needs its room (optional), or dropped — always with its whole subtree, so the kept words
 * form one connected subtree around the predicate.
 */
import { type CompressionRules, LANGUAGES } from '../lang/index.js';
import type { Language } from '../model.js';
import { type ParsedWord, type Token, tokenize } from '../syntax/index.js';
import { wordCount } from './count.js';

/** A sentence with its words as the syntax stage analysed them (offsets into `text`). */
export interface ParsedSentence {
  text: string;
  words: readonly ParsedWord[];
}

/** What compression needs of the syntax stage: words tagged and parsed (a loaded {@link Syntax}). */
export interface SentenceParser {
  parseTokens(tokens: readonly Token[]): ParsedWord[];
}

/** Budget for one bullet. */
export interface CompressOptions {
  lang: Language;
  /** The words a bullet aims at; a bullet that cannot be shortened to it says so ({@link Compression.overBudget}). */
  maxWords: number;
  /**
   * The sentence stands inside a quotation opened before it (a quote of several sentences, or
   * paragraphs): it is someone's words even without a quotation mark of its own.
   */
  quoted?: boolean;
}

/**
 * Why a sentence makes no bullet whatever is deleted from it: a question, a teaser, a fragment
 * without a predicate, one that stops on a word promising more (`cut-short`), an opening
 * connective, a first-person quote without its speaker, a two-part construction whose halves
 * cannot stay together, a written word whose pieces the parser put far apart, or a "sentence" too
 * long to be one. `dangling-reference` (a subject or opening that points to an earlier sentence:
 * "Ia …", "Pesawat ini …", "This …") is given only when nothing else is wrong: the bullet stands
 * right after the bullet of the sentence it points back to, and nowhere else.
 */
export type Unfit =
  | 'empty'
  | 'question'
  | 'teaser'
  | 'no-predicate'
  | 'cut-short'
  | 'dangling-reference'
  | 'connective-opener'
  | 'unattributed-quote'
  | 'split-pair'
  | 'split-word'
  | 'too-long';

/** The outcome of compressing one sentence. */
export interface Compression {
  /** The bullet: the kept words as the source spaces them, first letter capitalised, no final mark. */
  text: string;
  /**
   * The words the tree was made of: the sentence's, less any parenthetical, which goes before
   * parsing (a bracketed aside only confuses the parser, and a bullet never keeps it).
   */
  parsed: readonly ParsedWord[];
  /**
   * The tree that was pruned: each parsed word's head (1-based, 0 for the root) — the parser's,
   * except that a name in apposition takes the place of the noun it names ("Mantan pemain
   * Liverpool, Patrik Berger" → "Patrik Berger", with the description below it).
   */
  heads: readonly number[];
  /** Each parsed word's relation to its head in that tree. */
  relations: readonly string[];
  /** The kept words, as indices into {@link parsed}, ascending (punctuation included). */
  kept: readonly number[];
  /** The predicate the bullet is built on (the tree's root, or the claim of a dropped reporting frame); -1 when none. */
  top: number;
  /** The bullet's length in words. */
  words: number;
  /** Whether even the shortest compression that keeps what must stay is longer than the budget. */
  overBudget: boolean;
  /** Set when the sentence makes no bullet (see {@link Unfit}); `text` is then its best compression all the same. */
  unfit: Unfit | undefined;
}

/** A sentence with more words than this is a list or a run-on, not a statement: it is not parsed into a bullet. */
export const MAX_TREE_WORDS = 200;

/**
 * A sentence of more space-separated pieces than this is too long whatever its bracketed asides
 * hold: it is not even tokenised (a megabyte without a full stop is one "sentence", and three
 * tokenisations of it cost seconds).
 */
const MAX_SENTENCE_PIECES = 4 * MAX_TREE_WORDS;

/** Relations whose dependent is part of the predicate's core: it stays whenever its head stays. */
const CORE = new Set([
  'nsubj', 'nsubj:pass', 'nsubj:outer', 'csubj', 'csubj:pass', 'csubj:outer', 'expl', 'obj', 'iobj', 'ccomp', 'xcomp', 'obl:agent',
  'cop', 'aux', 'aux:pass', 'mark', 'case', 'fixed', 'flat', 'flat:name', 'flat:foreign', 'goeswith', 'compound', 'compound:prt',
  'compound:a', 'clf', 'det', 'det:predet', 'nummod', 'case:adv', 'cc:preconj', 'nmod:poss',
]);
/** Relations of a subject. */
const SUBJECTS = new Set(['nsubj', 'nsubj:pass', 'nsubj:outer', 'csubj', 'csubj:pass', 'csubj:outer', 'expl']);
/** Relations that a headline editor always drops: they add, they do not state. */
const DROPPED = new Set(['appos', 'parataxis', 'discourse', 'vocative', 'reparandum', 'dep', 'list', 'orphan', 'nmod:desc', 'dislocated', 'punct']);
/** Relations by which the parser hangs a speech frame ("…, officials said") from its claim. */
const FRAME_RELATIONS = new Set(['parataxis', 'ccomp', 'conj', 'acl', 'advcl', 'dep']);
/** Relations by which a clause may hang from a word taken for the root. */
const CLAUSAL = new Set(['parataxis', 'appos', 'acl', 'acl:relcl', 'conj', 'dep', 'ccomp', 'advcl', 'list']);
/** An acronym: two or more capitals, maybe with digits ("WHO", "G20"). */
const ACRONYM = /^\p{Lu}[\p{Lu}\d]+$/u;
/** A year: "1998", "2014". */
const YEAR = /^(?:1[89]|20)\d\d$/u;
/** Relative pronouns: a clause whose subject is one is a relative clause, not a statement. */
const RELATIVE_PRONOUNS = new Set(['yang', 'which', 'who', 'whom', 'that', 'whose']);
/** Parts of speech that can head a clause on their own. */
const PREDICATES = new Set(['VERB', 'AUX', 'ADJ']);

/**
 * How soon an optional dependent goes when the bullet is over budget, lowest first: clauses that
 * modify a noun, then phrases further from the predicate, then adjectives.
 */
const DROP_ORDER = { clause: 1, farPhrase: 2, nounPhrase: 3, nearPhrase: 4, adjective: 5 } as const;

/** Quotation marks: those that only open, those that only close, and the straight ones that do either. */
const QUOTES = new Set(['"', '“', '”', '„', '«', '»', '``', "''", '‘', '’', "'"]);
const OPENING_QUOTES = new Set(['“', '„', '«', '``', '‘']);
const CLOSING_QUOTES = new Set(['”', '»', "''", '’']);
const OPENING_OR_STRAIGHT_QUOTES = new Set([...OPENING_QUOTES, '"', "'"]);
const BRACKETS = new Map([['(', ')'], ['[', ']'], ['{', '}']]);
const CLOSING_BRACKETS = new Set(BRACKETS.values());
/** Marks of punctuation, whatever a word was tagged ("%", "&", "#" are words here). */
const PUNCTUATION = /^[\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf}.,;:!?…'"`·/]+$/u;
/** Marks that end a sentence: never inside a bullet, which has no final mark. */
const FINAL_MARKS = /^[.!?…。．！？]+$/u;

/** An optional dependent the budget may take away, with how soon. */
interface Optional {
  node: number;
  rank: number;
  depth: number;
}

/** The tree of one sentence, with what the rules ask of its words. */
class Tree {
  readonly size: number;
  readonly lower: string[];
  /** Each word's head (index, -1 for the root) and relation, as the rules see them. */
  readonly parent: Int32Array;
  readonly relations: string[];
  readonly children: number[][] = [];
  root = 0;
  readonly depth: Int32Array;
  /** Negators in each word's subtree. */
  readonly negators: Int32Array;

  constructor(readonly words: readonly ParsedWord[], readonly rules: CompressionRules) {
    const size = words.length;
    this.size = size;
    // An acronym in a sentence not set in capitals is a name ("the WHO"), never the function word
    // it spells: kept as written, it matches none of the word lists.
    const capitals = words.every((word) => word.form === word.form.toUpperCase());
    this.lower = words.map((word) => {
      const lower = word.form.toLowerCase().replaceAll('’', "'");
      // "NO FEATHERS" still negates: shouting is not an acronym.
      return !capitals && ACRONYM.test(word.form) && !rules.negators.has(lower) ? word.form : lower;
    });
    this.parent = Int32Array.from(words, (word) => word.head - 1);
    this.relations = words.map((word) => word.deprel);
    this.wordsUnderMarks();
    this.prepositionsAsHeads();
    this.promoteNames();
    this.timeAsModifier();
    this.adjectiveBeforeTime();
    this.participleAsClause();
    this.joinSubjects();
    this.frontedSubjects();
    this.predicateAsRoot();
    this.copulaAsRoot();
    this.claimOfSaying();
    this.claimBelowNoun();
    this.depth = new Int32Array(size);
    this.negators = new Int32Array(size);
    // Parents before children (depths), then children before parents (counts), without recursion.
    const order = [this.root];
    for (let at = 0; at < order.length; at += 1) {
      for (const child of this.children[order[at]!]!) {
        this.depth[child] = this.depth[order[at]!]! + 1;
        order.push(child);
      }
    }
    for (let at = order.length - 1; at >= 0; at -= 1) {
      const node = order[at]!;
      if (rules.negators.has(this.lower[node]!)) this.negators[node]! += 1;
      if (this.parent[node]! >= 0) this.negators[this.parent[node]!]! += this.negators[node]!;
    }
  }

  /** Rebuilds the children lists after heads changed. */
  relink(): void {
    this.link();
  }

  /** Hangs `node` from `head` (-1: makes it the root) with `relation`; {@link link} rebuilds the children after. */
  private attach(node: number, head: number, relation: string): void {
    this.parent[node] = head;
    this.relations[node] = relation;
  }

  private link(): void {
    this.children.length = 0;
    for (let index = 0; index < this.size; index += 1) this.children.push([]);
    for (let index = 0; index < this.size; index += 1) {
      if (this.parent[index]! < 0) this.root = index;
      else this.children[this.parent[index]!]!.push(index);
    }
  }

  /**
   * A word hung from a punctuation mark is a misparse (a mark heads nothing): it goes to the
   * mark's head. A noun after a comma below a noun, with items of its own joined by a coordinator,
   * is the rest of a list ("… adalah Pasar Kosambi, | Pasar Baru, Pasar Andir … dan Pasar
   * Kiaracondong"), and becomes one of its items; otherwise it keeps its relation.
   */
  private wordsUnderMarks(): void {
    const moved: number[] = [];
    for (let word = 0; word < this.size; word += 1) {
      const mark = this.parent[word]!;
      if (mark < 0 || !this.isPunct(mark) || this.isPunct(word) || this.parent[mark]! < 0) continue;
      this.parent[word] = this.parent[mark]!;
      if (this.words[mark]!.form === ',') moved.push(word);
    }
    this.link();
    for (const word of moved) if (this.isNominal(word) && this.isNominal(this.parent[word]!) && this.headsList(word)) this.relations[word] = 'conj';
  }

  /**
   * A preposition taken for an adverb with its noun hanging from it ("registered [against ← Union
   * Steel Minister …]"): a preposition heads nothing; its noun is the verb's phrase, and the
   * preposition that phrase's marker.
   */
  private prepositionsAsHeads(): void {
    for (let preposition = 0; preposition < this.size; preposition += 1) {
      const head = this.parent[preposition]!;
      if (head < 0 || this.words[preposition]!.upos !== 'ADP' || this.relations[preposition] !== 'advmod') continue;
      const noun = this.children[preposition]!.find((child) => child > preposition && this.isNominal(child) && /^(?:obl|nmod)/u.test(this.relations[child]!));
      if (noun === undefined) continue;
      for (const child of this.children[preposition]!) if (child !== noun) this.parent[child] = noun;
      this.attach(noun, head, this.isNominal(head) ? 'nmod' : 'obl');
      this.attach(preposition, noun, 'case');
      this.link();
    }
  }

  /**
   * A name in apposition to a common noun that is a subject ("Mantan pemain Liverpool, Patrik
   * Berger", "its chief executive, Jane Doe") takes the noun's place in the tree, and the noun becomes its appositive:
   * both mean the same person, and the name is what a headline keeps. The function words that tie
   * the phrase to its head (a preposition, a coordinator) move to the name.
   */
  private promoteNames(): void {
    this.link();
    for (let name = 0; name < this.size; name += 1) {
      const noun = this.parent[name]!;
      // Only for a subject: a name after an object is as often a place misattached ("menjalani perawatan …, Tangerang Selatan").
      if (this.relations[name] !== 'appos' || noun < 0 || noun > name || !this.relations[noun]!.startsWith('nsubj')) continue;
      // The description may be tagged a name for its capital at the sentence's start ("Pebulu tangkis asal India, …"): it has words in lower case.
      const describes = this.words[noun]!.upos === 'NOUN' || (this.words[noun]!.upos === 'PROPN' && this.subtree(noun).some((node) => node < name && /^\p{Ll}/u.test(this.words[node]!.form)));
      if (this.words[name]!.upos !== 'PROPN' || !describes) continue;
      this.attach(name, this.parent[noun]!, this.relations[noun]!);
      this.attach(noun, name, 'appos');
      for (const child of this.children[noun]!) {
        if (child !== name && ['case', 'mark', 'cc'].includes(this.relations[child]!.split(':')[0]!)) this.parent[child] = name;
      }
      this.link();
    }
  }

  /**
   * A word of time taken for the head of the noun phrase before it ("unveiled [a revamped penalty
   * system Tuesday]", "appointed [a new cabinet Tuesday]"): the noun before it heads the phrase,
   * and the word of time becomes the time phrase of the verb it is.
   */
  private timeAsModifier(): void {
    for (let time = 1; time < this.size; time += 1) {
      const relation = this.relations[time]!;
      if (!this.rules.timeWords.has(this.lower[time]!) || this.parent[time]! < 0 || !/^(?:obj|iobj|nsubj|nsubj:pass|appos)$/u.test(relation)) continue;
      // "turun tajam pekan ini": a word of time with a pointing word is when, whatever its relation.
      if (this.children[time]!.some((child) => this.relations[child]!.startsWith('det') && this.rules.pointingDeterminers.has(this.lower[child]!))) {
        this.relations[time] = 'obl:tmod';
        continue;
      }
      if (this.children[time]!.some((child) => this.relations[child]!.startsWith('det'))) continue;
      const before = this.children[time]!.filter((child) => child < time && this.isNominal(child));
      const noun = before.at(-1);
      // The noun's phrase must run up to the word of time ("partai Piala FA … End | Sabtu").
      if (noun === undefined || Math.max(...this.subtree(noun)) + 1 < time - (this.isPunct(time - 1) ? 1 : 0)) continue;
      this.attach(noun, this.parent[time]!, relation);
      for (const child of this.children[time]!) if (child < noun) this.parent[child] = noun;
      this.attach(time, this.parent[noun]!, 'obl:tmod');
      this.link();
    }
  }

  /**
   * An adjective right after a verb taken for a modifier of the word of time after it ("shares
   * closed [lower ← Wednesday]"): it says how the verb ended, and becomes its complement.
   */
  private adjectiveBeforeTime(): void {
    for (let adjective = 1; adjective < this.size - 1; adjective += 1) {
      const time = adjective + 1;
      const verb = this.parent[time]!;
      if (this.parent[adjective] !== time || this.relations[adjective] !== 'amod' || this.words[adjective]!.upos !== 'ADJ' || this.rules.timeQualifiers.has(this.lower[adjective]!)) continue;
      if (!this.rules.timeWords.has(this.lower[time]!) || verb !== adjective - 1 || this.words[verb]!.upos !== 'VERB') continue;
      this.attach(adjective, verb, 'xcomp');
      this.link();
    }
  }

  /**
   * A participle with an agent of its own taken for the complement of a verb that has no object
   * ("shares closed lower [dragged down by the sector]"): an adverbial clause, said of the subject,
   * not what completes the verb ("had [the window] replaced by …" is one).
   */
  private participleAsClause(): void {
    const agent = (child: number) => this.relations[child] === 'obl:agent' || (this.relations[child] === 'obl' && this.childrenWith(child, (relation) => relation === 'case').some((marker) => this.rules.agentMarkers.has(this.lower[marker]!)));
    for (let participle = 0; participle < this.size; participle += 1) {
      const verb = this.parent[participle]!;
      if (verb < 0 || participle < verb || this.relations[participle] !== 'xcomp' || this.words[participle]!.upos !== 'VERB') continue;
      // (A passive participle has no object: "start [generating 1000 MW] by …" is no such one.)
      if (!this.children[participle]!.some(agent) || this.children[participle]!.some((child) => this.relations[child] === 'obj')) continue;
      if (this.children[participle]!.some((child) => this.relations[child] === 'mark' || SUBJECTS.has(this.relations[child]!))) continue;
      if (this.children[verb]!.some((child) => this.relations[child] === 'obj' || this.relations[child] === 'iobj')) continue;
      this.relations[participle] = 'advcl';
    }
  }

  /**
   * Two subjects of one predicate, side by side, are one noun phrase the parser cut in two
   * ("Social activist | Medha Patkar extended", "Cirque du Soleil | performers returned"): the
   * first becomes a modifier of the second. A word of time taken for a subject ("Two men |
   * Thursday were indicted") becomes the time phrase it is.
   */
  private joinSubjects(): void {
    for (let head = 0; head < this.size; head += 1) {
      const nominalSubjects = () => this.children[head]!.filter((child) => this.relations[child]!.startsWith('nsubj'));
      const found = nominalSubjects();
      // One of two with a preposition of its own is a phrase, not a subject ("spacecraft … bound
      // [for the … Station] will re-enter") — unless a verb stands between them, the predicate the
      // parser missed ("Aliansi keamanan berfungsi … sebagai forum …", a misparse left unused).
      if (found.length > 1 && !this.words.slice(found[0]! + 1, found.at(-1)!).some((word) => word.upos === 'VERB')) {
        for (const subject of found) if (this.children[subject]!.some((child) => this.relations[child] === 'case' && this.words[child]!.upos === 'ADP')) this.relations[subject] = 'obl';
      }
      const subjects = nominalSubjects();
      for (let index = 1; index < subjects.length; index += 1) {
        const [before, after] = [subjects[index - 1]!, subjects[index]!];
        // Side by side: nothing between them, not even a comma ("Aliansi …, tetapi juga forum …" is two).
        const gap = this.firstOf(after) - 1;
        if (Math.max(...this.subtree(before)) + 1 !== this.firstOf(after) || (this.isPunct(gap) && !JOINERS.test(this.words[gap]!.form))) continue;
        if (this.rules.timeWords.has(this.lower[after]!)) {
          this.relations[after] = 'obl:tmod';
          subjects[index] = before;
        } else {
          this.attach(before, after, 'compound');
        }
        this.link();
      }
    }
  }

  /**
   * Subjects set off by commas before one predicate, when the sentence opens with something put
   * before its clause ("Saat peresmian itu, masyarakat menyambut …", "Menurut Suryadi, salah seorang
   * penambang …, penambang belerang mampu …", "Dilansir Caters News, restoran ini mematok …"): the
   * last one, next to the predicate, is the subject; the others belong to what was put before it.
   */
  private frontedSubjects(): void {
    const opening = this.words.findIndex((word) => /[\p{L}\p{N}]/u.test(word.form));
    for (let head = 0; head < this.size; head += 1) {
      const subjects = this.children[head]!.filter((child) => this.relations[child]!.startsWith('nsubj'));
      const last = subjects.at(-1);
      if (subjects.length < 2 || last === undefined || last > head) continue;
      const before = this.firstOf(last) - 1;
      if (before < 0 || this.words[before]!.form !== ',') continue;
      const first = subjects[0]!;
      let opener = opening;
      while (opener >= 0 && this.parent[opener] !== head) opener = this.parent[opener]!;
      const fronted = (opener >= 0 && opener !== first && opener < first) || this.rules.attributionMarkers.has(this.lower[this.firstOf(first)]!);
      if (fronted) {
        for (const subject of subjects.slice(0, -1)) this.relations[subject] = 'dislocated';
      } else if (this.firstOf(first) === opening && subjects.every((subject, index) => index === 0 || this.afterComma(subject)) && !this.speakerAfterClaim(head, first, last)) {
        // Opened by the subject, then descriptions set off by commas ("Kusuma Hartanto alias Om
        // Shancoz, juru parkir di Jalan …, Kecamatan Cikole, … berniat …"): the first is the
        // subject, the others its appositives.
        for (const subject of subjects.slice(1)) {
          this.attach(subject, first, 'appos');
        }
      } else continue;
      this.link();
    }
  }

  /**
   * Whether `subject`, set right before a verb of saying after a comma, names who said what came
   * before it, when the first subject has a verb of its own ("Assailants blew up a pipeline, | a
   * security source said"): the speaker of a frame after its claim, not a description of the
   * claim's subject (see {@link claimOfSaying}).
   */
  private speakerAfterClaim(say: number, first: number, subject: number): boolean {
    if (!this.rules.sayingVerbs.has(this.lower[say]!) || Math.max(...this.subtree(subject)) + 1 !== say) return false;
    return this.subtree(first).some((node) => node !== first && this.words[node]!.upos === 'VERB');
  }

  /**
   * A noun taken for the root with the sentence's verb hanging from it as a modifier ("A new wave
   * of attacks across Iraq ← killed at least 20 people"): the verb becomes the root and the noun
   * its subject, as the sentence means. Only for a verb after the noun, with no subject of its
   * own and no word that would make it a relative or adverbial clause.
   */
  private predicateAsRoot(): void {
    const root = this.root;
    if (!this.rootIsBareNoun()) return;
    // A modifying verb ("attacks ← killed"), or one set beside the noun after its appositive
    // ("David Ross, former manager …, | pleaded guilty"; "Pebulu tangkis asal India, Pusarla
    // Venkata Sindhu, | membidik …", taken for a list), which may have auxiliaries of its own.
    const beside = (child: number) => this.relations[child] === 'parataxis' || ((this.relations[child] === 'conj' || this.relations[child] === 'dep') && this.words[child - 1]?.form === ',' && !this.children[child]!.some((below) => this.relations[below] === 'cc'));
    // (Also one hung from the last word of the noun's name: "Wali ← kota ← berjanji …".)
    const nameParts = this.children[root]!.filter((child) => child > root && /^(?:compound|flat)/u.test(this.relations[child]!));
    const modifying = (child: number) => this.relations[child] === 'acl' && this.words[child]!.upos === 'VERB';
    let verb = this.children[root]!.find((child) => child > root && (modifying(child) || (beside(child) && this.words[child]!.upos === 'VERB')));
    verb ??= nameParts.flatMap((part) => this.children[part]!.filter((child) => child > part && modifying(child)))[0];
    // Or the verb after a relative clause, taken into it ("Sebuah pesawat … yang membawa 11 orang | jatuh di Laut Filipina").
    verb ??= this.relativeClauseTail(root);
    // Or, when the verb found so far is a relative clause's own ("Jane Ortiz, who | led …"), the verb after it.
    const relative = verb !== undefined && this.children[verb]!.some((child) => SUBJECTS.has(this.relations[child]!) && RELATIVE_PRONOUNS.has(this.lower[child]!));
    const afterAside = verb === undefined || relative ? this.verbAfterAside(root) : undefined;
    if (afterAside !== undefined) {
      this.makePredicate(afterAside, root);
      return;
    }
    // Or a verb with a subject of its own taken for an adjective of the noun after it ("A King
    // Charles Spaniel | suffered → burns"): the noun is its object.
    const transitive = this.children[root]!.find((child) => child < root && this.relations[child] === 'amod' && this.words[child]!.upos === 'VERB' && this.children[child]!.some((below) => this.relations[below] === 'nsubj'));
    if (verb === undefined && transitive !== undefined) {
      this.attach(transitive, -1, 'root');
      this.attach(root, transitive, 'obj');
      this.link();
      return;
    }
    if (verb === undefined) return;
    const blockers = this.relations[verb] === 'acl' ? ['mark', 'aux', 'aux:pass', 'case'] : ['mark', 'case', 'cc'];
    if (this.children[verb]!.some((child) => SUBJECTS.has(this.relations[child]!) || blockers.includes(this.relations[child]!))) return;
    // The list the verb was taken to end: its other names describe the noun.
    if (this.relations[verb] === 'conj' || this.relations[verb] === 'dep') for (const child of this.children[root]!) if (child < verb && this.relations[child] === 'conj') this.relations[child] = 'appos';
    this.makePredicate(verb, root);
  }

  /** Makes `verb` the root with the old root noun, `subject`, its subject. */
  private makePredicate(verb: number, subject: number): void {
    this.attach(verb, -1, 'root');
    this.attach(subject, verb, 'nsubj');
    this.link();
    // Now a subject, the noun gives way to the name in apposition to it.
    this.promoteNames();
  }

  /**
   * The verb after an aside set off by commas, taken into the aside or hung from a noun of the
   * subject ("Dustin Brown, who has played … with the Kings, | turned 29"; "Bill Sharman, who was …
   * as a player and …, | died at his home"): the last verb right after a comma with no subject,
   * marker or coordinator of its own, below nouns, names and asides only. Undefined when there is none.
   */
  private verbAfterAside(root: number): number | undefined {
    const belowPhrase = (node: number) => {
      for (let at = this.parent[node]!; at !== root; at = this.parent[at]!) {
        if (at < 0) return false;
        // A relative clause, whatever the parser called it ("who led …" as parataxis), is an aside;
        // a clause with a subject of its own is not.
        const subjects = this.children[at]!.filter((child) => SUBJECTS.has(this.relations[child]!));
        if (subjects.some((subject) => RELATIVE_PRONOUNS.has(this.lower[subject]!))) continue;
        if (subjects.length > 0 || !(this.isNominal(at) || /^(?:acl|appos)/u.test(this.relations[at]!))) return false;
      }
      return true;
    };
    const candidates = this.subtree(root).filter(
      (node) =>
        node > root &&
        this.words[node]!.upos === 'VERB' &&
        // (A clause's head: "including" as a preposition is none.)
        CLAUSAL.has(this.relations[node]!.split(':')[0]!) &&
        this.words[node - 1]!.form === ',' &&
        belowPhrase(node) &&
        !this.children[node]!.some((child) => SUBJECTS.has(this.relations[child]!) || /^(?:mark|cc|case)$/u.test(this.relations[child]!)),
    );
    return candidates.length === 0 ? undefined : Math.max(...candidates);
  }

  /** Whether the root is a noun with no subject or copula of its own: no clause, the mark of a misparse the repairs below look for. */
  private rootIsBareNoun(): boolean {
    return this.isNominal(this.root) && !this.children[this.root]!.some((child) => SUBJECTS.has(this.relations[child]!) || this.relations[child] === 'cop');
  }

  /**
   * A subject taken for the root with its copula hanging from it and the predicate noun taken for
   * the copula's subject ("Microplastics ← are → fragments"): the predicate noun becomes the root,
   * with the subject and the copula its own, as the sentence means.
   */
  private copulaAsRoot(): void {
    const root = this.root;
    if (!this.rootIsBareNoun()) return;
    // Right after the subject's words: a copula further on belongs to a clause of its own.
    const copula = this.children[root]!.find((child) => this.words[child]!.upos === 'AUX' && this.rules.copulas.has(this.lower[child]!) && child === Math.max(...this.subtree(root).filter((node) => node < child)) + 1);
    if (copula === undefined) return;
    const predicate = this.children[copula]!.find((child) => child > copula && SUBJECTS.has(this.relations[child]!) && (this.isNominal(child) || this.words[child]!.upos === 'ADJ'));
    if (predicate === undefined) return;
    for (const child of this.children[copula]!) if (child !== predicate) this.parent[child] = predicate;
    for (const child of this.children[root]!) if (child > copula) this.parent[child] = predicate;
    this.attach(predicate, -1, 'root');
    this.attach(root, predicate, 'nsubj');
    this.attach(copula, predicate, 'cop');
    this.link();
  }

  /**
   * A verb that ends the root noun's relative clause as its complement, after the clause's object
   * ("yang membawa 11 orang ← jatuh"): in a sentence that has no predicate otherwise, it is the
   * sentence's. Undefined when there is none.
   */
  private relativeClauseTail(root: number): number | undefined {
    const clause = this.children[root]!.find((child) => child > root && this.relations[child] === 'acl:relcl');
    if (clause === undefined) return undefined;
    const object = this.children[clause]!.find((child) => child > clause && this.relations[child] === 'obj');
    if (object === undefined) return undefined;
    const objectEnd = Math.max(...this.subtree(object));
    return this.children[clause]!.find((child) => child === objectEnd + 1 && (this.relations[child] === 'xcomp' || this.relations[child] === 'conj') && this.words[child]!.upos === 'VERB');
  }

  /**
   * A clause of what was said taken for a noun with a modifier: "Police said [DNA ← led to …]",
   * "…, [assailants ← blew up …], a security source said". After a verb of saying, a noun followed
   * by a verb of its own with no subject is that verb's subject: the verb becomes the claim.
   */
  private claimOfSaying(): void {
    const say = this.root;
    if (!this.rules.sayingVerbs.has(this.lower[say]!)) return;
    const noun = this.children[say]!.find((child) => {
      const relation = this.relations[child]!;
      // (Or the noun taken for the whole claim: "[Masked men ← set fire …], an officer said".)
      return (relation === 'obj' && child > say) || (relation.startsWith('nsubj') && child < say && this.childrenWith(say, (other) => other.startsWith('nsubj')).length > 1) || (relation === 'ccomp' && child < say);
    });
    if (noun === undefined || !this.isNominal(noun)) return;
    // The verb may hang from a noun further into the phrase ("DNA on a baseball cap ← led").
    const verb = this.subtree(noun).find((node) => node > noun && this.relations[node] === 'acl' && this.words[node]!.upos === 'VERB');
    if (verb === undefined || this.children[verb]!.some((child) => SUBJECTS.has(this.relations[child]!) || ['mark', 'aux', 'aux:pass', 'case'].includes(this.relations[child]!))) return;
    // An auxiliary below the verb but not its own, outside a relative clause, is the sentence's
    // real tense ("a former CEO accused of defrauding … was able to …"): the verb only modifies.
    if (this.subtree(verb).some((node) => this.words[node]!.upos === 'AUX' && this.parent[node] !== verb && !this.inRelativeClause(node, verb))) return;
    // The noun's words before the verb stay its words; the verb takes the rest of the clause.
    if (this.relations[noun] === 'obj') {
      this.attach(verb, say, 'ccomp');
    } else {
      // The frame comes after the claim: the claim is the sentence, the frame hangs from it.
      this.attach(verb, -1, 'root');
      this.attach(say, verb, 'parataxis');
    }
    this.attach(noun, verb, 'nsubj');
    this.link();
  }

  /**
   * A clause of what was said hung from the word of time or the hearer before it ("told a
   * conference in Sochi Wednesday ← [that Russia was …]", "told a council meeting ← [that the city
   * …]"): neither takes a "that" clause; the clause is what the verb of saying above them says.
   */
  private claimBelowNoun(): void {
    for (let clause = 0; clause < this.size; clause += 1) {
      const noun = this.parent[clause]!;
      if (noun < 0 || noun > clause || !this.relations[clause]!.startsWith('acl')) continue;
      // Up through the noun phrase to the verb it belongs to ("Sochi Wednesday ← …" hangs from a name below the hearer).
      let phrase = noun;
      while (this.parent[phrase]! >= 0 && this.isNominal(this.parent[phrase]!)) phrase = this.parent[phrase]!;
      const verb = this.parent[phrase]!;
      if (verb < 0 || !this.rules.reportingVerbs.has(this.lower[verb]!)) continue;
      if (!this.rules.timeWords.has(this.lower[noun]!) && this.relations[phrase] !== 'iobj') continue;
      const marks = this.childrenWith(clause, (relation) => relation === 'mark').filter((mark) => this.words[mark]!.upos === 'SCONJ');
      if (marks.length === 0 || !marks.every((mark) => this.rules.complementizers.has(this.lower[mark]!))) continue;
      this.attach(clause, verb, 'ccomp');
      this.link();
    }
  }

  /** Whether a relative clause lies on the way up from `node` to `top`. */
  private inRelativeClause(node: number, top: number): boolean {
    for (let at = node; at !== top && at >= 0; at = this.parent[at]!) if (this.relations[at] === 'acl:relcl') return true;
    return false;
  }

  relation(node: number): string {
    return this.relations[node]!;
  }

  /** Whether a word is a noun or a name. */
  isNominal(node: number): boolean {
    const upos = this.words[node]!.upos;
    return upos === 'NOUN' || upos === 'PROPN';
  }

  /** Whether a word heads a list: one of its conjuncts has a coordinator ("A, B [dan] C"). */
  headsList(node: number): boolean {
    return this.childrenWith(node, (relation) => relation === 'conj').some((item) => this.childrenWith(item, (relation) => relation === 'cc').length > 0);
  }

  /** Punctuation, whatever the tagger made of it (it takes the quotation mark `` for an adjective now and then). */
  isPunct(node: number): boolean {
    const word = this.words[node]!;
    return word.upos === 'PUNCT' || word.deprel === 'punct' || QUOTES.has(word.form) || PUNCTUATION.test(word.form);
  }

  /** The word and every word below it. */
  subtree(node: number): number[] {
    const nodes = [node];
    for (let at = 0; at < nodes.length; at += 1) nodes.push(...this.children[nodes[at]!]!);
    return nodes;
  }

  childrenWith(node: number, test: (relation: string) => boolean): number[] {
    return this.children[node]!.filter((child) => test(this.relation(child)));
  }

  hasSubject(node: number): boolean {
    return this.childrenWith(node, (relation) => SUBJECTS.has(relation)).length > 0;
  }

  /** Whether a word heads a clause: a verb or adjective, or a nominal with a subject or copula. */
  isClause(node: number): boolean {
    return PREDICATES.has(this.words[node]!.upos) || this.hasSubject(node) || this.childrenWith(node, (relation) => relation === 'cop').length > 0;
  }

  /** How many words from `start` spell `phrase` (lower case, words separated by spaces); 0 when they do not. */
  spells(start: number, phrase: string): number {
    return spelledAt(this.lower, start, phrase);
  }

  /** Whether the word before a node's subtree is a comma: a phrase set off from what precedes it. */
  afterComma(node: number): boolean {
    return this.words[this.firstOf(node) - 1]?.form === ',';
  }

  /** The first word of a node's subtree, its function words included, its punctuation not. */
  firstOf(node: number): number {
    return Math.min(...this.subtree(node).filter((below) => below === node || !this.isPunct(below)));
  }
}

/**
 * Compresses a sentence into a bullet by deleting words: tokenises it, sets aside its bracketed
 * asides, has it parsed, and prunes the tree ({@link compressParsed}).
 */
export function compressSentence(text: string, parser: SentenceParser, options: CompressOptions): Compression {
  if (spacedPieces(text, MAX_SENTENCE_PIECES + 1) > MAX_SENTENCE_PIECES) return unread(text);
  const rules = LANGUAGES[options.lang].compression;
  const tokens = withoutSourceFrame(withoutAsides(tokenize(text, options.lang), rules), rules);
  if (tokens.length > MAX_TREE_WORDS) return whole({ text, words: [] }, tokens, 'too-long');
  const words = tokens.length === 0 ? [] : parser.parseTokens(tokens);
  const compression = compressParsed({ text, words }, options);
  return compression.unfit === 'no-predicate' ? (withoutOpeningAdjunct(text, words, parser, options) ?? compression) : compression;
}

/**
 * Why the sentence, shown whole as the author wrote it, would make no bullet: the checks of
 * {@link Compression.unfit} on every word kept. A parse without a predicate or one that seems to
 * stop early is no reason here (the author wrote a statement; the parser missed it); a question,
 * a teaser, an opening connective or pronoun, or a first-person quote without its speaker is.
 */
export function unfitWhole(text: string, compression: Compression, options: Pick<CompressOptions, 'lang' | 'quoted'>): Unfit | undefined {
  if (compression.unfit === 'empty' || compression.unfit === 'too-long') return compression.unfit;
  const words = compression.parsed;
  const tree = new Tree(words, LANGUAGES[options.lang].compression);
  const keep = new Uint8Array(tree.size).fill(1);
  const unfit = unfitness({ text, words }, tree, keep, [...keep.keys()], tree.root, options.quoted ?? false);
  return unfit === 'no-predicate' || unfit === 'cut-short' ? undefined : unfit;
}

/** How far into a sentence, in words, an opening adjunct may end with its comma. */
const MAX_ADJUNCT_WORDS = 10;

/**
 * The sentence compressed without the phrase that opens it, when parsed whole it had no
 * predicate: "Beberapa pekan yang lalu, Liverpool resmi mengumumkan …" gave the time phrase the
 * root; "With summer around the corner, icy treats are back …" the preposition's noun. The phrase
 * must be an adjunct — opened by a preposition or a subordinator, or a phrase of time — and end
 * at a comma near the start; what follows must then make a bullet with a subject of its own.
 * Deletion only: the phrase is one more thing a headline editor drops.
 */
function withoutOpeningAdjunct(text: string, words: readonly ParsedWord[], parser: SentenceParser, options: CompressOptions): Compression | undefined {
  const rules = LANGUAGES[options.lang].compression;
  const first = words.findIndex((word) => /[\p{L}\p{N}]/u.test(word.form));
  if (first < 0) return undefined;
  const lower = words.map((word) => word.form.toLowerCase());
  const opensAdjunct = ['ADP', 'SCONJ'].includes(words[first]!.upos) || lower.slice(first).some((word, offset) => offset <= MAX_ADJUNCT_WORDS && rules.timeWords.has(word));
  // A condition changes what is claimed, and stays.
  if (!opensAdjunct || rules.conditionMarkers.has(lower[first]!)) return undefined;
  for (let comma = first + 1; comma <= first + MAX_ADJUNCT_WORDS && comma < words.length - 3; comma += 1) {
    if (words[comma]!.form !== ',') continue;
    // Nor does a negation go ("Although our gains are not large yet, …", "Saat ini belum ada …, …").
    if (lower.slice(first, comma).some((word) => rules.negators.has(word))) return undefined;
    const rest = words.slice(comma + 1).map(({ form, start, end, token }): Token => ({ form, start, end, token }));
    const retry = compressParsed({ text, words: parser.parseTokens(rest) }, options);
    const subject = retry.relations.some((relation, index) => retry.heads[index] === retry.top + 1 && SUBJECTS.has(relation));
    if (retry.unfit === undefined && subject) return retry;
  }
  return undefined;
}

/**
 * The tokens without their bracketed asides ("(ESDM)", "(14/6)", "(tunggal putri)"): each pair of
 * brackets with what it holds, unless it holds a negator or the sentence is nothing else.
 */
function withoutAsides(tokens: readonly Token[], rules: CompressionRules): Token[] {
  const drop = new Uint8Array(tokens.length);
  const open: number[] = [];
  tokens.forEach((token, index) => {
    if (BRACKETS.has(token.form)) open.push(index);
    else if (CLOSING_BRACKETS.has(token.form) && open.length > 0) {
      const start = open.pop()!;
      if (BRACKETS.get(tokens[start]!.form) !== token.form) return;
      const inside = tokens.slice(start, index + 1);
      if (inside.some((word) => rules.negators.has(word.form.toLowerCase()))) return;
      drop.fill(1, start, index + 1);
    }
  });
  const kept = tokens.filter((_, index) => !drop[index]);
  return kept.some((token) => /[\p{L}\p{N}]/u.test(token.form)) ? kept : [...tokens];
}

/** The longest source frame taken off a sentence's front, in words ("Dilansir dari Tournament Software,"). */
const MAX_FRAME_WORDS = 8;

/**
 * The tokens without the source frames that open the sentence ("Dilansir dari Tournament
 * Software, Matsutomo / Takahashi …" → "Matsutomo / Takahashi …"; "Menurut X, mengutip Y, …"
 * loses both). A frame runs from one of the language's {@link CompressionRules.sourceFrames} to
 * the first comma. Taken off before parsing, because the parser often makes the frame's verb the
 * sentence's root and its subject a dependent of it, and pruning then keeps the frame and drops
 * the subject ("Melansir AceShowbiz mengenakan kemeja …"). A first-person claim keeps its frame:
 * it names the speaker.
 */
function withoutSourceFrame(tokens: readonly Token[], rules: CompressionRules): Token[] {
  const lower = tokens.map((token) => token.form.toLowerCase());
  if (lower.some((word) => rules.firstPerson.has(word))) return [...tokens];
  let start = 0;
  for (;;) {
    const opens = rules.sourceFrames.some((phrase) => spelledAt(lower, start, phrase) > 0);
    if (!opens) break;
    const comma = lower.indexOf(',', start);
    if (comma < 0 || comma - start > MAX_FRAME_WORDS) break;
    // What follows must be a clause of some length, not the frame's own list ("Menurut A, B dan C").
    if (lower.slice(comma + 1).filter((word) => /[\p{L}\p{N}]/u.test(word)).length < 4) break;
    start = comma + 1;
  }
  return tokens.slice(start);
}

/**
 * Compresses one parsed sentence into a bullet by deleting words: the main predicate with its
 * subject and core complements, what must stay (negation, conditions, numbers, both halves of a
 * two-part construction), and as many optional modifiers as the budget leaves room for. Always
 * returns the best compression; {@link Compression.unfit} says when the sentence should not be a
 * bullet, and {@link Compression.overBudget} when it cannot be made short enough.
 */
export function compressParsed(sentence: ParsedSentence, options: CompressOptions): Compression {
  const rules = LANGUAGES[options.lang].compression;
  const words = sentence.words;
  if (!words.some((word) => /[\p{L}\p{N}]/u.test(word.form))) return whole(sentence, words, 'empty');
  if (words.length > MAX_TREE_WORDS) return whole(sentence, words, 'too-long');
  const tree = new Tree(words, rules);
  const keep = new Uint8Array(tree.size);
  const optional: Optional[] = [];
  const top = mainPredicate(tree);
  include(tree, top, keep, optional, top);
  // Both halves of a two-part construction, and every piece of a written word, or the sentence as it is.
  if (!keepPairs(tree, keep)) return whole(sentence, words, 'split-pair');
  if (!keepWholeTokens(tree, keep, top)) return whole(sentence, words, 'split-word');

  // Over budget: optional dependents go, the deepest first (a phrase loses its modifiers before it
  // goes), then the least needed, then the latest.
  optional.sort((a, b) => b.depth - a.depth || a.rank - b.rank || b.node - a.node);
  for (const { node } of optional) {
    if (countKept(sentence, tree, keep) <= options.maxWords) break;
    if (keep[node] && droppable(tree, keep, node)) for (const below of tree.subtree(node)) keep[below] = 0;
  }
  dropEmptiedClauses(tree, keep, top);
  dropSpansOfDroppedEvents(tree, keep);
  keepFixedPhrases(tree, keep);
  if (tree.rules === LANGUAGES.en.compression) keepArticleAgreement(tree, keep);
  keepPunctuation(tree, keep, top);
  const kept = [...keep.keys()].filter((index) => keep[index]);
  const text = capitalise(render(sentence, kept));
  const count = wordCount(text);
  return {
    text,
    parsed: words,
    heads: [...tree.parent].map((parent) => parent + 1),
    relations: [...tree.relations],
    kept,
    top,
    words: count,
    overBudget: count > options.maxWords,
    unfit: unfitness(sentence, tree, keep, kept, top, options.quoted ?? false),
  };
}

/** Keeps a fixed phrase whole where part of it stays ("tidak tersedia sama sekali", not "… sama" or "… sekali"). */
function keepFixedPhrases(tree: Tree, keep: Uint8Array): void {
  for (let start = 0; start < tree.size; start += 1) {
    for (const phrase of tree.rules.fixedPhrases) {
      const length = spelledAt(tree.lower, start, phrase);
      if (length === 0) continue;
      if (!keep.subarray(start, start + length).some((kept) => kept === 1)) continue;
      // Only where every word of it hangs from a kept word or from the phrase: the bullet stays one tree.
      const attached = (node: number) => {
        const parent = tree.parent[node]!;
        return parent < 0 || keep[parent] === 1 || (parent >= start && parent < start + length);
      };
      if (Array.from({ length }, (_, offset) => start + offset).every(attached)) keep.fill(1, start, start + length);
    }
  }
}

/**
 * Drops a span of time whose event went ("… the summit of K2 [- …] 20 years [after his mother
 * died …]"): "20 years" measures the distance to what follows it, and alone says nothing.
 */
function dropSpansOfDroppedEvents(tree: Tree, keep: Uint8Array): void {
  const rules = tree.rules;
  for (let node = 0; node < tree.size; node += 1) {
    if (!keep[node] || !rules.timeWords.has(tree.lower[node]!) || !/^(?:obl|nmod:tmod)/u.test(tree.relation(node))) continue;
    if (!tree.children[node]!.some((child) => tree.relation(child) === 'nummod')) continue;
    const next = Math.max(...tree.subtree(node)) + 1;
    if (next < tree.size && !keep[next] && rules.sequenceMarkers.has(tree.lower[next]!)) for (const below of tree.subtree(node)) keep[below] = 0;
  }
}

/** Clauses that modify: a noun (relative clauses) or a predicate (adverbial clauses). */
const MODIFYING_CLAUSES = new Set(['acl', 'acl:relcl', 'advcl']);
/** Relations of a clause's function words, which say nothing on their own. */
const FUNCTION_RELATIONS = new Set(['mark', 'case', 'aux', 'aux:pass', 'cop', 'cc', 'det', 'punct']);

/**
 * Drops a modifying clause that pruning left without any of its content: "pada laga final yang
 * berlangsung" (where? — "di Tokyo Metropolitan Gymnasium" went), "didirikan … untuk fokus"
 * (on what?). A clause cut down to its verb and function words promises what it no longer says;
 * without it the phrase it modified is complete. A clause that had nothing more, or lost only a
 * time phrase, stays.
 */
function dropEmptiedClauses(tree: Tree, keep: Uint8Array, top: number): void {
  const carries = (child: number) => !tree.isPunct(child) && !FUNCTION_RELATIONS.has(tree.relation(child)) && !RELATIVE_PRONOUNS.has(tree.lower[child]!);
  for (let node = 0; node < tree.size; node += 1) {
    if (node === top || !keep[node] || !MODIFYING_CLAUSES.has(tree.relation(node))) continue;
    const content = tree.children[node]!.filter(carries);
    // A time phrase gone leaves the clause whole ("the man arrested [on Friday]").
    if (content.length === 0 || content.some((child) => keep[child]) || content.every((child) => isTime(tree, child))) continue;
    if (droppable(tree, keep, node)) for (const below of tree.subtree(node)) keep[below] = 0;
  }
}

/**
 * The sentence left whole but for its final mark, for input that has no tree to prune: nothing of
 * a sentence without a word, all of one too long to parse.
 */
/** How many runs of non-space characters `text` has, counted up to `limit`. */
function spacedPieces(text: string, limit: number): number {
  let pieces = 0;
  let inPiece = false;
  for (let index = 0; index < text.length && pieces < limit; index += 1) {
    const space = /\s/u.test(text[index]!);
    if (!space && !inPiece) pieces += 1;
    inPiece = !space;
  }
  return pieces;
}

/**
 * A sentence too long to tokenise, left as written but for its final mark, like {@link whole}: its
 * words are its space-separated pieces (the final mark one of its own), unparsed, all kept.
 */
function unread(text: string): Compression {
  const parsed: ParsedWord[] = [];
  const add = (start: number, end: number) => {
    parsed.push({ form: text.slice(start, end), start, end, token: parsed.length, upos: 'X', head: 0, deprel: 'root' });
  };
  const textEnd = text.trimEnd().length;
  let bulletEnd = textEnd;
  while (bulletEnd > 0 && FINAL_MARKS.test(text[bulletEnd - 1]!)) bulletEnd -= 1;
  let start = -1;
  for (let index = 0; index <= textEnd; index += 1) {
    const space = index === textEnd || /\s/u.test(text[index]!);
    if (space && start >= 0) {
      // The final mark is a word of its own, and not kept.
      if (index === textEnd && bulletEnd > start && bulletEnd < index) add(start, bulletEnd);
      else if (index !== textEnd || bulletEnd >= index) add(start, index);
      start = -1;
    } else if (!space && start < 0) start = index;
  }
  const kept = parsed.flatMap((word, index) => (word.end <= bulletEnd ? [index] : []));
  if (bulletEnd < textEnd) add(Math.max(bulletEnd, parsed.at(-1)?.end ?? 0), textEnd);
  const first = kept.length > 0 ? parsed[kept[0]!]! : undefined;
  const bullet = first ? capitalise(text.slice(first.start, parsed[kept.at(-1)!]!.end)) : '';
  return { text: bullet, parsed, heads: parsed.map(() => 0), relations: parsed.map(() => 'root'), kept, top: -1, words: wordCount(bullet), overBudget: false, unfit: 'too-long' };
}

function whole(sentence: ParsedSentence, tokens: readonly Token[], unfit: Unfit): Compression {
  const parsed = tokens.map((token): ParsedWord => ({ ...token, upos: 'X', head: 0, deprel: 'root' }));
  let end = unfit === 'empty' ? 0 : parsed.length;
  while (end > 0 && FINAL_MARKS.test(parsed[end - 1]!.form)) end -= 1;
  const kept = parsed.slice(0, end).map((_, index) => index);
  const text = capitalise(render({ text: sentence.text, words: parsed }, kept));
  return { text, parsed, heads: parsed.map(() => 0), relations: parsed.map(() => 'root'), kept, top: -1, words: wordCount(text), overBudget: false, unfit };
}

/**
 * The predicate the bullet is built on: the root, or — when the root only reports speech ("X said
 * that Y", "Y, kata X") and the claim stands on its own — the claim's predicate, so that the frame
 * goes. A claim in the first person keeps its speaker, and a frame with a negation stays.
 */
function mainPredicate(tree: Tree): number {
  const root = tree.root;
  if (!isStatement(tree, root)) {
    // The parser took a word that is no predicate for the root ("Di dunia …", "Solar financing
    // company"), with the sentence's clause somewhere below it: the shallowest clause that can
    // stand alone is the statement. None: the root stays, and the sentence is unfit.
    const found = [root];
    for (let at = 0; at < found.length; at += 1) {
      const node = found[at]!;
      // Never a clause that would leave a negation out, nor a speech frame without its claim.
      if (node !== root && isStatement(tree, node) && tree.negators[node] === tree.negators[root] && !tree.rules.reportingVerbs.has(tree.lower[node]!)) return node;
      // Not into what a verb of saying or finding reports ("waiting … to confirm that X"): that is someone else's claim.
      if (node !== root && tree.rules.reportingVerbs.has(tree.lower[node]!)) continue;
      found.push(...tree.childrenWith(node, (relation) => CLAUSAL.has(relation) || relation === 'root'));
    }
    return root;
  }
  if (!tree.rules.reportingVerbs.has(tree.lower[root]!)) return root;
  // "X said (that) Y", "X said: Y" — but not "Divers found the body, …": a verb with an object of its own reports nothing.
  const hasObject = tree.childrenWith(root, (relation) => relation === 'obj' || relation === 'xcomp').length > 0;
  const claims = tree
    // (A claim after a comma may be taken for a second clause: "Adib berpandangan, | kamar jaga …".)
    .childrenWith(root, (relation) => relation === 'ccomp' || (relation === 'parataxis' && !hasObject) || relation === 'advcl' || (relation === 'conj' && !hasObject))
    .filter((child) => tree.relation(child) !== 'conj' || (tree.afterComma(child) && tree.childrenWith(child, (relation) => relation === 'cc').length === 0))
    .filter((child) => isStatement(tree, child) && (tree.relation(child) !== 'advcl' || (child > root && isComplementClause(tree, child))));
  if (claims.length === 0) return root;
  const claim = claims.reduce((largest, child) => (tree.subtree(child).length > tree.subtree(largest).length ? child : largest));
  return standsAlone(tree, root, claim) ? claim : root;
}

/**
 * Whether a reported claim can drop its frame: the frame holds no negation, the claim is not in
 * the first person (a quote keeps its speaker), and its subject is not, nor has, a pronoun whose
 * referent is in the frame ("A woman … says they are …", "The company said its profits …").
 */
function standsAlone(tree: Tree, frame: number, claim: number): boolean {
  if (tree.negators[frame]! > tree.negators[claim]!) return false;
  if (tree.subtree(claim).some((node) => tree.rules.firstPerson.has(tree.lower[node]!))) return false;
  return !tree.childrenWith(claim, (relation) => relation.startsWith('nsubj')).some(
    (subject) =>
      tree.rules.anaphors.includes(tree.lower[subject]!) ||
      tree.childrenWith(subject, (relation) => relation === 'nmod:poss').some((owner) => tree.rules.possessiveAnaphors.has(tree.lower[owner]!)),
  );
}

/**
 * Whether a word heads a clause that can stand as a sentence: a predicate with one subject
 * (Indonesian passives, "Dikisahkan …", may have none), not a relative clause (its subject is not
 * "yang", "which"), not a prepositional phrase, not a subordinate clause other than one of what is
 * said ("bahwa …", "that …"). A tree whose root fails this is misparsed more often than not.
 */
function isStatement(tree: Tree, node: number): boolean {
  const upos = tree.words[node]!.upos;
  const children = tree.children[node]!;
  const subjects = children.filter((child) => SUBJECTS.has(tree.relation(child)));
  if (subjects.length > 1) return false;
  if (subjects.some((subject) => tree.words[subject]!.upos === 'PRON' && RELATIVE_PRONOUNS.has(tree.lower[subject]!))) return false;
  // A year is no subject ("…, who had committed suicide on February 28, 2014 was sodomised"), nor a
  // span of time before or after something ("[20 years after his mother] died"): a misparse.
  if (subjects.some((subject) => YEAR.test(tree.lower[subject]!))) return false;
  if (subjects.some((subject) => tree.rules.timeWords.has(tree.lower[subject]!) && tree.subtree(subject).some((node) => tree.rules.sequenceMarkers.has(tree.lower[node]!)))) return false;
  // Nor is a phrase with a preposition a subject ("[In a study] published today"): a misparse.
  if (subjects.some((subject) => tree.childrenWith(subject, (relation) => relation === 'case').some((marker) => marker < subject))) return false;
  // A prepositional phrase is no predicate, unless with a copula ("The boy is in critical condition").
  if (children.some((child) => tree.relation(child) === 'case') && !hasCopula(tree, node)) return false;
  // "is to remain": the infinitive's "to" is no subordinator.
  const marks = children.filter((child) => tree.relation(child) === 'mark' && tree.words[child]!.upos !== 'PART').map((child) => tree.lower[child]!);
  // A clause with a subordinator is half a sentence ("Kalau semua dibiarkan …"); "bahwa", "that" only introduce one.
  if (marks.some((mark) => !tree.rules.complementizers.has(mark))) return false;
  // (An adjective with a subject and no copula is a predicate in Indonesian, "Harga cabai mahal", not in English: "A ship bound for …".)
  if (subjects.length === 1 && bareAdjective(tree, node)) return false;
  if (subjects.length === 1) return PREDICATES.has(upos) || upos === 'NOUN' || upos === 'PROPN' || upos === 'PRON' || upos === 'NUM' || hasCopula(tree, node);
  // Without a subject: an Indonesian passive verb ("Dikisahkan Gomez …", "Diketahui …").
  return upos === 'VERB' && /^di\p{L}{3}/u.test(tree.lower[node]!) && tree.rules === LANGUAGES.id.compression;
}

/**
 * Whether a word is an adjective with words of its own set after its noun in a language whose
 * adjectives go before it ("a probe [bound for the Moon]"): a clause cut short. Not a capitalised
 * one, which is part of a name ("Leeds United").
 */
function postNominal(tree: Tree, node: number): boolean {
  const noun = tree.parent[node]!;
  return tree.rules.adjectivesBeforeNouns && tree.relation(node) === 'amod' && noun >= 0 && node > noun && tree.children[node]!.length > 0 && tree.lower[node] === tree.words[node]!.form;
}

/**
 * Whether a word is an adjective with a subject and no copula in a language where that makes no
 * clause ("A ship [bound] for …" in English; "Harga cabai mahal" is one in Indonesian). A
 * capitalised one is a name's first word the tagger misread ("Tamil ← Nadu Government … unveiled").
 */
function bareAdjective(tree: Tree, node: number): boolean {
  if (tree.rules.bareAdjectivePredicates || tree.words[node]!.upos !== 'ADJ' || hasCopula(tree, node) || tree.lower[node] !== tree.words[node]!.form) return false;
  // With an auxiliary it is a verb the tagger misread ("Russia was ← compensating").
  if (tree.childrenWith(node, (relation) => relation === 'aux' || relation === 'aux:pass').length > 0) return false;
  return tree.hasSubject(node);
}

function hasCopula(tree: Tree, node: number): boolean {
  return tree.childrenWith(node, (relation) => relation === 'cop').length > 0;
}

/** Whether any word of the top's subtree other than below `except` is in the first person. */
function speaksInFirstPerson(tree: Tree, top: number, except: number): boolean {
  const excluded = new Set(tree.subtree(except));
  return tree.subtree(top).some((node) => !excluded.has(node) && tree.rules.firstPerson.has(tree.lower[node]!));
}

/** What to do with a dependent: keep it with its head, keep it until the budget needs the room, or drop it. */
type Decision = { keep: 'core' } | { keep: 'optional'; rank: number } | { keep: 'drop' };

/** Keeps `node` and decides on each of its dependents, recursively (the tree is at most {@link MAX_TREE_WORDS} deep). */
function include(tree: Tree, node: number, keep: Uint8Array, optional: Optional[], top: number): void {
  keep[node] = 1;
  for (const child of tree.children[node]!) {
    // A mark is placed by what it stands between (see keepPunctuation), unless the parser hung words from it.
    if (tree.isPunct(child) && tree.children[child]!.length === 0) continue;
    const decision = decide(tree, node, child, top);
    if (decision.keep === 'drop') continue;
    if (decision.keep === 'optional') optional.push({ node: child, rank: decision.rank, depth: tree.depth[child]! });
    include(tree, child, keep, optional, top);
  }
}

/** The rules, one relation at a time: what a headline editor does with `child`, a dependent of `head`. */
function decide(tree: Tree, head: number, child: number, top: number): Decision {
  const rules = tree.rules;
  const relation = tree.relation(child);
  const kind = relation.split(':')[0]!;
  const word = tree.lower[child]!;
  // What holds a negation stays, or the bullet would say the opposite.
  if (tree.negators[child]! > 0) return { keep: 'core' };
  // The month or weekday of a date stays with its day: "13" alone says nothing.
  if (tree.words[head]!.upos === 'NUM' && rules.timeWords.has(word)) return { keep: 'core' };
  // A clitic stays with its host ("membeli|nya", "do|n't"), a piece of a written word with the rest of it ("UK-|based").
  if (splitsWord(tree, child)) return { keep: 'core' };
  const fronted = head === top && tree.firstOf(child) < Math.min(top, subjectStart(tree, top));

  // The top's own function words that tie it to a sentence no longer there: "that" of a claim, an opening "But".
  // (An infinitive's "to" is no such word: "The goal is [to] engage researchers".)
  // (Not a coordinator right before the top, after its subject has begun: it joins the subject's
  // clause to the top's, as the parser hung them — "Budi adalah direktur … [dan] pernah menjabat …".)
  const joinsClauses = kind === 'cc' && head === top && joinsSubjectClause(tree, child, top);
  if (head === top && (kind === 'mark' || kind === 'cc') && child < top && !joinsClauses && tree.words[child]!.upos !== 'PART') return rules.conditionMarkers.has(word) ? { keep: 'core' } : { keep: 'drop' };
  if (kind === 'cc' && head === top && !joinsClauses) return { keep: 'drop' };
  // A speech frame after its claim ("…, kata Aroso", "…, police said"), whatever the parser
  // called it, goes — but a first-person claim keeps its speaker ("“Saya …,” kata Aroso").
  // ("jelas" is a verb of saying only as a verb: "kontrak kerja harus jelas" is a claim.)
  if (child > head && FRAME_RELATIONS.has(kind) && rules.reportingVerbs.has(word) && tree.words[child]!.upos !== 'ADJ' && tree.hasSubject(child)) {
    return speaksInFirstPerson(tree, top, child) ? { keep: 'core' } : { keep: 'drop' };
  }
  // What a verb of saying or opinion with no object of its own says, set after a comma and taken
  // for a second clause ("Adib berpandangan, | pemerintah seharusnya …"): its complement.
  if (child > head && (kind === 'conj' || kind === 'parataxis' || kind === 'advcl') && (rules.reportingVerbs.has(tree.lower[head]!) || rules.opinionVerbs.has(tree.lower[head]!))) {
    const objectless = tree.childrenWith(head, (other) => other === 'obj' || other === 'xcomp' || other === 'ccomp').length === 0;
    const unlinked = tree.childrenWith(child, (other) => other === 'cc' || other === 'mark').length === 0;
    if (objectless && unlinked && tree.afterComma(child)) return { keep: 'core' };
  }
  // A word of a two-part construction stays with its head ("tidak hanya", "tetapi juga",
  // "semakin"); if the other part cannot, the sentence is not used (see keepPairs).
  if (pairsOf(tree).some((group) => group.includes(child))) return { keep: 'core' };
  // A title or description before a name ("Director Martin Scorsese", "Insurance regulator IRDA") goes, as an appositive does.
  // (Not a capitalised word inside the sentence, part of the name — "Old Country Road" — nor a
  // phrase with a preposition of its own, a misparse of the subject — "[Demolition of the building
  // on Old Country] ← Road".)
  if ((kind === 'compound' || kind === 'amod') && child < head && tree.words[head]!.upos === 'PROPN' && tree.words[child]!.upos === 'NOUN' && !partOfName(tree, child)) return { keep: 'drop' };
  if (CORE.has(relation)) return { keep: 'core' };
  // What completes an adjective set after its noun stays with it ("bound [for the Moon]"): the two go together.
  if (postNominal(tree, head) && (kind === 'obl' || kind === 'advmod' || kind === 'xcomp')) return { keep: 'core' };
  // A word in capitals inside the sentence, where only names take them, is a name the tagger read
  // as a word ("Mohamed ← Salah", "menilai Salah adalah …"): kept as names are.
  if (rules.capitalsMarkNames && (kind === 'amod' || kind === 'advmod') && child > firstContent(tree) && /^\p{Lu}\p{Ll}/u.test(tree.words[child]!.form)) return { keep: 'core' };
  // A place name's first part taken for a title before it ("St. | John", "Mount | Sinai"): part of the name.
  if (kind === 'nmod' && child === head - 1 && rules.placeNamePrefixes.has(word) && tree.words[head]!.upos === 'PROPN') return { keep: 'core' };
  // A name in quotation marks right after its noun is what the noun is called (dengan tema
  // "Kampung Teh", the film "Leave the World Behind"): without it the noun promises more.
  if (kind === 'appos' && tree.words[head]!.upos === 'NOUN' && OPENING_OR_STRAIGHT_QUOTES.has(tree.words[head + 1]?.form ?? '') && tree.firstOf(child) === head + 2) return { keep: 'core' };
  if (DROPPED.has(relation)) return { keep: 'drop' };
  switch (kind) {
    case 'advmod':
      return rules.keptAdverbs.has(word) && !fronted ? { keep: 'core' } : { keep: 'drop' };
    case 'advcl':
      // Where the words were taken from is no part of them ("…, kata Pusarla [dikutip JUARA.net dari Firstpost]").
      if (isAttribution(tree, child)) return { keep: 'drop' };
      // What the object is made into ("menyulap smartphone biasa [jadi laptop]") completes the verb.
      if (child > head && rules.resultVerbs.has(word) && tree.childrenWith(head, (relation) => relation === 'obj').some((object) => object < child)) return { keep: 'core' };
      // A condition changes what is claimed; other adverbial clauses (time, reason, concession) add
      // to it. One opened by "bahwa", "that" is what a verb says, taken for an adverbial by the parser.
      if (isCondition(tree, child) || isComplementClause(tree, child)) return { keep: 'core' };
      // A predicate without a subject ("Penting bagi X untuk …") says its point in its clauses.
      if (head === top && !tree.hasSubject(top) && !fronted) return { keep: 'core' };
      if (fronted || child < head || isExample(tree, child)) return { keep: 'drop' };
      // What the verb is about ("accused of embezzling", "arrested for shooting"), and a purpose,
      // often the point of the action ("… come together to pay tribute to Mandela"), stay while
      // the budget allows, as a complement does; what happened before or after ("died after he
      // lost control of his car") goes first.
      if (markedBy(tree, child, tree.rules.clausePrepositions) || markedBy(tree, child, tree.rules.purposeMarkers)) return { keep: 'optional', rank: DROP_ORDER.nearPhrase };
      if (markedBy(tree, child, tree.rules.sequenceMarkers)) return { keep: 'optional', rank: DROP_ORDER.farPhrase };
      // A noun with a preposition is a phrase, whatever the parser called it ("berkat kemenangan Marin").
      if (tree.isNominal(child)) return { keep: 'optional', rank: DROP_ORDER.farPhrase };
      return { keep: 'drop' };
    case 'conj':
      return decideConjunct(tree, head, child);
    case 'cc':
      return { keep: 'core' };
    case 'acl':
      if (isExample(tree, child) || precededByComma(tree, child)) return { keep: 'drop' };
      // What the first, second or only one did is the point ("the second person [to climb Everest …]").
      if (tree.children[head]!.some((modifier) => rules.ordinals.has(tree.lower[modifier]!))) return { keep: 'core' };
      // A subject that is a bare noun is who or what the clause says it is ("Pasar [yang terendam]
      // adalah …", "People [who smoke] …"): without it the subject says nothing.
      if (SUBJECTS.has(tree.relation(head)) && tree.parent[head] === top && tree.words[head]!.upos === 'NOUN' && tree.children[head]!.every((other) => other === child || tree.isPunct(other))) return { keep: 'core' };
      return { keep: 'optional', rank: DROP_ORDER.clause };
    case 'amod':
      // "the second person", "the only country": without it the claim is another one.
      if (rules.ordinals.has(word)) return { keep: 'core' };
      // An adjective after its noun where adjectives go before it is a clause cut short ("a probe
      // [bound for the Moon]"): it goes first, whole, as a relative clause does.
      if (postNominal(tree, child)) return { keep: 'optional', rank: DROP_ORDER.clause };
      return head === top ? { keep: 'core' } : { keep: 'optional', rank: DROP_ORDER.adjective };
    case 'nmod':
      if (isTime(tree, child) || isExample(tree, child) || isAttribution(tree, child)) return { keep: 'drop' };
      // A noun modifying a noun without a preposition is part of its name ("kebijakan luar negeri",
      // "transportasi online"), and so is one with a genitive ("the Association of Computational Linguistics").
      const cases = tree.childrenWith(child, (relation) => relation === 'case').map((marker) => tree.lower[marker]!);
      if (cases.length === 0 || cases.some((marker) => rules.genitiveMarkers.has(marker))) return { keep: 'core' };
      return { keep: 'optional', rank: tree.depth[child]! - tree.depth[top]! > 2 ? DROP_ORDER.farPhrase : DROP_ORDER.nounPhrase };
    case 'obl':
      if (fronted || isTime(tree, child) || isExample(tree, child) || isAttribution(tree, child)) return { keep: 'drop' };
      // The role a verb gives ("pernah menjabat [sebagai direktur BCI Asia]", "served [as mayor]") completes it.
      if (child > head && tree.words[head]!.upos === 'VERB' && tree.childrenWith(child, (relation) => relation === 'case').some((marker) => rules.roleMarkers.has(tree.lower[marker]!))) return { keep: 'core' };
      return { keep: 'optional', rank: isNearPhrase(tree, head, child) ? DROP_ORDER.nearPhrase : DROP_ORDER.farPhrase };
    default:
      return { keep: 'optional', rank: DROP_ORDER.farPhrase };
  }
}

/**
 * Whether a coordinator hung from the top joins the clause the parser took for the top's subject to
 * the top's own ("Budi adalah direktur … [dan] pernah menjabat …"): it stands after the subject has
 * begun, with nothing between it and the top but the top's adverbs and auxiliaries.
 */
function joinsSubjectClause(tree: Tree, coordinator: number, top: number): boolean {
  if (coordinator <= subjectStart(tree, top) || coordinator >= top) return false;
  for (let between = coordinator + 1; between < top; between += 1) {
    if (tree.parent[between] !== top || !/^(?:advmod|aux|aux:pass|punct)$/u.test(tree.relation(between))) return false;
  }
  return true;
}

/** Where the top's subject starts (the sentence's length when it has none). */
function subjectStart(tree: Tree, top: number): number {
  const subjects = tree.childrenWith(top, (relation) => SUBJECTS.has(relation));
  return subjects.length === 0 ? tree.size : Math.min(...subjects.map((subject) => tree.firstOf(subject)));
}

/**
 * Whether a noun before a name is part of it (capitalised inside the sentence) or heads a phrase
 * of running text with a preposition of its own. (A phrase in title case is a title or a heading
 * run into the sentence — "[State of the Anthology] The ACL Anthology was proposed" — and goes.)
 */
function partOfName(tree: Tree, noun: number): boolean {
  if (noun > firstContent(tree) && /^\p{Lu}/u.test(tree.words[noun]!.form)) return true;
  const phrase = tree.subtree(noun);
  const running = phrase.some((node) => /^(?:NOUN|VERB|ADJ)$/u.test(tree.words[node]!.upos) && /^\p{Ll}/u.test(tree.words[node]!.form));
  return running && phrase.some((node) => tree.relation(node) === 'case');
}

/**
 * A conjunct: a nominal one is part of a list and stays (dropping a list's end overclaims); a
 * clause joined by a contrast ("…, tetapi …", "…, but …") is the other half of the point and
 * stays; any other coordinated clause is a claim of its own, and goes.
 */
function decideConjunct(tree: Tree, head: number, child: number): Decision {
  // A name or noun coordinated with a verb is a misparse, not a list; so is one set after a
  // predicate with a comma and no coordinator ("… hopeful for a full recovery, | James Maron").
  if (!tree.isClause(child) && tree.words[head]!.upos === 'VERB') return { keep: 'drop' };
  // (Not an item of a list: "… adalah Ratu Tisha Destria, T. Alvin Papatria, … dan Norman Tri Aprianto".)
  const verbal = tree.words[head]!.upos === 'VERB' || tree.words[head]!.upos === 'ADJ';
  if (tree.isNominal(child) && verbal && !tree.headsList(head) && !tree.isClause(child) && tree.isClause(head) && tree.childrenWith(child, (relation) => relation === 'cc').length === 0 && tree.afterComma(child)) return { keep: 'drop' };
  if (!tree.isClause(child) || !tree.isClause(head)) return { keep: 'core' };
  const coordinators = tree.childrenWith(child, (relation) => relation === 'cc').map((cc) => tree.lower[cc]!);
  if (coordinators.some((cc) => tree.rules.contrastCoordinators.has(cc))) return { keep: 'core' };
  // Predicates that share the subject and are not verbs ("besar dan kuat") stay together, and so
  // do verbs that share their complement ("identify and improve upon a number of decisions").
  if (!tree.hasSubject(child) && tree.words[child]!.upos !== 'VERB') return { keep: 'core' };
  if (!tree.hasSubject(child) && tree.childrenWith(head, (relation) => /^(?:obj|ccomp|xcomp|obl)/u.test(relation)).length === 0) return { keep: 'core' };
  return { keep: 'drop' };
}

/** Whether a clause states a condition: its marker or first word is one ("jika …", "unless …"). */
function isCondition(tree: Tree, clause: number): boolean {
  const markers = tree.childrenWith(clause, (relation) => relation === 'mark' || relation === 'advmod').map((marker) => tree.lower[marker]!);
  return markers.some((marker) => tree.rules.conditionMarkers.has(marker)) || tree.rules.conditionMarkers.has(tree.lower[tree.firstOf(clause)]!);
}

/** Whether a clause is what is said or known: opened by "bahwa", "that", or by nothing at all after a verb of saying. */
function isComplementClause(tree: Tree, clause: number): boolean {
  const marks = tree.childrenWith(clause, (relation) => relation === 'mark').map((marker) => tree.lower[marker]!);
  if (marks.length === 0) return tree.rules.reportingVerbs.has(tree.lower[tree.parent[clause]!] ?? '');
  return marks.every((mark) => tree.rules.complementizers.has(mark));
}

/** Whether a clause's marker (or, without one, its first word) is one of `markers`. */
function markedBy(tree: Tree, clause: number, markers: ReadonlySet<string>): boolean {
  const marks = tree.childrenWith(clause, (relation) => relation === 'mark' || relation === 'case');
  return marks.length > 0 ? marks.some((marker) => markers.has(tree.lower[marker]!)) : markers.has(tree.lower[tree.firstOf(clause)]!);
}

/**
 * Whether a phrase is an example or an elaboration ("seperti …", "such as …", "including …"), or
 * a concession or circumstance ("despite …", "due to …", "seiring …"): either way it adds to the
 * claim without changing it.
 */
function isExample(tree: Tree, phrase: number): boolean {
  const first = tree.firstOf(phrase);
  return [...tree.rules.exampleMarkers, ...tree.rules.adjunctMarkers].some((marker) => tree.spells(first, marker) > 0);
}

/** Whether a phrase attributes a claim ("according to X"). */
function isAttribution(tree: Tree, phrase: number): boolean {
  return tree.rules.attributionMarkers.has(tree.lower[tree.firstOf(phrase)]!);
}

/** Whether a phrase is about when: headed by a word of time, or opened by a preposition of time. */
function isTime(tree: Tree, phrase: number): boolean {
  const rules = tree.rules;
  const markers = tree.childrenWith(phrase, (relation) => relation === 'case' || relation === 'mark').map((marker) => tree.lower[marker]!);
  // A number of units of time without a preposition is a measure ("berusia setengah abad", "aged 56 years"), not a when.
  const measure = markers.length === 0 && tree.childrenWith(phrase, (relation) => relation === 'nummod' || relation === 'det').some((count) => tree.words[count]!.upos === 'NUM' || /^(?:setengah|separuh|half|a|an)$/u.test(tree.lower[count]!));
  if (rules.timeWords.has(tree.lower[phrase]!)) return !measure;
  if (markers.some((marker) => rules.timeMarkers.has(marker))) return true;
  // A day of a month: "on April 13, 2014", "on Friday March 14", "pada 22 November".
  if (tree.words[phrase]!.upos === 'NUM' && tree.children[phrase]!.some((child) => rules.timeWords.has(tree.lower[child]!))) return true;
  // A year: "in 2013", "pada 1998".
  return YEAR.test(tree.lower[phrase]!) && markers.length > 0;
}

/** Whether a clause or phrase follows a comma: set off, so not needed to say which thing is meant. */
function precededByComma(tree: Tree, node: number): boolean {
  const before = tree.firstOf(node) - 1;
  return before >= 0 && tree.isPunct(before) && /^[,;]$/u.test(tree.words[before]!.form);
}

/**
 * Whether a phrase is the first to follow its predicate (after its object, if any): the place of a
 * complement ("died after being overpowered by …", "menargetkan pebalap dari 30 negara").
 */
function isNearPhrase(tree: Tree, head: number, phrase: number): boolean {
  if (phrase < head) return false;
  const between = tree.children[head]!.filter((child) => child > head && child < phrase && !tree.isPunct(child));
  return between.every((child) => CORE.has(tree.relation(child)));
}

/** Whether the subtree of `node` may go: it holds no negator, no part of a word outside it, no half of a pair without the other. */
function droppable(tree: Tree, keep: Uint8Array, node: number): boolean {
  if (tree.negators[node]! > 0) return false;
  const inside = new Set(tree.subtree(node));
  for (const group of wordGroups(tree)) if (group.some((index) => inside.has(index)) && group.some((index) => !inside.has(index) && keep[index])) return false;
  return pairsOf(tree).every((group) => !group.some((word) => inside.has(word)) || !group.some((word) => !inside.has(word) && keep[word]));
}

const pairCache = new WeakMap<Tree, number[][]>();

/**
 * The two-part constructions of the sentence, each as the words of both parts: "tidak hanya …
 * tetapi juga", "semakin … semakin", "not only … but also", "so … that".
 */
function pairsOf(tree: Tree): number[][] {
  let pairs = pairCache.get(tree);
  if (pairs) return pairs;
  pairs = [];
  for (let start = 0; start < tree.size; start += 1) {
    for (const pair of tree.rules.pairs) {
      const firstLength = tree.spells(start, pair.first);
      if (firstLength === 0) continue;
      const group = Array.from({ length: firstLength }, (_, offset) => start + offset);
      for (let next = start + firstLength; next < tree.size; next += 1) {
        const secondLength = Math.max(0, ...pair.second.map((phrase) => tree.spells(next, phrase)));
        if (secondLength === 0) continue;
        for (let offset = 0; offset < secondLength; offset += 1) group.push(next + offset);
        pairs.push(group);
        break;
      }
    }
  }
  pairCache.set(tree, pairs);
  return pairs;
}

/**
 * Whether every two-part construction is kept whole or dropped whole. One whose parts the pruning
 * split ("semakin tinggi …, [semakin besar …]") is not mended by bringing back the branch that
 * holds the other part, which reads as a jumble more often than not: the sentence is not used.
 */
function keepPairs(tree: Tree, keep: Uint8Array): boolean {
  return pairsOf(tree).every((group) => group.every((word) => keep[word]) || !group.some((word) => keep[word]));
}

/**
 * Keeps every part of a written word one of whose parts is kept: the words of a multiword token
 * ("peran|nya", "do|n't") and the pieces of a word written without spaces between them
 * ("7-year-old", "UK-based", "$30.6"), all but the punctuation at its edges ("Nutella,”"). False
 * when a word cannot be kept whole without breaking the tree.
 */
function keepWholeTokens(tree: Tree, keep: Uint8Array, top: number): boolean {
  const inTop = new Set(tree.subtree(top));
  for (const group of wordGroups(tree)) {
    const missing = group.filter((index) => !keep[index]);
    if (missing.length === 0 || missing.length === group.length) continue;
    if (missing.every((index) => inTop.has(index))) {
      // Each missing piece comes back with the words between it and the kept tree, so the tree stays whole.
      for (let node of missing) {
        while (node >= 0 && !keep[node]) {
          keep[node] = 1;
          node = tree.parent[node]!;
        }
      }
    } else {
      // A piece lies outside the bullet's subtree ("MT-|Tri is better"): the pieces of one written
      // word hang together from its kept piece, as UD's goeswith does, unless one of them is above
      // it in the tree, which no bullet can mend.
      const anchor = group.find((index) => keep[index])!;
      const above = new Set<number>();
      for (let node = tree.parent[anchor]!; node >= 0; node = tree.parent[node]!) above.add(node);
      if (!missing.some((index) => above.has(index))) {
        for (const index of missing) {
          tree.parent[index] = anchor;
          tree.relations[index] = 'goeswith';
          keep[index] = 1;
        }
        tree.relink();
        continue;
      }
      return false;
    }
  }
  return true;
}

const groupCache = new WeakMap<Tree, Int32Array>();

/** Whether the subtree of `node` holds part of a written word and not the rest of it. */
function splitsWord(tree: Tree, node: number): boolean {
  let groupOf = groupCache.get(tree);
  if (!groupOf) {
    groupOf = new Int32Array(tree.size).fill(-1);
    wordGroups(tree).forEach((group, number) => group.forEach((index) => (groupOf![index] = number)));
    groupCache.set(tree, groupOf);
  }
  const inside = tree.subtree(node);
  const groups = new Set(inside.map((index) => groupOf![index]!).filter((group) => group >= 0));
  if (groups.size === 0) return false;
  const members = new Set(inside);
  for (let index = 0; index < tree.size; index += 1) if (groups.has(groupOf[index]!) && !members.has(index)) return true;
  return false;
}

/**
 * The written words of more than one syntactic word: runs without spaces or separating marks
 * between them ("7-year-old", "U.S.-led", "don't"), less the punctuation at their edges.
 */
function wordGroups(tree: Tree): number[][] {
  const groups: number[][] = [];
  const words = tree.words;
  const joined = (index: number) =>
    words[index]!.token === words[index - 1]!.token ||
    (words[index]!.start === words[index - 1]!.end && !isEdgeMark(words[index]!.form) && !isEdgeMark(words[index - 1]!.form)) ||
    (words[index]!.start === words[index - 1]!.end && words[index + 1]?.start === words[index]!.end && JOINERS.test(words[index]!.form)) ||
    (words[index]!.start === words[index - 1]!.end && JOINERS.test(words[index - 1]!.form) && index > 1 && words[index - 1]!.start === words[index - 2]!.end);
  let start = 0;
  for (let index = 1; index <= tree.size; index += 1) {
    if (index < tree.size && joined(index)) continue;
    let first = start;
    let last = index - 1;
    while (first < last && isEdgeMark(words[first]!.form)) first += 1;
    while (last > first && isEdgeMark(words[last]!.form)) last -= 1;
    if (last > first) groups.push(Array.from({ length: last - first + 1 }, (_, offset) => first + offset));
    start = index;
  }
  return groups;
}

/** Punctuation that separates words, or stands at the edge of one without being part of it: quotes, brackets, commas, full stops, dashes. */
function isEdgeMark(form: string): boolean {
  return /^[\p{Ps}\p{Pe}\p{Pi}\p{Pf}"'`,.;:!?…–—]+$/u.test(form) || /^-{2,}$/u.test(form);
}

/** Marks that join the words either side of them into one ("long-term", "and/or", "AT&T", "U.S."). */
const JOINERS = /^(?:-|\/|&|'|’|\.)$/u;

/**
 * Keeps the punctuation a bullet needs: a mark between two kept words with nothing dropped around
 * it (the commas of a kept list, a slash, a hyphen), quotation marks and brackets in pairs around
 * kept words when words outside them are kept too, and the comma before a kept speech frame that
 * follows its claim ("…,” kata Aroso"). Marks that end a sentence go.
 */
function keepPunctuation(tree: Tree, keep: Uint8Array, top: number): void {
  const words = tree.words;
  const contentBefore = (index: number) => {
    let at = index - 1;
    while (at >= 0 && tree.isPunct(at)) at -= 1;
    return at;
  };
  const contentAfter = (index: number) => {
    let at = index + 1;
    while (at < tree.size && tree.isPunct(at)) at += 1;
    return at;
  };
  const paired = new Set<number>();
  for (const [open, close] of markPairs(tree)) {
    paired.add(open);
    paired.add(close);
    let inside = false;
    let outside = false;
    for (let index = 0; index < tree.size; index += 1) {
      if (!keep[index] || tree.isPunct(index)) continue;
      if (index > open && index < close) inside = true;
      else outside = true;
    }
    if (inside && outside) keep[open] = keep[close] = 1;
  }
  const isMark = (index: number) => paired.has(index) || QUOTES.has(words[index]!.form) || BRACKETS.has(words[index]!.form) || CLOSING_BRACKETS.has(words[index]!.form);
  for (let index = 0; index < tree.size; index += 1) {
    if (!tree.isPunct(index) || isMark(index) || FINAL_MARKS.test(words[index]!.form)) continue;
    const before = contentBefore(index);
    const after = contentAfter(index);
    if (before < 0 || after >= tree.size || !keep[before] || !keep[after]) continue;
    // No lone comma between a subject and its predicate: the appositive it closed is gone ("Patrik Berger[, …,] menilai").
    const predicate = ['aux', 'aux:pass', 'cop'].includes(tree.relation(after)) && tree.parent[after]! >= 0 ? tree.parent[after]! : after;
    // (One that closes a kept aside opened by a comma stays: "Scott Perry, R-4, will host".)
    const closesSubject = tree
      .childrenWith(predicate, (relation) => SUBJECTS.has(relation))
      .some((subject) => {
        const phrase = subject < after ? tree.subtree(subject) : [];
        return phrase.includes(before) && !phrase.some((node) => node < index && keep[node] && words[node]!.form === ',');
      });
    if (!closesSubject) keep[index] = 1;
  }
  // "Saya tidak bertemu," kata Aris: the comma that ends a kept claim before its kept frame,
  // whatever of the claim's end went ("… bermain bagus [terus-menerus], " kata Pusarla"), with the
  // frame below the claim or the claim below the frame ("I wanted …[ to the world]," Loeb wrote).
  const keepCommaBefore = (start: number, after: number) => {
    for (let index = start - 1; index > after && tree.isPunct(index); index -= 1) if (words[index]!.form === ',') keep[index] = 1;
  };
  for (const frame of tree.childrenWith(top, (relation) => relation === 'parataxis')) if (keep[frame]) keepCommaBefore(tree.firstOf(frame), top);
  if (tree.rules.reportingVerbs.has(tree.lower[top]!)) {
    for (const claim of tree.childrenWith(top, (relation) => relation === 'ccomp' || relation === 'parataxis')) {
      if (!keep[claim] || claim > top) continue;
      const claimEnd = Math.max(...tree.subtree(claim).filter((node) => keep[node] && !tree.isPunct(node)));
      const frameStart = Math.min(top, ...tree.childrenWith(top, (relation) => SUBJECTS.has(relation)).filter((subject) => subject > claimEnd).map((subject) => tree.firstOf(subject)));
      keepCommaBefore(frameStart, claimEnd);
    }
  }
}

const markCache = new WeakMap<Tree, [number, number][]>();

/** Quotation marks and brackets in pairs: [opening, closing] word indices. */
function markPairs(tree: Tree): [number, number][] {
  let pairs = markCache.get(tree);
  if (pairs) return pairs;
  const found: [number, number][] = [];
  const openBrackets: number[] = [];
  let openQuote = -1;
  tree.words.forEach((word, index) => {
    const form = word.form;
    if (BRACKETS.has(form)) openBrackets.push(index);
    else if (CLOSING_BRACKETS.has(form)) {
      const open = openBrackets.pop();
      if (open !== undefined && BRACKETS.get(tree.words[open]!.form) === form) found.push([open, index]);
    } else if (QUOTES.has(form) && tree.isPunct(index)) {
      if (openQuote < 0 && !CLOSING_QUOTES.has(form)) openQuote = index;
      else if (openQuote >= 0 && !OPENING_QUOTES.has(form)) {
        found.push([openQuote, index]);
        openQuote = -1;
      }
    }
  });
  pairs = found;
  markCache.set(tree, pairs);
  return pairs;
}

/**
 * The kept words as the source spaces them: words with nothing deleted between them keep what
 * stood between them; across a deletion, one space — except that a mark written against the word
 * before it (a closing quotation mark, a comma) or after it (an opening one) stays against it.
 */
function render(sentence: ParsedSentence, kept: readonly number[]): string {
  const text = sentence.text;
  let result = '';
  kept.forEach((index, position) => {
    const word = sentence.words[index]!;
    if (position > 0) {
      const previous = sentence.words[kept[position - 1]!]!;
      const gap = text.slice(previous.end, word.start);
      const touchesPrevious = !/^\s/u.test(text.slice(word.start - 1, word.start)) && /^\p{P}+$/u.test(word.form);
      const touchesNext = !/^\s/u.test(text.slice(previous.end, previous.end + 1)) && /^\p{P}+$/u.test(previous.form);
      const opens = /^[\p{Ps}\p{Pi}"'“‘]+$/u.test(previous.form);
      // Words were dropped between them: where the gap held a space, so does the bullet
      // (`one," said` → `one, said`), unless a mark clings to its word; where it held none, two words
      // still need one ("No...that's" → "No that's").
      const spaced = /^\s*$/u.test(gap) ? gap !== '' : /\s/u.test(gap) ? !touchesPrevious && !(touchesNext && opens) : !touchesPrevious && !touchesNext;
      if (spaced) result += ' ';
    }
    result += word.form;
  });
  return result.trim();
}

/** The bullet's length in words, as it stands with the words now kept. */
function countKept(sentence: ParsedSentence, tree: Tree, keep: Uint8Array): number {
  const kept = [...keep.keys()].filter((index) => keep[index] && !tree.isPunct(index));
  return wordCount(render(sentence, kept));
}

/**
 * English "a"/"an" agree with the word after them: when the words deleted after a kept article leave
 * it before a word it does not agree with ("an unmanned spacecraft" → "an spacecraft"), the deleted
 * words come back. Judged by the first letter (a vowel takes "an"), and only where the article
 * agreed with the word it stood before, so that "a university" or "an hour" are never touched.
 */
function keepArticleAgreement(tree: Tree, keep: Uint8Array): void {
  const wantsAn = (index: number) => /^[aeiou]/u.test(tree.lower[index] ?? '');
  for (let article = 0; article + 1 < tree.size; article += 1) {
    const form = tree.lower[article];
    if (!keep[article] || (form !== 'a' && form !== 'an') || keep[article + 1]) continue;
    let next = article + 1;
    while (next < tree.size && !keep[next]) next += 1;
    if (next >= tree.size || tree.isPunct(next)) continue;
    const agreedBefore = (form === 'an') === wantsAn(article + 1);
    const agreesNow = (form === 'an') === wantsAn(next);
    if (agreedBefore && !agreesNow) for (let between = article + 1; between < next; between += 1) keep[between] = 1;
  }
}

/** Why the bullet cannot be used, if it cannot. */
function unfitness(sentence: ParsedSentence, tree: Tree, keep: Uint8Array, kept: readonly number[], top: number, quoted: boolean): Unfit | undefined {
  const rules = tree.rules;
  const content = kept.filter((index) => !tree.isPunct(index));
  const first = content[0];
  if (first === undefined) return 'empty';
  const opening = firstContent(tree);
  if (/[?？]["”’»)]*\s*$/u.test(sentence.text) || rules.questionOpeners.has(tree.lower[opening]!)) return 'question';
  if (rules.teaserOpeners.some((phrase) => tree.spells(opening, phrase) > 0)) return 'teaser';
  for (let start = 0; start < tree.size; start += 1) if (rules.teaserPhrases.some((phrase) => tree.spells(start, phrase) > 0)) return 'teaser';
  if (!isStatement(tree, top)) return 'no-predicate';
  // What a kept frame says must be a statement too ("A cargo ship [bound] …, the company said": no verb).
  if (tree.childrenWith(top, (relation) => relation === 'ccomp').some((claim) => keep[claim] && bareAdjective(tree, claim))) return 'no-predicate';
  if (endsUnfinished(tree, content)) return 'cut-short';
  if ((opensWith(tree, content, rules.connectives) && !opensPair(tree, keep, first)) || (rules.commaConnectives.has(tree.lower[first]!) && tree.words[first + 1]?.form === ',')) return 'connective-opener';
  if (onlyFrame(tree, keep, top)) return 'no-predicate';
  // Someone's words in the first person need the speaker, whatever part of them the bullet keeps
  // ("Bergabungnya Astro Gaming [bersama kami] …" is still the speaker's claim).
  const quote = quoted || isQuote(sentence, tree);
  if (quote && tree.lower.some((word) => rules.firstPerson.has(word)) && !keepsSpeaker(tree, keep)) return 'unattributed-quote';
  // Last, so that it is the bullet's only defect when it is given: a deck may still show the
  // bullet right after the sentence it points back to.
  if (opensWith(tree, content, rules.anaphors) || danglingSubject(tree, top, keep)) return 'dangling-reference';
  return undefined;
}

/**
 * Whether all the bullet says is who spoke: a reporting verb with its subject, its claim gone
 * ("Charlotte continued" of "Charlotte continued: 'She could hear …'").
 */
function onlyFrame(tree: Tree, keep: Uint8Array, top: number): boolean {
  if (top < 0 || (!tree.rules.reportingVerbs.has(tree.lower[top]!) && !tree.rules.opinionVerbs.has(tree.lower[top]!))) return false;
  // (A frame of its own says nothing either: "Kami harap, ujar Bupati …".)
  const frame = (child: number) => child > top && tree.rules.reportingVerbs.has(tree.lower[child]!) && FRAME_RELATIONS.has(tree.relation(child).split(':')[0]!);
  return tree.children[top]!.every((child) => !keep[child] || tree.isPunct(child) || SUBJECTS.has(tree.relation(child)) || FUNCTION_RELATIONS.has(tree.relation(child)) || tree.relation(child) === 'advmod' || frame(child));
}

/**
 * Whether the bullet's first word opens a two-part construction kept whole, before the word it
 * grades ("[So] many Americans will be overweight [that] …"): the first half, not a connective.
 */
function opensPair(tree: Tree, keep: Uint8Array, first: number): boolean {
  const graded = tree.words[first + 1]?.upos;
  return (graded === 'ADJ' || graded === 'ADV' || graded === 'DET') && pairsOf(tree).some((group) => group[0] === first && group.every((word) => keep[word]));
}

/** The first word of the sentence that is not punctuation. */
function firstContent(tree: Tree): number {
  let at = 0;
  while (at < tree.size - 1 && tree.isPunct(at)) at += 1;
  return at;
}

/** Whether the kept words open with one of the phrases (matched on consecutive kept words). */
function opensWith(tree: Tree, content: readonly number[], phrases: readonly string[]): boolean {
  return phrases.some((phrase) => wordsOf(phrase).every((part, offset) => tree.lower[content[offset] ?? -1] === part));
}

/**
 * The words of a phrase of the word lists, split once: every sentence is matched against the same
 * few hundred phrases, and splitting them anew each time was a tenth of the condenser's time.
 */
const PHRASE_WORDS = new Map<string, readonly string[]>();
/** How many words from `start` of `lower` (lower-case words) spell `phrase` (words separated by spaces); 0 when they do not. */
function spelledAt(lower: readonly string[], start: number, phrase: string): number {
  const parts = wordsOf(phrase);
  return parts.every((part, offset) => lower[start + offset] === part) ? parts.length : 0;
}

function wordsOf(phrase: string): readonly string[] {
  let words = PHRASE_WORDS.get(phrase);
  if (!words) PHRASE_WORDS.set(phrase, (words = phrase.split(' ')));
  return words;
}

/** Parts of speech that cannot end a statement: they tie what comes before to what comes after. */
const LINKING_WORDS = new Set(['ADP', 'SCONJ', 'CCONJ', 'DET', 'AUX']);

/**
 * Whether the bullet stops on a word that promises more, where the sentence went on: a preposition,
 * a conjunction, a determiner before its noun, an auxiliary, or a relative word ("… the first of what", "… house
 * prices that"). The parser hung the rest elsewhere, so pruning it left the word alone. A verb's
 * particle ("came in") ends a statement well.
 */
function endsUnfinished(tree: Tree, content: readonly number[]): boolean {
  const last = content.at(-1);
  if (last === undefined) return false;
  // A word of focus whose object went ("Mirabook tak cuma [dapat …]", "only"), whatever the tagger made of it.
  if (tree.rules.focusAdverbs.has(tree.lower[last]!)) return true;
  // The source itself stops on a linking word ("… working on both character and", its end in the
  // next paragraph): no sentence, whatever is kept.
  // (A preposition may end one: "The mayor gave in.")
  if (last >= lastContent(tree)) return last === lastContent(tree) && (tree.words[last]!.upos === 'CCONJ' || tree.words[last]!.upos === 'SCONJ');
  if (tree.relation(last) === 'compound:prt') return false;
  const upos = tree.words[last]!.upos;
  // A determiner after its noun closes the phrase ("tujuan laporan ini", "kebijakan tersebut").
  if (upos === 'DET' && tree.parent[last]! < last) return false;
  if (LINKING_WORDS.has(upos) || (upos === 'PRON' && (RELATIVE_PRONOUNS.has(tree.lower[last]!) || tree.lower[last] === 'what'))) return true;
  // A possessive whose noun went ("decided to use her [40 days]"): the parser took "her" for an object.
  const next = tree.words[last + 1];
  if (tree.rules.possessiveAnaphors.has(tree.lower[last]!) && next !== undefined && NOMINAL_START.has(next.upos)) return true;
  if (next === undefined) return false;
  // A name cut in two ("I met Sister [Gertrud]"), unless what went is a day or a month.
  const capitalised = /^\p{Lu}/u.test(tree.words[last]!.form);
  if ((upos === 'PROPN' || (upos === 'NOUN' && capitalised)) && next.upos === 'PROPN' && !tree.rules.timeWords.has(tree.lower[last + 1]!)) return true;
  // "the first", "the only" without what they are the first or only one of ("became the first [to climb …]").
  return tree.rules.ordinals.has(tree.lower[last]!) && (next.upos === 'PART' || next.upos === 'SCONJ' || RELATIVE_PRONOUNS.has(tree.lower[last + 1]!) || tree.rules.purposeMarkers.has(tree.lower[last + 1]!));
}

/** Parts of speech that can follow a possessive inside its noun phrase. */
const NOMINAL_START = new Set(['NOUN', 'PROPN', 'NUM', 'ADJ']);

/** The sentence's last word that is not punctuation. */
function lastContent(tree: Tree): number {
  for (let index = tree.size - 1; index >= 0; index -= 1) if (!tree.isPunct(index)) return index;
  return -1;
}

/** Whether the top's subject points back to an earlier sentence: "this threat", "its role", "he". */
function danglingSubject(tree: Tree, top: number, keep: Uint8Array): boolean {
  const rules = tree.rules;
  for (const subject of tree.childrenWith(top, (relation) => relation.startsWith('nsubj'))) {
    if (!keep[subject]) continue;
    if (tree.words[subject]!.upos === 'PRON' && rules.anaphors.includes(tree.lower[subject]!)) return true;
    for (const child of tree.children[subject]!) {
      const relation = tree.relation(child);
      if (relation.startsWith('det') && rules.pointingDeterminers.has(tree.lower[child]!)) return true;
      if (relation === 'nmod:poss' && rules.possessiveAnaphors.has(tree.lower[child]!)) return true;
    }
  }
  return false;
}

/**
 * Whether the sentence quotes someone: it has quotation marks, a reporting verb or an attribution,
 * or speaks in the first person singular (which no article does in its own voice).
 */
function isQuote(sentence: ParsedSentence, tree: Tree): boolean {
  const rules = tree.rules;
  return /["“”„«»]/u.test(sentence.text) || tree.lower.some((word) => rules.reportingVerbs.has(word) || rules.attributionMarkers.has(word) || rules.firstPersonSingular.has(word));
}

/** Whether the kept words name who speaks: a kept reporting verb with its subject, or a kept attribution. */
function keepsSpeaker(tree: Tree, keep: Uint8Array): boolean {
  for (let node = 0; node < tree.size; node += 1) {
    if (!keep[node]) continue;
    const word = tree.lower[node]!;
    if (tree.rules.attributionMarkers.has(word)) return true;
    if (tree.rules.reportingVerbs.has(word) && tree.childrenWith(node, (relation) => SUBJECTS.has(relation)).some((subject) => keep[subject])) return true;
  }
  return false;
}

/** The bullet with its first letter in capitals, where it starts with a letter (after an opening mark) that has a capital of its own. */
function capitalise(text: string): string {
  return text.replace(/^([\p{Ps}\p{Pi}"'“‘]*\s?)(\p{Ll})/u, (whole, before: string, letter: string) =>
    letter.toUpperCase().toLowerCase() === letter && letter.toUpperCase().length === 1 ? before + letter.toUpperCase() : whole,
  );
}

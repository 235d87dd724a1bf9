/**
 * The two models every pipeline stage speaks: an {@link Article} (what the source says) and a
 * {@link Deck} (what the slides show). Stages import these types and nothing of each other.
 */

/** Languages whose labels and word lists ringkas knows. */
export type Language = 'id' | 'en';

/** One sentence of the source, kept verbatim so that bullets can be checked against it. */
export interface Sentence {
  /** The sentence text, whitespace collapsed, exactly as the author wrote it otherwise. */
  text: string;
  /** 1-based line of the source where the sentence starts (for messages). */
  line: number;
}

/** A paragraph: consecutive sentences the author grouped together. */
export interface Paragraph {
  sentences: Sentence[];
}

/** A section of the article: a heading (or none, for the text before the first heading). */
export interface Section {
  /** The heading in the author's words; `undefined` for the introduction. */
  heading: string | undefined;
  /** Nesting level: 1 for the article's top headings (and the introduction), 2 below them, … */
  depth: number;
  /** Paragraphs under the heading; empty for a heading whose text is all in its subsections. */
  paragraphs: Paragraph[];
}

/** An acronym the article defines, e.g. NATO = "Pakta Pertahanan Atlantik Utara". */
export interface GlossaryEntry {
  term: string;
  expansion: string;
}

/** Something ringkas noticed about the source and wants the user to know. */
export interface Notice {
  message: string;
  /** 1-based source line, where there is one. */
  line?: number;
}

/** A figure of the article: its picture, embedded, and its caption. */
export interface Figure {
  /** The picture as a `data:` URI (PNG, JPEG, GIF or WebP, base64). */
  src: string;
  /** The caption, else the alt text ('' when there is neither). */
  caption: string;
  /** Index of the section the figure stands in. */
  section: number;
}

/** The parsed article: the input of the condense stage. */
export interface Article {
  title: string;
  /** The source gave no title: `title` is the text's dominant key phrase or the file's name. */
  titleGuessed?: boolean;
  subtitle?: string;
  author?: string;
  date?: string;
  lang: Language;
  /**
   * The source is in a language ringkas has no word lists for (neither Indonesian nor English);
   * `lang` is then `en`, so that slides get English labels rather than a wrong guess.
   */
  unknownLanguage?: boolean;
  /** The publication it appeared in: a site's name, from the page's metadata or front matter. */
  publication?: string;
  /**
   * Where it came from, as its sources slide credits it: the user's `--source` (an address or a
   * credit in words), else the address a URL input was fetched from (after redirects), else the
   * address or credit its metadata or front matter gives. One field, so that the deck, the
   * outline, the build report and the reader view never name two different sources.
   */
  source?: string;
  /** A news dateline ("JAKARTA, KOMPAS.com") taken off the first sentence. */
  dateline?: string;
  sections: Section[];
  /**
   * The source has no headings: the sections' headings are key phrases ringkas took from their
   * text (see `structureArticle`), and the article reads as news, which states its main points first.
   */
  headingsInferred?: boolean;
  /** Acronyms defined in the text, in order of first definition. */
  glossary: GlossaryEntry[];
  /** The article's figures whose pictures could be read, in order. */
  figures?: Figure[];
  /** Text that was dropped on purpose (boilerplate), reported rather than lost silently. */
  warnings: Notice[];
}

/** The role of a slide; the serializer turns it into a Marp class so themes can lay it out. */
export type SlideKind = 'title' | 'agenda' | 'content' | 'glossary' | 'conclusion' | 'figure' | 'sources';

/** One slide of the deck. */
export interface Slide {
  kind: SlideKind;
  /** For content slides: the index of the article section the slide presents. */
  section?: number;
  title: string;
  /** Lines under the title on a title slide (subtitle, author, date). */
  subtitle?: string[];
  /** Bullets, each a shortened source sentence. */
  bullets: string[];
  /** Speaker notes: the source sentences the bullets came from. */
  notes: string[];
  /**
   * The size of the slide's text relative to the theme's (1, or absent: as the theme sets it),
   * chosen by measuring the slide in the browser so that it neither overflows nor stays half
   * empty; one of {@link FIT_SCALES}.
   */
  scale?: number;
  /**
   * Space after each bullet, in ems, for a slide that stays mostly empty at the largest size
   * (absent: the theme's); one of {@link FIT_SPACINGS}.
   */
  spacing?: number;
  /** For figure slides: the picture (a `data:` URI) and its caption, shown as the slide's text. */
  figure?: { src: string; caption: string };
}

/** The text sizes a slide may take, relative to its theme's: 80% to 140% in steps of 5%. */
export const FIT_SCALES: readonly number[] = Array.from({ length: 13 }, (_, step) => (80 + 5 * step) / 100);

/** The spaces after a bullet a slide may take, in ems: 0.6 to 1.6 in steps of 0.2. */
export const FIT_SPACINGS: readonly number[] = Array.from({ length: 6 }, (_, step) => (6 + 2 * step) / 10);

/** The condensed deck: the input of the serialize stage. */
export interface Deck {
  title: string;
  lang: Language;
  author?: string;
  /** The article's most frequent content words, for document metadata. */
  keywords: string[];
  slides: Slide[];
  /** What the deck could not do as asked (a slide count it missed, and why). */
  warnings?: Notice[];
  /**
   * The Marp Markdown of an input that was already a Marp deck (`marp: true`), rendered as it is
   * rather than condensed; its slides then only describe it (titles, notes) for the PDF and PPTX.
   */
  marp?: string;
}

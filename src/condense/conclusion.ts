/**
 * The article's own conclusion, when it has one: the part a conclusion slide should come from
 * instead of a recap of the deck's points. Pure: takes the sections, the language's cue words and
 * a function that gives a text's content terms.
 */
import type { ConclusionCues } from '../lang/types.js';
import type { Section } from '../model.js';
import { cosine, normalise, termCounts } from './vectors.js';

/** Where the article concludes: a whole section, or the last paragraph of the last section. */
export type ClosingPart = { section: number; kind: 'section' } | { section: number; kind: 'paragraph'; paragraph: number };

/**
 * The article's closing part, if it concludes:
 * 1. the last section with text (back matter such as acknowledgements aside), when its heading
 *    names a conclusion ("Kesimpulan", "Conclusions");
 * 2. else that section when the article has three or more headed sections and the last one is at
 *    least as like the rest of the article as the others are on average (it sums up rather than
 *    adds a topic: the sample's "Masa Depan Aliansi Keamanan Internasional");
 * 3. else the article's last paragraph when it opens with a concluding phrase ("Dengan demikian, …");
 * otherwise undefined, and the conclusion slide recaps the deck's most central points.
 * Headings ringkas inferred (`headingsInferred`: topics found in a news story) are not the
 * author's: a last topic is no conclusion, so only the third rule applies to them.
 */
export function closingPart(sections: readonly Section[], cues: ConclusionCues, termsOf: (text: string) => string[], headingsInferred = false): ClosingPart | undefined {
  const headingWords = (section: Section) => section.heading?.toLowerCase().split(/[^\p{L}]+/u) ?? [];
  const withText = sections.flatMap((section, index) => (section.paragraphs.length > 0 ? [index] : []));
  while (withText.length > 1 && headingWords(sections[withText.at(-1)!]!).some((word) => cues.backMatter.has(word))) withText.pop();
  const last = withText.at(-1);
  if (last === undefined) return undefined;
  const lastSection = sections[last]!;
  if (headingsInferred) return concludingParagraph(lastSection, last, cues);
  if (withText.length >= 2 && headingWords(lastSection).some((word) => cues.headings.has(word))) return { section: last, kind: 'section' };

  const headed = withText.filter((index) => sections[index]!.heading !== undefined);
  if (headed.length >= 3 && headed.at(-1) === last) {
    const vectors = withText.map((index) => sectionCounts(sections[index]!, termsOf));
    const total = new Map<string, number>();
    for (const vector of vectors) for (const [term, count] of vector) total.set(term, (total.get(term) ?? 0) + count);
    const likeness = vectors.map((vector) => cosine(normalise(vector), normalise(without(total, vector))));
    const others = likeness.slice(0, -1);
    if (likeness.at(-1)! >= others.reduce((sum, value) => sum + value, 0) / others.length) return { section: last, kind: 'section' };
  }

  return concludingParagraph(lastSection, last, cues);
}

/** The section's last paragraph, when it opens with a concluding phrase. */
function concludingParagraph(section: Section, index: number, cues: ConclusionCues): ClosingPart | undefined {
  const paragraph = section.paragraphs.length - 1;
  const opening = section.paragraphs[paragraph]!.sentences[0]?.text.toLowerCase() ?? '';
  if (cues.openers.some((opener) => opening.startsWith(opener) && /^[\s,]/u.test(opening.slice(opener.length)))) return { section: index, kind: 'paragraph', paragraph };
  return undefined;
}

function sectionCounts(section: Section, termsOf: (text: string) => string[]): Map<string, number> {
  return termCounts(section.paragraphs.flatMap((paragraph) => paragraph.sentences.flatMap((sentence) => termsOf(sentence.text))));
}

/** `total` less `part`: the rest of the article. */
function without(total: ReadonlyMap<string, number>, part: ReadonlyMap<string, number>): Map<string, number> {
  const rest = new Map(total);
  for (const [term, count] of part) rest.set(term, rest.get(term)! - count);
  return rest;
}

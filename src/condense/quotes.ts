import type { Article } from '../model.js';

/**
 * Which sentences stand inside a quotation that an earlier sentence opened: the middle of a quote
 * of several sentences, or of several paragraphs (news quotes run on: "Bergabungnya Astro Gaming
 * bersama kami … Kami betul-betul menyukai tim Astro …"). Such a sentence is someone's words even
 * without a mark of its own, and a bullet made of it in the first person needs its speaker.
 *
 * Marks are read as a reader does: “ „ « open and ” » close; a straight " opens at the start of
 * a word (or, set apart by a space, at the start of a sentence) and closes at its end; single
 * quotes (‘ ’ and the straight ' of British news) only where they cannot be an apostrophe —
 * opening before a word, closing after a final mark or alone. A
 * quotation ends with its section, and one left open for more than a few paragraphs was a stray mark.
 */
export function sentencesInQuotes(article: Article): boolean[][][] {
  return article.sections.map((section) => {
    let double = false;
    let single = false;
    let openParagraphs = 0;
    return section.paragraphs.map((paragraph) => {
      if (double || single) openParagraphs += 1;
      if (openParagraphs > MAX_QUOTED_PARAGRAPHS) {
        double = false;
        single = false;
        openParagraphs = 0;
      }
      return paragraph.sentences.map((sentence) => {
        const inside = double || single;
        ({ double, single } = quotesAfter(sentence.text, double, single));
        if (!double && !single) openParagraphs = 0;
        return inside;
      });
    });
  });
}

/** Paragraphs a quotation may run over before an unclosed mark is taken for a stray one. */
const MAX_QUOTED_PARAGRAPHS = 6;

/** The marks that can open or close a quotation; every other character leaves the state as it is. */
const QUOTE_MARKS = /["“”„«»‘’']/gu;

/** Whether a double and a single quotation are open after `text`, given whether they were before it. */
function quotesAfter(text: string, double: boolean, single: boolean): { double: boolean; single: boolean } {
  // Only the marks are looked at: this runs over every sentence of an article, however long.
  for (const { 0: mark, index } of text.matchAll(QUOTE_MARKS)) {
    const before = text[index - 1];
    const after = text[index + 1];
    const wordBefore = before !== undefined && /[\p{L}\p{N}]/u.test(before);
    const wordAfter = after !== undefined && /[\p{L}\p{N}]/u.test(after);
    if (mark === '“' || mark === '„' || mark === '«') double = true;
    else if (mark === '”' || mark === '»') double = false;
    // A straight double quote opens before a word and closes anywhere else; one set apart by
    // spaces (`" Niat dan tujuan kita …`, `…, " ujarnya`, as some sites and detokenised corpora
    // write them) opens at the start of a sentence when none is open, and closes one that is.
    else if (mark === '"') double = (wordAfter && !wordBefore) || (!wordBefore && !wordAfter && !double && text.slice(0, index).trim() === '' && after !== undefined);
    else if (mark === '‘') single ||= wordAfter;
    else {
      if (wordBefore && wordAfter) continue;
      // After a word: the end of a quoted phrase ("a 'scare quote' here") when one is open, else a plural's apostrophe.
      if (wordBefore && single) {
        single = false;
        continue;
      }
      if (!wordBefore && wordAfter && (before === undefined || /[\s(\[—–-]/u.test(before))) single = true;
      else if (before !== undefined && /[.,!?…]/u.test(before)) single = false;
      else if (!wordBefore && !wordAfter) single = false;
    }
  }
  return { double, single };
}

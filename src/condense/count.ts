/** A character of a script written without spaces between words (Chinese, Japanese, Thai, …). */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

let segmenter: Intl.Segmenter | undefined;
/** Characters segmented at a time. */
const SEGMENT_WINDOW = 256;

/**
 * Words as a reader counts them: runs of characters between spaces; in a run of a script written
 * without spaces (Chinese, Japanese, Thai, …), the words `Intl.Segmenter` finds in it. Only such
 * runs are segmented, one at a time: a segmenter copies its whole input into every segment.
 */
export function wordCount(text: string): number {
  let count = 0;
  for (const [run] of text.matchAll(/\S+/gu)) {
    if (!UNSPACED.test(run)) {
      count += 1;
      continue;
    }
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
    let inRun = 0;
    // In windows, so that a run of a million characters costs its length (a word cut at a window's edge counts twice).
    for (let start = 0; start < run.length; start += SEGMENT_WINDOW) {
      for (const segment of segmenter.segment(run.slice(start, start + SEGMENT_WINDOW))) if (segment.isWordLike) inRun += 1;
    }
    count += Math.max(1, inRun);
  }
  return count;
}

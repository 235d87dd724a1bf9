import type { Element } from 'hast';
import type { VFile } from 'vfile';
import { clip } from './blocks.js';
import { chromeReason, classTokens, isContentContainer, isNeverArticle, nameTokens, nameWeight } from './html-names.js';
import { MIN_PROSE_CHARS, type PageText, type TextUnit, isProse } from './html-units.js';

/**
 * Finding the article in a page's text. Each paragraph of 25 characters or more scores for the
 * elements around it (its container in full, the one around that by half, less further out),
 * more for longer text and for commas, which prose has and menus do not; an element's score is
 * then weighed by its names ("entry-content" for, "sidebar" against) and by how little of its text
 * is link text. The best element, widened to an ancestor that holds several strong ones and joined
 * by siblings that read as part of it, is the article; inside it page chrome is pruned, but never
 * an element that holds most of its text.
 *
 * A first attempt leaves paragraphs inside chrome (comments, sidebars, widgets) out of the
 * scoring; when what it finds is shorter than {@link MIN_ARTICLE_CHARS}, a second attempt scores
 * those in chrome that may wrap an article too ("widget", "modal", "read-more": some sites build
 * the whole page inside one), but never comments, galleries, related links or ads. The first long
 * enough is kept, else the longer. Only when neither finds any text does a third attempt pay no
 * heed to class and id names at all.
 */

/** How much an attempt trusts class and id names: see the file's comment. */
type Trust = 'names' | 'score-chrome' | 'ignore-names';

/** An article shorter than this after the first attempt is looked for again with chrome scored. */
const MIN_ARTICLE_CHARS = 500;
/** Elements whose text is a paragraph: a paragraph scores for the element around it. */
const PARAGRAPH_TAGS = new Set(['p', 'li', 'dd', 'dt', 'pre', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th']);
/** How much a tag speaks for (or against) an element being the article's container. */
const TAG_BIAS: Record<string, number> = { article: 10, main: 5, div: 5, section: 3, td: 3, blockquote: 3, pre: 3, ol: -3, ul: -3, dl: -3, li: -3, form: -3, address: -3, th: -5, header: -5 };
/**
 * Elements that are pruned inside the article when most of their text is link text; a list only
 * when nearly all of it is, since an article's own lists often link every item's subject.
 */
const LINK_LIST_TAGS: Record<string, number> = { div: 0.5, section: 0.5, header: 0.5, center: 0.5, p: 0.5, span: 0.5, ul: 0.9, ol: 0.9, dl: 0.9 };

/** A warning found while reading, reported only for the attempt that is kept. */
interface Finding {
  reason: string;
  line: number;
  column: number;
  ruleId: string;
}

/** One attempt at the article: the elements it is made of and the units kept in them. */
interface Attempt {
  roots: Element[];
  units: TextUnit[];
  findings: Finding[];
  chars: number;
}

/**
 * The units of the page's article, in document order, with what was left out of it reported on
 * `file`: where the article was taken from, and each piece of chrome pruned inside it.
 */
export function extractArticle(page: PageText, file: VFile): TextUnit[] {
  const view = new PageView(page);
  let chosen = attempt(view, 'names');
  if (chosen.chars < MIN_ARTICLE_CHARS) {
    const second = attempt(view, 'score-chrome');
    if (second.chars > chosen.chars) chosen = second;
  }
  if (chosen.chars === 0) chosen = attempt(view, 'ignore-names');
  const [first] = chosen.roots;
  if (first && first !== page.body) {
    const line = first.position?.start.line ?? 1;
    const where = chosen.roots.length > 1 ? ` and ${chosen.roots.length - 1} element(s) beside it` : '';
    file.message(`took the article body from ${describe(first)} at line ${line}${where}; the rest of the page was left out`, {
      place: { line, column: first.position?.start.column ?? 1 },
      ruleId: 'article-body',
      source: 'ringkas',
    });
  }
  for (const { reason, line, column, ruleId } of chosen.findings) file.message(reason, { place: { line, column }, ruleId, source: 'ringkas' });
  return chosen.units;
}

/** A page's text with the questions the extractor asks of its elements, answered once each. */
class PageView {
  readonly body: Element;
  private readonly chromeCache = { any: new Map<Element, boolean>(), 'never-article': new Map<Element, boolean>() };
  /** The article's own containers (see {@link isContentContainer}) and every element around one. */
  private readonly contentHolders = new Set<Element>();

  constructor(readonly page: PageText) {
    this.body = page.body;
    for (const element of page.parents.keys()) {
      if (!isContentContainer(element)) continue;
      for (let current: Element | undefined = element; current !== undefined && !this.contentHolders.has(current); current = this.parent(current)) {
        this.contentHolders.add(current);
      }
    }
  }

  parent(element: Element): Element | undefined {
    return this.page.parents.get(element);
  }

  chars(element: Element): number {
    return this.page.stats.get(element)?.chars ?? 0;
  }

  /** Characters of prose paragraphs inside the element (see {@link isProse}). */
  prose(element: Element): number {
    return this.page.stats.get(element)?.proseChars ?? 0;
  }

  linkDensity(element: Element): number {
    const stats = this.page.stats.get(element);
    return stats && stats.chars > 0 ? stats.linkChars / stats.chars : 0;
  }

  /**
   * Whether the element is chrome or inside chrome (`any`), or inside what is never the article
   * (`never-article`: comments, galleries, related links), for scoring. A chrome-named element
   * around the article's own container is a layout wrapper (Blogger's "widget Blog"), not chrome.
   */
  inChrome(element: Element, which: 'any' | 'never-article'): boolean {
    const cache = this.chromeCache[which];
    const path: Element[] = [];
    let answer = false;
    for (let current: Element | undefined = element; current !== undefined && current !== this.body; current = this.parent(current)) {
      const known = cache.get(current);
      if (known !== undefined) {
        answer = known;
        break;
      }
      path.push(current);
      const chrome = which === 'any' ? chromeReason(current) !== undefined : isNeverArticle(current);
      if (chrome && !this.contentHolders.has(current)) {
        answer = true;
        break;
      }
    }
    for (const visited of path) cache.set(visited, answer);
    return answer;
  }

  /** Whether an attempt that trusts names as `trust` leaves the element out of the article. */
  leftOut(element: Element, trust: Trust): boolean {
    return trust === 'names' ? this.inChrome(element, 'any') : trust === 'score-chrome' && this.inChrome(element, 'never-article');
  }
}

function attempt(view: PageView, trust: Trust): Attempt {
  const scores = scoreCandidates(view, trust);
  const roots = chooseRoots(view, scores, trust);
  const { kept, findings } = prune(view, roots, trust);
  const units: TextUnit[] = [];
  let chars = 0;
  for (const unit of view.page.units) {
    if (!kept.has(unit.owner)) continue;
    const why = leaveOut(unit);
    if (why) {
      findings.push({ reason: `${why}: "${clip(unit.text)}"`, line: unit.line, column: 1, ruleId: 'page-chrome' });
      continue;
    }
    units.push(unit);
    chars += unit.text.length;
  }
  return { roots, units, findings, chars };
}

/** Commas, in the scripts that have their own. */
function commas(text: string): number {
  let count = 0;
  for (const character of text) if (character === ',' || character === '，' || character === '、' || character === '،') count += 1;
  return count;
}

/** The score of every element that holds scored paragraphs (see the file's comment). */
function scoreCandidates(view: PageView, trust: Trust): Map<Element, number> {
  const raw = new Map<Element, number>();
  for (const unit of view.page.units) {
    if (!isProse(unit) || view.leftOut(unit.owner, trust)) continue;
    const length = unit.text.length;
    const points = 1 + commas(unit.text) + Math.min(Math.floor(length / 100), 3);
    let element = PARAGRAPH_TAGS.has(unit.owner.tagName) ? view.parent(unit.owner) : unit.owner;
    for (let level = 0; element !== undefined && level < 5; level += 1) {
      raw.set(element, (raw.get(element) ?? 0) + points / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
      element = view.parent(element);
    }
  }
  const scores = new Map<Element, number>();
  for (const [element, score] of raw) {
    // The page's root and head are never the article; the body is when nothing else is.
    if (element.tagName === 'html' || element.tagName === 'head') continue;
    const weight = trust === 'ignore-names' ? 0 : nameWeight(element);
    scores.set(element, (score + (TAG_BIAS[element.tagName] ?? 0) + weight) * (1 - view.linkDensity(element)));
  }
  return scores;
}

/** The most parts of an article found apart from the best one (see {@link withKin}). */
const MAX_KIN = 50;

/**
 * The article's elements, in document order: the best candidate, widened and joined by its
 * siblings, and by its kin elsewhere in the page.
 */
function chooseRoots(view: PageView, scores: Map<Element, number>, trust: Trust): Element[] {
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0) return [view.body];
  const { top, roots } = bestWithSiblings(view, ranked, scores, trust);
  return withKin(view, roots, top, trust).sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0));
}

/**
 * The roots with the article's other parts: elements of the same tag and classes as the best
 * candidate (numbers aside: "story-body-1", "story-body-2") with paragraph text of their own (a
 * tenth of the best one's), where a page cuts its article into blocks with ads or pictures in
 * separate wrappers between them.
 */
function withKin(view: PageView, roots: Element[], top: Element, trust: Trust): Element[] {
  const key = kinKey(top);
  if (key === undefined) return roots;
  // Elements in or around a root are part of it already.
  const taken = new Set<Element>(roots);
  for (const root of roots) for (const ancestor of ancestors(view, root)) taken.add(ancestor);
  const kin: Element[] = [];
  for (const element of view.page.parents.keys()) {
    if (kin.length === MAX_KIN) break;
    if (!taken.has(element) && kinKey(element) === key && !view.leftOut(element, trust)) kin.push(element);
  }
  const enough = Math.max(MIN_PROSE_CHARS * 4, view.prose(top) / 10);
  const found = [...roots];
  for (const element of kin) {
    const around = ancestors(view, element);
    if (taken.has(element) || [...around].some((ancestor) => found.includes(ancestor))) continue;
    if (view.prose(element) < enough || view.linkDensity(element) > 0.25) continue;
    found.push(element);
    taken.add(element);
    for (const ancestor of around) taken.add(ancestor);
  }
  return found;
}

/** An element's tag and classes, numbers left out, when it has classes. */
function kinKey(element: Element): string | undefined {
  const classes = classTokens(element).map((token) => token.replace(/\d+/gu, '#'));
  return classes.length === 0 ? undefined : `${element.tagName} ${classes.sort().join(' ')}`;
}

/** The best candidate, widened to an ancestor or parent that holds more of the article, with the siblings that belong to it. */
function bestWithSiblings(view: PageView, ranked: [Element, number][], scores: Map<Element, number>, trust: Trust): { top: Element; topScore: number; roots: Element[] } {
  let [top, topScore] = ranked[0]!;

  // Three or more strong candidates in one ancestor: the article is cut into parts (by ads, by
  // pages), and the ancestor holds them all.
  const strong = ranked.slice(1, 6).filter(([, score]) => score >= 0.75 * topScore).map(([element]) => element);
  if (strong.length >= 3) {
    const lineage = new Map(strong.map((element) => [element, ancestors(view, element)]));
    for (let ancestor = view.parent(top); ancestor !== undefined && ancestor !== view.body; ancestor = view.parent(ancestor)) {
      if (strong.filter((element) => lineage.get(element)!.has(ancestor!)).length >= 3) {
        top = ancestor;
        break;
      }
    }
  }

  // Up to a parent that scores better than the candidate: it holds more of the article.
  let lastScore = scores.get(top) ?? topScore;
  topScore = lastScore;
  for (let parent = view.parent(top); parent !== undefined && parent !== view.body; parent = view.parent(parent)) {
    const score = scores.get(parent);
    if (score === undefined) continue;
    if (score < lastScore / 3) break;
    if (score > lastScore) {
      top = parent;
      topScore = score;
      break;
    }
    lastScore = score;
  }
  // An only child stands for its parent, whose siblings are the ones to join.
  for (let parent = view.parent(top); parent !== undefined && parent !== view.body && readChildren(view, parent).length === 1; parent = view.parent(parent)) {
    top = parent;
  }

  const parent = view.parent(top);
  if (parent === undefined) return { top, topScore, roots: [top] };
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = nameTokens(top).join(' ');
  const roots = readChildren(view, parent).filter((sibling) => {
    if (sibling === top) return true;
    if (view.leftOut(sibling, trust) || (trust !== 'ignore-names' && chromeReason(sibling) !== undefined)) return false;
    const bonus = topClass !== '' && nameTokens(sibling).join(' ') === topClass ? topScore * 0.2 : 0;
    const score = scores.get(sibling);
    if (score !== undefined && score + bonus >= threshold) return true;
    if (sibling.tagName !== 'p') return false;
    const chars = view.chars(sibling);
    const density = view.linkDensity(sibling);
    if (chars > 80) return density < 0.25;
    return chars > 0 && density === 0 && /\.(\s|$)/u.test(visibleText(view, sibling));
  });
  return { top, topScore, roots };
}

/** The elements around `element`, up to the page's root. */
function ancestors(view: PageView, element: Element): Set<Element> {
  const found = new Set<Element>();
  for (let current = view.parent(element); current !== undefined; current = view.parent(current)) found.add(current);
  return found;
}

/** The most of an element's text a message shows, and a look at a short paragraph needs. */
const SHOWN_CHARS = 100;

/**
 * The start of the text a reader sees in an element (what was read of it, words apart), at most
 * about {@link SHOWN_CHARS} characters: enough to name it in a message without reading it all.
 */
function visibleText(view: PageView, element: Element): string {
  const parts: string[] = [];
  let length = 0;
  const pending = [...element.children].reverse();
  for (let node = pending.pop(); node !== undefined && length < SHOWN_CHARS; node = pending.pop()) {
    if (node.type === 'text') {
      const text = node.value.replace(/\s+/gu, ' ').trim();
      if (text !== '') parts.push(text.slice(0, SHOWN_CHARS));
      length += text.length;
    } else if (node.type === 'element' && view.parent(node) !== undefined) {
      for (let index = node.children.length - 1; index >= 0; index -= 1) pending.push(node.children[index]!);
    }
  }
  return parts.join(' ');
}

/** The element children of `element` that were read. */
function readChildren(view: PageView, element: Element): Element[] {
  return element.children.filter((child): child is Element => child.type === 'element' && view.parent(child) === element);
}

/**
 * The elements kept inside the article's roots: every read element but the chrome pruned, each
 * with what was pruned. An element that holds half the article's paragraph text or more is never
 * pruned, whatever its names say — but for names that are never the article's (comments, a gallery,
 * related links), when names are trusted.
 */
function prune(view: PageView, roots: Element[], trust: Trust): { kept: Set<Element>; findings: Finding[] } {
  const byNames = trust !== 'ignore-names';
  const total = roots.reduce((sum, root) => sum + view.prose(root), 0);
  const kept = new Set<Element>(roots);
  const findings: Finding[] = [];
  const pending = [...roots];
  for (let element = pending.pop(); element !== undefined; element = pending.pop()) {
    for (const child of readChildren(view, element)) {
      const mostOfArticle = view.prose(child) > 0 && view.prose(child) >= total / 2 && !(byNames && isNeverArticle(child));
      const reason = view.chars(child) > 0 && !mostOfArticle ? pruneReason(view, child, byNames) : undefined;
      if (reason) {
        const { line = 1, column = 1 } = child.position?.start ?? {};
        findings.push({ reason: `dropped page chrome ${describe(child)} (${reason}): "${clip(visibleText(view, child))}"`, line, column, ruleId: 'page-chrome' });
        continue;
      }
      kept.add(child);
      pending.push(child);
    }
  }
  return { kept, findings };
}

/** Why an element inside the article is chrome: its tag, role or names (`byNames`), or its text being links. */
function pruneReason(view: PageView, element: Element, byNames: boolean): string | undefined {
  const chrome = chromeReason(element);
  if (chrome && (byNames || chrome.by !== 'name')) return chrome.shown;
  const most = LINK_LIST_TAGS[element.tagName];
  if (most !== undefined && view.linkDensity(element) > most && nameWeight(element) <= 0) return 'mostly links';
  return undefined;
}

/** Why a unit inside the article is left out, or `undefined` to keep it. */
function leaveOut(unit: TextUnit): string | undefined {
  if (unit.preformatted && looksLikeCode(unit.text)) return 'left out code';
  // A line that is all link text is a cross-link ("Read: …", a related story), not prose; a list
  // of links in the article (sources, further reading) is the author's, and stays.
  if (unit.kind === 'paragraph' && !unit.listItem && unit.linkChars > 0.6 * unit.text.length && unit.text.length < 200) return 'dropped a link';
  return undefined;
}

/** Whether preformatted text is code rather than prose: its share of code punctuation. */
function looksLikeCode(text: string): boolean {
  let symbols = 0;
  for (const character of text) if ('{}();=<>[]$#/\\|`'.includes(character)) symbols += 1;
  return symbols > text.length * 0.03;
}

/** An element as a message names it: `<div class="entry">`. */
function describe(element: Element): string {
  const [name] = nameTokens(element);
  return name === undefined ? `<${element.tagName}>` : `<${element.tagName} "${clip(name)}">`;
}

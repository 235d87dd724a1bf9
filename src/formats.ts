/**
 * The output formats, in one place: what each needs (a browser or not), how it is made, how its
 * files are named, how the index page links it and how progress calls it. Build, check, progress
 * and the index page read this table instead of keeping lists of their own. The renderers, Marp
 * and the browser load only when a format is made, so that `--format md,html` stays fast.
 */
import type { Deck } from './model.js';
import type { BrowserSession } from './render/browser/manager.js';
import type { Theme } from './themes/index.js';

/** Output formats, in the order they are listed; `md` is always written. */
export const FORMATS = ['md', 'html', 'pdf', 'pptx', 'png'] as const;
export type Format = (typeof FORMATS)[number];

/** What a format's renderer is given. */
export interface RenderContext {
  deck: Deck;
  theme: Theme;
  /** The run's browser; set for the formats that need one. */
  session?: BrowserSession;
  /** Speaker notes as PDF annotations. */
  pdfNotes: boolean;
  /** The PPTX as editable text rather than pictures of the slides. */
  editablePptx: boolean;
  /** The deck's print document (made once per deck, shared by PDF, PPTX pictures and PNG). */
  printDocument(): Promise<string>;
}

/** A file a format writes: its name after the deck's (`.pdf`, `.001.png`) and its content. */
export interface FormatFile {
  suffix: string;
  content: string | Uint8Array;
}

/** What decides whether a format needs the browser. */
export interface FormatOptions {
  editablePptx?: boolean;
  theme?: Theme;
}

/** Everything ringkas knows about one format. */
export interface FormatSpec {
  /** Whether it is drawn by the browser (with these options and theme). */
  needsBrowser(options: FormatOptions): boolean;
  /** Whether it is made from Marp's rendering of the deck (every format but the Markdown). */
  usesMarp: boolean;
  /** The stage as progress shows it. */
  progress: string;
  /** The label of its link on the index page (not linked when absent). */
  label?: string;
  /** Its files' names after the deck's name. */
  suffix: RegExp;
  render(context: RenderContext): Promise<FormatFile[]>;
}

function browserOf(context: RenderContext): BrowserSession {
  if (!context.session) throw new Error('a browser format was rendered without a browser');
  return context.session;
}

export const FORMAT_SPECS: Record<Format, FormatSpec> = {
  md: {
    needsBrowser: () => false,
    usesMarp: false,
    progress: 'writing Markdown',
    label: 'Markdown',
    suffix: /^\.md$/u,
    async render({ deck, theme }) {
      // A Marp deck given as input is written as it came.
      if (deck.marp !== undefined) return [{ suffix: '.md', content: deck.marp }];
      const [{ serializeDeck }, { markdownSettings }] = await Promise.all([import('./serialize/index.js'), import('./themes/index.js')]);
      return [{ suffix: '.md', content: serializeDeck(deck, markdownSettings(theme)) }];
    },
  },
  html: {
    needsBrowser: () => false,
    usesMarp: true,
    progress: 'rendering HTML',
    label: 'HTML',
    suffix: /^\.html$/u,
    async render({ deck, theme }) {
      const { deckDocument } = await import('./render/marp.js');
      return [{ suffix: '.html', content: deckDocument(deck, theme, 'present') }];
    },
  },
  pdf: {
    needsBrowser: () => true,
    usesMarp: true,
    progress: 'printing PDF',
    label: 'PDF',
    suffix: /^\.pdf$/u,
    async render(context) {
      const { renderPdf } = await import('./render/pdf.js');
      return [{ suffix: '.pdf', content: await renderPdf(browserOf(context), await context.printDocument(), context.deck, { notes: context.pdfNotes }) }];
    },
  },
  pptx: {
    // The editable PPTX is written from the deck, but an SVG logo needs the browser to become the
    // PNG that PowerPoint shows where it cannot draw SVG.
    needsBrowser: (options) => !options.editablePptx || options.theme?.tokens?.logo?.mime === 'image/svg+xml',
    usesMarp: true,
    progress: 'writing PPTX',
    label: 'PPTX',
    suffix: /^\.pptx$/u,
    async render(context) {
      const { deck, theme } = context;
      if (context.editablePptx) {
        const [{ renderEditablePptx }, { themeStyle }] = await Promise.all([import('./render/pptx.js'), import('./themes/style.js')]);
        return [{ suffix: '.pptx', content: await renderEditablePptx(deck, themeStyle(theme), context.session) }];
      }
      const [{ renderPptx }, { renderSlideImages }] = await Promise.all([import('./render/pptx.js'), import('./render/images.js')]);
      return [{ suffix: '.pptx', content: await renderPptx(deck, await renderSlideImages(browserOf(context), await context.printDocument(), 2)) }];
    },
  },
  png: {
    needsBrowser: () => true,
    usesMarp: true,
    progress: 'taking PNGs',
    suffix: /^\.\d{3}\.png$/u,
    async render(context) {
      const { renderSlideImages } = await import('./render/images.js');
      const { pngs } = await renderSlideImages(browserOf(context), await context.printDocument(), 1);
      return pngs.map((png, index) => ({ suffix: `.${String(index + 1).padStart(3, '0')}.png`, content: png }));
    },
  },
};

/** Whether any of `formats` is drawn by the browser. */
export function needsBrowser(formats: readonly Format[], options: FormatOptions): boolean {
  return formats.some((format) => FORMAT_SPECS[format].needsBrowser(options));
}

/**
 * Loads Marp when one of `formats` is made from its rendering, and makes the Marp for `theme`
 * (see `prepareMarp`): about 0.15 s in a fresh process, which a build spends while the syntax model
 * is read in its own thread (see `deckFromFile`), rather than later, after the deck is made.
 */
export async function loadRenderer(formats: readonly Format[], theme: Theme): Promise<void> {
  if (formats.some((format) => FORMAT_SPECS[format].usesMarp)) (await import('./render/marp.js')).prepareMarp(theme);
}

/** The format a file of a deck called `stem` belongs to, if any. */
export function formatOfFile(stem: string, file: string): Format | undefined {
  if (!file.startsWith(`${stem}.`)) return undefined;
  const rest = file.slice(stem.length);
  return FORMATS.find((format) => FORMAT_SPECS[format].suffix.test(rest));
}

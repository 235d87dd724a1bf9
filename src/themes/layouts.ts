import type { FontToken, LayoutName, ThemeTokens } from './tokens.js';
import { cssFamilyList } from './values.js';

/** Fallbacks after a theme's own font: families Debian, macOS and Windows have. */
const FALLBACK_FONTS = "'Noto Sans', 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif";

/**
 * The measures of the layouts, in CSS pixels of the 1280 × 720 slide: the one source of both the
 * Marp CSS below and the editable PPTX's masters, so that the two keep the same type sizes, tints
 * and logo slots.
 */
export const TYPE = {
  /** Body text; headings of content slides; the title slide's title and its lines; agenda, glossary, sources, footer. */
  body: 28,
  heading: 40,
  title: 64,
  subtitle: 30,
  agenda: 32,
  glossary: 26,
  sources: 24,
  footer: 18,
  /** Space after a bullet. */
  bulletGap: 12,
  /** The slide's padding: top, sides, bottom. */
  padding: { top: 48, side: 72, bottom: 60 },
} as const;

/** Where a layout puts the logo (px from the named edges) and what tints its conclusion slide. */
export interface LayoutMetrics {
  logo: { top?: number; bottom?: number; left?: number; right?: number; width: number; height: number; /** A plate of the background colour behind it. */ plate?: { width: number; height: number } };
  conclusion: { color: 'accent' | 'primary'; share: number };
}

export const LAYOUT_METRICS: Record<LayoutName, LayoutMetrics> = {
  academic: { logo: { top: 20, right: 32, width: 150, height: 48 }, conclusion: { color: 'accent', share: 0.1 } },
  briefing: { logo: { bottom: 16, left: 72, width: 150, height: 40 }, conclusion: { color: 'primary', share: 0.1 } },
  institution: { logo: { top: 20, right: 40, width: 152, height: 60, plate: { width: 168, height: 72 } }, conclusion: { color: 'primary', share: 0.06 } },
};

/** The background of a layout's conclusion slide. */
export function conclusionTint(layout: LayoutName, colors: ThemeTokens['colors']): string {
  const { color, share } = LAYOUT_METRICS[layout].conclusion;
  return mix(colors.background, colors[color], share);
}

/** `#rrggbb` mixed with another colour: `share` of `other`, the rest of `base`. */
export function mix(base: string, other: string, share: number): string {
  const channel = (color: string, start: number) => Number.parseInt(color.slice(start, start + 2), 16);
  return `#${[1, 3, 5]
    .map((start) => Math.round(channel(base, start) * (1 - share) + channel(other, start) * share).toString(16).padStart(2, '0'))
    .join('')}`;
}

function fontFace(role: 'heading' | 'body', font: FontToken): string {
  if (!font.file) return '';
  const mime = { truetype: 'font/ttf', opentype: 'font/otf', woff: 'font/woff', woff2: 'font/woff2' }[font.file.format];
  return `@font-face { font-family: 'ringkas-${role}'; src: url("data:${mime};base64,${font.file.base64}") format('${font.file.format}'); }\n`;
}

/**
 * A font-family list: the embedded face, the theme's families, then the fallbacks. The loader let
 * only plain family names through; each is still written as a CSS string, so that no value could
 * end the custom property it sits in.
 */
function fontStack(role: 'heading' | 'body', font: FontToken): string {
  const own = font.file ? `'ringkas-${role}', ` : '';
  return `${own}${cssFamilyList(font.family)}, ${FALLBACK_FONTS}`;
}

/**
 * What every layout shares: the tokens as custom properties (the editable PPTX and user CSS read
 * them back), embedded fonts, the slide box and type scale, lists, pagination and footer. The type
 * is large — 28 px body text, 40 px headings on a 1280 × 720 slide — so that it reads from the back
 * of a lecture hall, and the box fits five two-line bullets under a two-line title.
 */
function baseCss(tokens: ThemeTokens): string {
  const { colors, fonts } = tokens;
  return `${fontFace('heading', fonts.heading)}${fontFace('body', fonts.body)}
section {
  --ringkas-primary: ${colors.primary};
  --ringkas-accent: ${colors.accent};
  --ringkas-background: ${colors.background};
  --ringkas-text: ${colors.text};
  --ringkas-muted: ${colors.muted};
  --ringkas-font-heading: ${fontStack('heading', fonts.heading)};
  --ringkas-font-body: ${fontStack('body', fonts.body)};
  width: 1280px;
  height: 720px;
  box-sizing: border-box;
  padding: ${TYPE.padding.top}px ${TYPE.padding.side}px ${TYPE.padding.bottom}px;
  background: var(--ringkas-background);
  color: var(--ringkas-text);
  font-family: var(--ringkas-font-body);
  font-size: ${TYPE.body}px;
  line-height: 1.3;
  display: flex;
  flex-direction: column;
  justify-content: flex-start;
  overflow: hidden;
  overflow-wrap: anywhere;
  position: relative;
}
h1, h2 { margin: 0 0 24px; color: var(--ringkas-primary); font-family: var(--ringkas-font-heading); line-height: 1.15; font-weight: 700; }
h1 { font-size: 60px; }
h2 { font-size: ${TYPE.heading}px; }
ul, ol { margin: 0; padding-left: 1.1em; }
li { margin: 0 0 ${TYPE.bulletGap}px; }
li::marker { color: var(--ringkas-accent); }
p { margin: 0 0 10px; }
strong { color: var(--ringkas-primary); }
section::after { font-size: ${TYPE.footer}px; color: var(--ringkas-muted); right: 32px; bottom: 20px; }
footer { position: absolute; left: 72px; right: 160px; bottom: 20px; font-size: ${TYPE.footer}px; color: var(--ringkas-muted); }
section.agenda ul { list-style: none; padding-left: 0; counter-reset: agenda; }
section.agenda li { counter-increment: agenda; font-size: ${TYPE.agenda}px; margin-bottom: 16px; }
section.agenda li::before { content: counter(agenda); display: inline-block; min-width: 1.6em; font-weight: 700; color: var(--ringkas-accent); }
section.glossary ul { columns: 2; column-gap: 56px; }
section.glossary li { break-inside: avoid; font-size: ${TYPE.glossary}px; }
section.sources ul { list-style: none; padding-left: 0; }
section.sources li { font-size: ${TYPE.sources}px; color: var(--ringkas-muted); margin-bottom: 10px; }
`;
}

/** The logo in its layout's slot on every slide, when the theme has one (on a plate of the background where the layout has one). */
function logoCss(tokens: ThemeTokens): string {
  if (!tokens.logo) return '';
  const { plate, width, height, ...edges } = LAYOUT_METRICS[tokens.layout].logo;
  // A plate is centred on the logo's slot: its edges lie half the difference further out.
  const grow = { x: plate ? (plate.width - width) / 2 : 0, y: plate ? (plate.height - height) / 2 : 0 };
  const position = Object.entries(edges)
    .map(([edge, value]) => `${edge}: ${value - (edge === 'top' || edge === 'bottom' ? grow.y : grow.x)}px;`)
    .join(' ');
  const url = `url("data:${tokens.logo.mime};base64,${tokens.logo.base64}")`;
  return plate
    ? // The logo keeps its own aspect ratio inside the slot (contain, in the content box of the plate).
      `section::before { content: ''; position: absolute; ${position} width: ${plate.width}px; height: ${plate.height}px; box-sizing: border-box; padding: ${grow.y}px ${grow.x}px; border-radius: 6px; background: ${tokens.colors.background} ${url} no-repeat center / contain content-box padding-box; }\n`
    : `section::before { content: ''; position: absolute; ${position} width: ${width}px; height: ${height}px; background: ${url} no-repeat center / contain; }\n`;
}

/** Light academic: dark text on warm white, an accent rule under each title. */
function academic(tokens: ThemeTokens): string {
  return `${baseCss(tokens)}h2 { padding-bottom: 10px; border-bottom: 4px solid var(--ringkas-accent); }
section.title { justify-content: center; padding-left: 96px; border-left: 24px solid var(--ringkas-primary); }
section.title h1 { font-size: 64px; margin-bottom: 28px; }
section.title p { font-size: 30px; color: var(--ringkas-muted); margin: 0 0 6px; }
section.conclusion { background: ${conclusionTint(tokens.layout, tokens.colors)}; }
section.conclusion li { font-weight: 600; }
${logoCss(tokens)}`;
}

/** Dark formal briefing: light text on a dark ground, a bright rule across the top. */
function briefing(tokens: ThemeTokens): string {
  return `${baseCss(tokens)}section { border-top: 10px solid var(--ringkas-accent); }
h2 { padding-left: 20px; border-left: 8px solid var(--ringkas-accent); }
section.title { justify-content: center; padding: 64px 96px; }
section.title h1 { font-size: 64px; margin-bottom: 32px; }
section.title h1::after { content: ''; display: block; width: 140px; height: 6px; margin-top: 28px; background: var(--ringkas-accent); }
section.title p { font-size: 30px; color: var(--ringkas-muted); margin: 0 0 6px; }
section.conclusion { background: ${conclusionTint(tokens.layout, tokens.colors)}; }
section.conclusion li { font-weight: 600; }
${logoCss(tokens)}`;
}

/** Institutional: a colour band that holds each title, a logo slot in the band's corner. */
function institution(tokens: ThemeTokens): string {
  const { colors } = tokens;
  // The band runs edge to edge, so the slide has no side padding; the text keeps its margins.
  return `${baseCss(tokens)}section { padding: 0 0 60px; box-shadow: inset 0 -8px 0 var(--ringkas-accent); }
section > ul, section > ol, section > p { margin-left: 72px; margin-right: 72px; }
h2 { margin: 0 0 28px; padding: 22px 232px 22px 72px; min-height: 56px; background: var(--ringkas-primary); color: var(--ringkas-background); }
section.title { justify-content: center; padding: 64px 96px; background: var(--ringkas-primary); box-shadow: none; }
section.title h1 { font-size: 64px; margin-bottom: 28px; color: var(--ringkas-background); }
section.title p { font-size: 30px; color: var(--ringkas-background); margin: 0 0 6px; }
section.title::after { color: var(--ringkas-background); }
section.conclusion { background: ${conclusionTint(tokens.layout, colors)}; }
section.conclusion li { font-weight: 600; }
${logoCss(tokens)}`;
}

const LAYOUTS: Record<LayoutName, (tokens: ThemeTokens) => string> = { academic, briefing, institution };

/** The layouts' names, for messages and the starter YAML. */
export const LAYOUT_NAMES = Object.keys(LAYOUTS) as LayoutName[];

/** The Marp theme CSS of a theme, derived from its tokens. */
export function themeCss(tokens: ThemeTokens): string {
  const header = `/**\n * @theme ${tokens.name}\n * @size 16:9 1280px 720px\n *\n * Generated by ringkas from the theme's design tokens (layout "${tokens.layout}"); edit the tokens, not this file.\n */\n`;
  return `${header}${LAYOUTS[tokens.layout](tokens)}`;
}

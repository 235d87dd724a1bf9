/**
 * Design tokens: the one source of truth of a theme, from which ringkas derives both the Marp CSS
 * and the styling of the editable PPTX.
 */

/** The five colours of a theme, as `#rrggbb`. */
export interface ThemeColors {
  primary: string;
  accent: string;
  background: string;
  text: string;
  muted: string;
}

/** A font: a family name, and the local file that provides it when it is not installed. */
export interface FontToken {
  family: string;
  /** An embedded font file: its MIME type and bytes, base64. */
  file?: { format: 'truetype' | 'opentype' | 'woff' | 'woff2'; base64: string };
}

/** An image embedded in the theme, so that PDF and PPTX carry it without local file access. */
export interface LogoToken {
  mime: 'image/png' | 'image/jpeg' | 'image/svg+xml';
  base64: string;
}

/** The layouts ringkas knows; every theme is one of them with its own tokens. */
export type LayoutName = 'academic' | 'briefing' | 'institution';

/** Everything a theme is. */
export interface ThemeTokens {
  name: string;
  layout: LayoutName;
  colors: ThemeColors;
  fonts: { heading: FontToken; body: FontToken };
  logo?: LogoToken;
  footer?: string;
  pagination: boolean;
}

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
function luminance(color: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(color.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((value) => (value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The contrasts WCAG AA asks of a theme: body text 4.5:1, headings (large text) 3:1. */
export const CONTRAST_RULES: readonly { key: keyof ThemeColors; min: number; role: string }[] = [
  { key: 'text', min: 4.5, role: 'body text' },
  { key: 'muted', min: 4.5, role: 'secondary text (subtitles, page numbers)' },
  { key: 'primary', min: 3, role: 'headings' },
];

import type { Theme } from './index.js';
import type { LayoutName, LogoToken, ThemeColors } from './tokens.js';
import { familyNames, parseFamilyList } from './values.js';

/** The colours, fonts and layout of a theme, for output that is not drawn from its CSS (the editable PPTX). */
export interface ThemeStyle {
  colors: ThemeColors;
  fonts: { heading: string; body: string };
  logo?: LogoToken;
  /** The layout the theme's slides follow (a theme without tokens is laid out like `academic`). */
  layout?: LayoutName;
  footer?: string;
  /** Slide numbers (default true). */
  pagination?: boolean;
}

/** Used for themes that declare no tokens (Marp's own, or a user's CSS). */
export const DEFAULT_STYLE: ThemeStyle = {
  colors: { primary: '#14305a', accent: '#c8932b', background: '#ffffff', text: '#1f2430', muted: '#5b6170' },
  fonts: { heading: 'Arial', body: 'Arial' },
};

/**
 * A theme's colours, fonts and logo: its tokens where it has them; for a plain CSS theme the
 * `--ringkas-*` custom properties of its CSS, falling back to {@link DEFAULT_STYLE} for each one it
 * does not declare. Fonts are the first family of each list; a CSS theme's family that is not a
 * plain name by {@link parseFamilyList} falls back too.
 */
export function themeStyle(theme: Theme): ThemeStyle {
  if (theme.tokens) {
    const { colors, fonts, logo, layout, footer, pagination } = theme.tokens;
    const style: ThemeStyle = { colors: { ...colors }, fonts: { heading: familyNames(fonts.heading.family)[0]!, body: familyNames(fonts.body.family)[0]! }, layout, pagination };
    if (logo) style.logo = logo;
    if (footer) style.footer = footer;
    return style;
  }
  const css = theme.css ?? '';
  const token = (name: string) => new RegExp(`--ringkas-${name}\\s*:\\s*([^;]+);`, 'u').exec(css)?.[1]?.trim();
  const color = (name: keyof ThemeStyle['colors']) => {
    const value = token(name);
    return value && /^#[0-9a-f]{6}$/iu.test(value) ? value.toLowerCase() : DEFAULT_STYLE.colors[name];
  };
  const font = (name: keyof ThemeStyle['fonts']) => {
    const first = token(`font-${name}`)?.split(',')[0]?.trim().replace(/^['"]|['"]$/gu, '');
    return first && parseFamilyList(first)?.length === 1 ? first : DEFAULT_STYLE.fonts[name];
  };
  return {
    colors: { primary: color('primary'), accent: color('accent'), background: color('background'), text: color('text'), muted: color('muted') },
    fonts: { heading: font('heading'), body: font('body') },
  };
}

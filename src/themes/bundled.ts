import type { ThemeTokens } from './tokens.js';

/**
 * The bundled themes, as tokens. Each is legible from the back of a lecture hall (large type,
 * contrast well above WCAG AA) and each has its own layout.
 */
export const BUNDLED_THEMES: Record<string, ThemeTokens> = {
  ringkas: {
    name: 'ringkas',
    layout: 'academic',
    colors: { primary: '#14305a', accent: '#c8932b', background: '#fbfaf7', text: '#1f2430', muted: '#5b6170' },
    fonts: { heading: { family: 'Source Sans 3' }, body: { family: 'Source Sans 3' } },
    pagination: true,
  },
  briefing: {
    name: 'briefing',
    layout: 'briefing',
    colors: { primary: '#f5c451', accent: '#e0a526', background: '#111827', text: '#f3f4f6', muted: '#b6bcc8' },
    fonts: { heading: { family: 'Noto Serif' }, body: { family: 'Noto Sans' } },
    pagination: true,
  },
  institution: {
    name: 'institution',
    layout: 'institution',
    colors: { primary: '#7a1526', accent: '#d4a017', background: '#ffffff', text: '#1b1f29', muted: '#565d6b' },
    fonts: { heading: { family: 'Noto Sans' }, body: { family: 'Noto Sans' } },
    pagination: true,
  },
};

/** The theme used when none is asked for. */
export const DEFAULT_THEME = 'ringkas';

/** Themes that ship with Marp itself: usable by name, and the only ones a CSS theme may import. */
export const MARP_THEMES = ['default', 'gaia', 'uncover'] as const;

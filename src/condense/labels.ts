import type { Language } from '../model.js';

/** Words ringkas itself puts on slides, in each language it knows. */
export interface Labels {
  introduction: string;
  agenda: string;
  continued: string;
  glossary: string;
  conclusion: string;
  /** The last agenda line when there are too many sections to list. */
  more: (count: number) => string;
}

const LABELS: Record<Language, Labels> = {
  id: {
    introduction: 'Pendahuluan',
    agenda: 'Agenda',
    continued: 'lanjutan',
    glossary: 'Glosarium',
    conclusion: 'Kesimpulan',
    more: (count) => `… dan ${count} bagian lainnya`,
  },
  en: {
    introduction: 'Introduction',
    agenda: 'Agenda',
    continued: 'cont.',
    glossary: 'Glossary',
    conclusion: 'Key takeaways',
    more: (count) => `… and ${count} more sections`,
  },
};

/** The slide labels for a language. */
export function labelsFor(lang: Language): Labels {
  return LABELS[lang];
}

import type { Language } from '../model.js';

/** Words ringkas itself puts on slides, in each language it knows. */
export interface Labels {
  introduction: string;
  agenda: string;
  continued: string;
  glossary: string;
  conclusion: string;
}

const LABELS: Record<Language, Labels> = {
  id: {
    introduction: 'Pendahuluan',
    agenda: 'Agenda',
    continued: 'lanjutan',
    glossary: 'Glosarium',
    conclusion: 'Kesimpulan',
  },
  en: {
    introduction: 'Introduction',
    agenda: 'Agenda',
    continued: 'cont.',
    glossary: 'Glossary',
    conclusion: 'Key takeaways',
  },
};

/** The slide labels for a language. */
export function labelsFor(lang: Language): Labels {
  return LABELS[lang];
}

import { eng, ind } from 'stopword';
import type { Language } from './model.js';

/**
 * Function words of each language ringkas knows (the `stopword` package's lists), shared by
 * language detection, title finding, ranking and compression.
 */
export const STOPWORDS: Record<Language, ReadonlySet<string>> = { id: new Set(ind), en: new Set(eng) };

/**
 * The per-language data, one module per language: the stages read a language's word lists and
 * rules from here and restate none of them.
 */
import type { Language } from '../model.js';
import * as en from './en.js';
import * as id from './id.js';
import type { LanguageData } from './types.js';

export type { CompressionRules, ConclusionCues, Labels, LanguageData, TokenizerRules } from './types.js';

/** The data of every language ringkas knows. */
export const LANGUAGES: Readonly<Record<Language, LanguageData>> = { id, en };

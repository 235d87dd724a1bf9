/**
 * The parts of zod/mini that ringkas checks values with (the option rules, the config file, theme
 * files), and English's messages. They are named one by one so that the bundle
 * (scripts/bundle.mjs) holds only these and the core they use: zod/mini's whole namespace brings
 * its 60-odd locales, JSON Schema conversion and the rest, 0.7 MB whose loading took 23 ms of every
 * build and check; these take 5 ms (medians of 20 runs).
 */
export { array, boolean, custom, enum, gte, int, lte, maxLength, minLength, number, optional, pipe, regex, strictObject, string, transform, union } from 'zod/mini';
export type { ZodMiniOptional, ZodMiniType, core, input, output } from 'zod/mini';
export { en } from 'zod/locales';

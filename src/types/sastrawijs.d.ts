// sastrawijs ships types that its package.json does not point to under ESM resolution.
declare module 'sastrawijs' {
  export class Stemmer {
    stem(word: string): string;
  }
}

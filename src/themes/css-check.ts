/**
 * The rule for a user's own Marp CSS theme (`--theme my.css`): it may style the deck in any way, but
 * it may not pull anything in. The browser that renders PDF, PPTX and PNG loads nothing but the
 * deck, and the HTML output is meant to open the same way anywhere, without asking any address for
 * anything; so a theme may import only Marp's own themes, and every URL in it is a `data:` URL.
 */

import { MARP_THEMES } from './bundled.js';
import { shownValue } from './values.js';

/** Functions whose string arguments are URLs the browser would fetch. */
const URL_FUNCTIONS = new Set(['url', 'src', 'image', 'image-set', '-webkit-image-set']);

/** At-rules whose first argument is another style sheet. */
const IMPORT_RULES = new Set(['import', 'import-theme']);

type Token = { type: 'string' | 'url'; value: string } | { type: 'function' | 'at' | 'ident'; name: string } | { type: 'open' | 'close' | 'space' | 'other' };

/**
 * What is wrong with a user's CSS theme, in the words of an error message, or `undefined` when it
 * keeps to the rule: no `@import` but of Marp's themes, no URL but a `data:` one (in `url()`,
 * `src()`, `image()` and `image-set()`, however the name is spelt with CSS escapes), and no
 * `</style`, which would end the HTML's style element around the theme.
 */
export function cssThemeProblem(css: string): string | undefined {
  if (/<\/style/iu.test(css)) return 'contains "</style", which would end the style element of the HTML; remove it';
  const functions: string[] = [];
  let importing: string | undefined;
  for (const token of tokenize(css)) {
    if (token.type === 'space') continue;
    if (importing !== undefined) {
      const name = token.type === 'string' ? token.value : undefined;
      if (name === undefined || !(MARP_THEMES as readonly string[]).includes(name)) {
        return `@${importing} may name only Marp's own themes (${MARP_THEMES.join(', ')}); the deck loads no other file, so copy the CSS into this one`;
      }
      importing = undefined;
      continue;
    }
    switch (token.type) {
      case 'at':
        if (IMPORT_RULES.has(token.name)) importing = token.name;
        break;
      case 'function':
        functions.push(token.name);
        break;
      case 'open':
        functions.push('');
        break;
      case 'close':
        functions.pop();
        break;
      case 'url':
        if (!isDataUrl(token.value)) return notData('url', token.value);
        break;
      case 'string':
        if (URL_FUNCTIONS.has(functions.at(-1) ?? '') && !isDataUrl(token.value)) return notData(functions.at(-1)!, token.value);
        break;
      default:
        break;
    }
  }
  return importing === undefined ? undefined : `@${importing} without a theme name`;
}

function isDataUrl(url: string): boolean {
  return /^\s*data:/iu.test(url);
}

function notData(fn: string, url: string): string {
  return `${fn}() of ${shownValue(url)}: only data: URLs are allowed, since the deck loads no other file; embed the file as a data: URL`;
}

/** Whitespace and a quote: `url(` followed by a string is a function, otherwise a URL token. */
const QUOTE_AHEAD = /[ \t\n\r\f]*["']/uy;

/** Whether `char` may be part of a CSS name (identifier, function or at-keyword). */
function isNameChar(char: string | undefined): boolean {
  return char !== undefined && (/[A-Za-z0-9_-]/u.test(char) || char.charCodeAt(0) >= 0x80);
}

/**
 * A CSS tokenizer after CSS Syntax Level 3, reduced to what the rule needs: comments skipped,
 * strings, names and `url(…)` with their escapes decoded (so `\75 rl(` is `url(`), and brackets.
 */
function* tokenize(css: string): Generator<Token> {
  let at = 0;
  /** Decodes the escape at `at` (which holds the backslash) and moves past it. */
  const escape = (): string => {
    const hex = /^[0-9a-fA-F]{1,6}/u.exec(css.slice(at + 1, at + 7))?.[0];
    if (hex) {
      at += 1 + hex.length;
      if (/[ \t\n\r\f]/u.test(css[at] ?? '')) at += css[at] === '\r' && css[at + 1] === '\n' ? 2 : 1;
      const code = Number.parseInt(hex, 16);
      return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
    }
    at += 2;
    return css[at - 1] ?? '';
  };
  const name = (): string => {
    let text = '';
    while (at < css.length) {
      if (css[at] === '\\' && css[at + 1] !== '\n') text += escape();
      else if (isNameChar(css[at])) text += css[at++];
      else break;
    }
    return text;
  };
  while (at < css.length) {
    const char = css[at]!;
    if (char === '/' && css[at + 1] === '*') {
      const end = css.indexOf('*/', at + 2);
      at = end === -1 ? css.length : end + 2;
    } else if (char === '"' || char === "'") {
      let text = '';
      at += 1;
      while (at < css.length && css[at] !== char && css[at] !== '\n') {
        if (css[at] === '\\') {
          if (css[at + 1] === '\n') at += 2;
          else text += escape();
        } else text += css[at++];
      }
      at += 1;
      yield { type: 'string', value: text };
    } else if (char === '@' && (isNameChar(css[at + 1]) || css[at + 1] === '\\')) {
      at += 1;
      yield { type: 'at', name: name().toLowerCase() };
    } else if (isNameChar(char) || (char === '\\' && css[at + 1] !== '\n')) {
      const text = name().toLowerCase();
      if (css[at] !== '(') {
        yield { type: 'ident', name: text };
        continue;
      }
      at += 1;
      QUOTE_AHEAD.lastIndex = at;
      const quoted = QUOTE_AHEAD.test(css);
      if (text !== 'url' || quoted) {
        yield { type: 'function', name: text };
        continue;
      }
      let url = '';
      while (at < css.length && css[at] !== ')') url += css[at] === '\\' ? escape() : css[at++];
      at += 1;
      yield { type: 'url', value: url.trim() };
    } else {
      at += 1;
      if (/[ \t\n\r\f]/u.test(char)) yield { type: 'space' };
      else if (char === '(') yield { type: 'open' };
      else if (char === ')') yield { type: 'close' };
      else yield { type: 'other' };
    }
  }
}

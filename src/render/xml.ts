/**
 * Text bound for XML (the parts of a PPTX). XML 1.0 forbids some characters outright — even as
 * character references — so they are dropped rather than escaped; what remains is escaped where
 * no library does it for us.
 */

import { escapeHtml } from '../html-escape.js';

/**
 * What XML 1.0's `Char` production leaves out: C0 controls other than tab, line feed and carriage
 * return, lone surrogates (with the `u` flag a surrogate pair is one code point and never matches),
 * and the non-characters U+FFFE and U+FFFF.
 */
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/gu;

/** `text` without the characters XML 1.0 forbids; nothing else changes. */
export function xmlText(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

/** `text` ready for an XML attribute value or element content: forbidden characters dropped, markup escaped. */
export function xmlEscape(text: string): string {
  // The HTML escape writes numeric character references, which XML reads the same way.
  return escapeHtml(xmlText(text));
}

/**
 * A copy of `value` with {@link xmlText} applied to every string in it, however deep: the one
 * gate every text passes on its way into a PPTX, so that a field added to the model later is
 * covered too.
 */
export function xmlSafe<T>(value: T): T {
  if (typeof value === 'string') return xmlText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => xmlSafe(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, xmlSafe(item)])) as T;
  }
  return value;
}

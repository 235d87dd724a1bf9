import { Buffer } from 'node:buffer';

/**
 * Which character encoding an article's bytes are in. A byte order mark decides for any article.
 * Without one, Markdown and plain text must be UTF-8; a web page may declare another encoding in a
 * `<meta charset>` or `<meta http-equiv="Content-Type">` tag, as browsers allow, and is decoded with
 * it (windows-1252, iso-8859-x, shift_jis, gbk, …) — unless its bytes are valid UTF-8, which a page
 * saved again as UTF-8 is while it still declares its old encoding, and which text in a legacy
 * encoding practically never is.
 */

/** How a text was decoded, or why it could not be. */
export type Decoded = { text: string; encoding: string } | { problem: string };

/** How far into a page its charset declaration is looked for (browsers look at the first 1,024 bytes, then on while parsing). */
const PRESCAN_BYTES = 64 * 1024;
/** The longest `<meta>` tag read for a declaration. */
const MAX_META_TAG = 1024;

/** The encoding a byte order mark names, and the mark's length. */
export function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * The charset a page declares in a `<meta>` tag near its start, as written (`windows-1252`), or
 * `undefined`. Read from the bytes as Latin-1, so that it is found whatever the encoding; each
 * tag is looked at once and for at most {@link MAX_META_TAG} characters, so this stays linear.
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString('latin1');
  const lower = head.toLowerCase();
  for (let at = lower.indexOf('<meta'); at !== -1; at = lower.indexOf('<meta', at + 5)) {
    const end = lower.indexOf('>', at);
    const tag = lower.slice(at, end === -1 ? at + MAX_META_TAG : Math.min(end, at + MAX_META_TAG));
    const charset = /charset\s*=\s*["']?\s*([a-z0-9_.:-]+)/u.exec(tag);
    if (charset) return charset[1];
  }
  return undefined;
}

/**
 * Decodes an article's bytes: by its byte order mark, else as UTF-8, else — for a web page
 * (`html`) — in the charset it declares. Fails (with the reason, in words for the user) on bytes
 * that none of these decodes.
 */
export function decodeArticle(bytes: Uint8Array, html: boolean): Decoded {
  const mark = byteOrderMark(bytes);
  if (mark) return decodeStrictly(bytes.subarray(mark.length), mark.encoding);
  const utf8 = decodeStrictly(bytes, 'utf-8');
  if ('text' in utf8 || !html) return utf8;
  const declared = declaredCharset(bytes);
  if (declared === undefined) return { problem: 'not valid UTF-8 and declares no charset; add <meta charset="…"> naming its encoding, or save it as UTF-8' };
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared);
  } catch {
    return { problem: `declares charset "${declared}", which ringkas cannot decode; save it as UTF-8` };
  }
  // A page cannot declare UTF-16 in its own markup (browsers read such a page as UTF-8): its bytes are then not valid UTF-8.
  if (decoder.encoding === 'utf-8' || decoder.encoding.startsWith('utf-16')) return { problem: `not valid UTF-8 although it declares charset "${declared}"; save it as UTF-8` };
  const text = decoder.decode(bytes);
  return { text: decoder.encoding === 'windows-1252' ? withWindows1252Punctuation(text) : text, encoding: decoder.encoding };
}

/**
 * What windows-1252 writes in bytes 0x80–0x9F (the WHATWG Encoding Standard's index; the five bytes
 * it leaves unassigned stay control characters). Node 20's decoder reads those bytes as Latin-1
 * controls, which would lose every curly quote, dash and euro sign of such a page.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** `text` decoded as windows-1252, with the characters that encoding has at 0x80–0x9F put back. */
export function withWindows1252Punctuation(text: string): string {
  return text.replace(/[\u0080-\u009f]/gu, (character) => WINDOWS_1252_HIGH[character.charCodeAt(0) - 0x80]!);
}

function decodeStrictly(bytes: Uint8Array, encoding: string): Decoded {
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes), encoding };
  } catch {
    return { problem: `not valid ${encoding === 'utf-8' ? 'UTF-8' : 'UTF-16'} text; save the file as UTF-8 and try again` };
  }
}

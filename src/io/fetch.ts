import { Buffer } from 'node:buffer';
import { ExitCode, RingkasError, fail, firstLine } from '../errors.js';
import { type Source, type SourceKind, sniffBinaryKind, sniffKind } from '../parse/index.js';
import { byteOrderMark, declaredCharset, withWindows1252Punctuation } from './charset.js';

/** How a web address is fetched. */
export interface FetchOptions {
  /** Milliseconds the whole fetch may take, from connecting to the last byte (default 30 000). */
  timeout?: number;
  /** The most bytes the body may have; a longer one is refused as soon as it passes the limit. */
  maxBytes: number;
  /** Redirects followed at most (default 5). */
  maxRedirects?: number;
  /** Stops the fetch when the run is stopped. */
  signal?: AbortSignal;
  /** What is fetched, for the message about its size (default "an article"). */
  what?: string;
}

/** How long a fetch may take by default: a slow news site answers within seconds, a dead one never. */
export const FETCH_TIMEOUT_MS = 30_000;

/** Redirects followed at most. */
export const MAX_REDIRECTS = 5;

/** Whether an input names a web address rather than a file. */
export function isWebAddress(input: string): boolean {
  return /^https?:\/\//iu.test(input);
}

/** Content types ringkas reads, by the kind of source they are. */
const KIND_BY_TYPE: Record<string, SourceKind> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/**
 * Fetches an article from the web: at most {@link MAX_REDIRECTS} redirects (a loop is said to be
 * one), the whole fetch within `timeout`, the body counted as it arrives and refused past
 * `maxBytes`, the kind told by the Content-Type (else by the bytes), and text decoded by the
 * charset the response header declares, else the page's `<meta charset>`, else UTF-8 — what the
 * page says being checked against its bytes. Every failure is one line that names the address
 * and what to do; nothing is thrown otherwise.
 */
export async function fetchSource(address: string, options: FetchOptions): Promise<Source> {
  const { bytes, contentType, url } = await fetchBytes(address, options);
  const said = (message: string): never => fail(`${address}: ${message}`);
  if (bytes.length === 0) said('the page is empty; check the address');
  const mime = contentType.split(';', 1)[0]!.trim().toLowerCase();
  const kind = KIND_BY_TYPE[mime] ?? sniffBinaryKind(bytes);
  if (kind === 'pdf' || kind === 'docx') return { path: address, text: '', kind, bytes, url };
  if (kind === undefined && mime !== '' && !mime.startsWith('text/') && mime !== 'application/octet-stream') said(`is ${mime}, not an article; give the address of a web page, a PDF or a Word document`);

  const { text, warning } = decodeText(bytes, charsetOf(contentType), kind === 'html' || kind === undefined);
  const source: Source = { path: address, text, kind: kind ?? sniffKind(text), url };
  if (warning) source.warnings = [warning];
  return source;
}

/** What a fetch brought: the body, its Content-Type, and the address it came from after redirects. */
export interface Fetched {
  bytes: Buffer;
  contentType: string;
  url: string;
}

/**
 * The body of a web address, within the limits of {@link FetchOptions}: redirects followed and
 * counted, the deadline kept, the size checked before and while reading. Fails with one line
 * naming the address.
 */
export async function fetchBytes(address: string, options: FetchOptions): Promise<Fetched> {
  const { timeout = FETCH_TIMEOUT_MS, maxBytes, maxRedirects = MAX_REDIRECTS, signal, what = 'an article' } = options;
  const deadline = AbortSignal.timeout(timeout);
  const stop = signal ? AbortSignal.any([signal, deadline]) : deadline;
  const said = (message: string): never => fail(`${address}: ${message}`);
  const failed = (error: unknown): never => {
    if (signal?.aborted) fail(`${address}: stopped while fetching the article; nothing was written for it`, ExitCode.interrupted);
    if (deadline.aborted) said(`no complete answer within ${seconds(timeout)}; check the address, or try again when the site answers`);
    // A refusal said while reading the body is already the message.
    if (error instanceof RingkasError) throw error;
    return said(networkProblem(error));
  };

  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return said('is not a valid web address; check it');
  }
  const seen = new Set<string>();
  let response: Response | undefined;
  for (let redirects = 0; ; redirects += 1) {
    seen.add(url.href);
    response = await fetch(url, { redirect: 'manual', signal: stop, headers: { accept: ACCEPT, 'user-agent': USER_AGENT } }).catch(failed);
    if (response.status < 300 || response.status >= 400 || response.status === 304) break;
    const location = response.headers.get('location');
    await response.body?.cancel().catch(() => undefined);
    if (location === null) return said(`the server answered ${response.status} without saying where to; check the address`);
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      return said(`redirects to "${location.slice(0, 100)}", which is not a valid address; the site is misconfigured`);
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') said(`redirects to ${next.protocol} address, which ringkas does not fetch`);
    if (seen.has(next.href)) said(`redirects in a loop (back to ${next.href}); the site is misconfigured, try again later`);
    if (redirects + 1 > maxRedirects) said(`redirects more than ${maxRedirects} times; give the address it ends at`);
    url = next;
  }
  if (!response.ok) said(`the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}; check the address`);
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) said(tooLarge(maxBytes, what));
  const bytes = await readBody(response, maxBytes, () => said(tooLarge(maxBytes, what))).catch(failed);
  return { bytes, contentType: response.headers.get('content-type') ?? '', url: url.href };
}

const ACCEPT = 'text/html,application/xhtml+xml,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain;q=0.9,*/*;q=0.5';
const USER_AGENT = 'ringkas (article to slides; +https://www.npmjs.com/package/ringkas)';

/** The body, counted as it arrives and refused as soon as it passes `maxBytes`. */
async function readBody(response: Response, maxBytes: number, tooMuch: () => never): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      tooMuch();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(maxBytes: number, what: string): string {
  return `is more than the ${(maxBytes / 1024 / 1024).toFixed(1)} MB ${what} may have; save the part you need and give that file`;
}

function seconds(milliseconds: number): string {
  return milliseconds % 1000 === 0 ? `${milliseconds / 1000} s` : `${milliseconds} ms`;
}

/** A network error as the user can act on it: the host's name, the connection, the certificate. */
function networkProblem(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  switch (cause?.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'cannot find the server (no such host, or no network); check the address and the connection';
    case 'ECONNREFUSED':
      return 'the server refused the connection; check the address, or try again later';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the server closed the connection before the page was complete; try again later';
    default:
      if (cause?.code?.startsWith('CERT_') || cause?.code?.includes('SELF_SIGNED') || cause?.code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE') {
        return `the site's certificate is not valid (${cause.code}); check the address`;
      }
      return `cannot be fetched (${firstLine(cause ?? error)}); check the address and the connection`;
  }
}

/** The charset a Content-Type names, lower-cased, if it names one. */
function charsetOf(contentType: string): string | undefined {
  // One parameter at a time: a split, not a pattern that could backtrack over a long header.
  for (const parameter of contentType.split(';').slice(1)) {
    const [name, value] = parameter.split('=', 2).map((part) => part.trim());
    if (name?.toLowerCase() === 'charset' && value) return value.replace(/^"|"$/gu, '').toLowerCase();
  }
  return undefined;
}

/**
 * The text of a response: a byte order mark first, then the charset the header declares, then
 * (for HTML) the page's own declaration, else UTF-8. A label TextDecoder does not know, or text
 * that is not the UTF-8 it claims to be, is read the way browsers fall back (windows-1252 for bytes
 * that are not UTF-8) and reported.
 */
function decodeText(bytes: Buffer, headerCharset: string | undefined, html: boolean): { text: string; warning?: string } {
  const mark = byteOrderMark(bytes);
  if (mark) return { text: new TextDecoder(mark.encoding).decode(bytes.subarray(mark.length)) };
  const declared = headerCharset ?? (html ? declaredCharset(bytes) : undefined);
  let decoder: TextDecoder | undefined;
  let warning: string | undefined;
  try {
    decoder = new TextDecoder(declared ?? 'utf-8', { fatal: true });
  } catch {
    warning = `the page declares an unknown charset "${declared}"; read it as UTF-8`;
  }
  try {
    const used = decoder ?? new TextDecoder('utf-8', { fatal: true });
    const text = used.decode(bytes);
    return { text: used.encoding === 'windows-1252' ? withWindows1252Punctuation(text) : text, ...(warning ? { warning } : {}) };
  } catch {
    const said = declared && decoder ? `says it is ${declared}, but is not` : 'is not UTF-8';
    return { text: withWindows1252Punctuation(new TextDecoder('windows-1252').decode(bytes)), warning: `the page ${said}; read it as windows-1252` };
  }
}


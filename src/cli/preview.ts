import { stat } from 'node:fs/promises';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { resolve } from 'node:path';
import { type BuildOptions, presentableDeck } from '../build.js';
import { ExitCode, RingkasError, firstLine } from '../errors.js';
import { isWebAddress } from '../io/fetch.js';
import { cspHash } from '../render/csp.js';
import { displayPath, expandInputs, printable } from '../io/inputs.js';
import { type Following, aborted, watchSources } from './watch.js';

/** The only address the preview listens on: this machine, never the network. */
export const PREVIEW_HOST = '127.0.0.1';

/** Where `preview` writes: the address on stdout, what happens on stderr. */
export interface PreviewIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const STYLE = 'html,body{height:100%;margin:0;background:#000}iframe{display:block;width:100%;height:100%;border:0}#problem{position:fixed;inset:0 0 auto;z-index:1;margin:0;padding:.6em 1em;background:#b00020;color:#fff;font:15px/1.4 system-ui,sans-serif;white-space:pre-wrap}[hidden]{display:none!important}';

/**
 * The wrapper page's script: the deck in a frame, loaded when the event stream says which deck is
 * current, and loaded again (on the same slide: the deck keeps its number in the address's hash)
 * whenever another deck is current; a failed rebuild shows its message over the last good deck.
 */
const SCRIPT = `const frame = document.getElementById('deck');
const problem = document.getElementById('problem');
let shown = '';
frame.addEventListener('load', () => {
  document.title = frame.contentDocument.title + ' (preview)';
  frame.contentWindow.focus();
});
const events = new EventSource('/events');
events.addEventListener('rebuilt', (event) => {
  problem.hidden = true;
  if (event.data === shown) return;
  if (shown === '') frame.src = '/deck.html' + location.hash;
  else frame.contentWindow.location.reload();
  shown = event.data;
});
events.addEventListener('failed', (event) => {
  problem.textContent = event.data;
  problem.hidden = false;
});`;

const WRAPPER = [
  '<!DOCTYPE html>',
  '<html lang="en">',
  '<head>',
  '<meta charset="utf-8">',
  '<meta name="viewport" content="width=device-width,initial-scale=1">',
  '<title>ringkas preview</title>',
  `<style>${STYLE}</style>`,
  '</head>',
  '<body>',
  '<p id="problem" role="alert" hidden></p>',
  '<iframe id="deck" title="deck" allow="fullscreen"></iframe>',
  `<script>${SCRIPT}</script>`,
  '</body>',
  '</html>',
  '',
].join('\n');

/** The wrapper's policy: its own style and script by hash, the event stream and the deck of this server, nothing else. */
const WRAPPER_POLICY = `default-src 'none'; script-src ${cspHash(SCRIPT)}; style-src ${cspHash(STYLE)}; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** Headers of every answer: nothing cached (the deck changes), no type guessed. */
const COMMON_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

/**
 * Checks that `input` is one article `preview` can show: a file, a web address or `-`; a folder is
 * a usage error that names an article in it to give instead.
 */
export async function checkPreviewInput(input: string, cwd: string): Promise<void> {
  if (input === '-' || isWebAddress(input)) return;
  const info = await stat(resolve(cwd, input)).catch(() => undefined);
  if (!info?.isDirectory()) return;
  const shown = displayPath(input, cwd);
  const [first] = await expandInputs([input], cwd);
  const example = first && 'file' in first ? `, e.g. "ringkas preview ${first.path}"` : '';
  throw new RingkasError(`preview: ${shown} is a folder; preview shows one article, so give one file${example}`, ExitCode.usage);
}

/** The answer to one request: only the wrapper, the deck and the event stream, by their exact paths. */
type Route = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * `ringkas preview`: makes the deck of one article, serves it on 127.0.0.1 inside a wrapper page
 * that reloads it when it is rebuilt, and rebuilds it when the article, the theme file or the
 * config changes (the config read anew by `reload`). A rebuild that fails keeps the last good deck
 * and shows its message. Runs until `signal` aborts, then resolves to exit code 0.
 */
export async function preview(initial: BuildOptions, port: number, io: PreviewIo, { configPath, reload, signal }: Following): Promise<number> {
  let options = initial;
  const reportWarnings = (warnings: readonly string[]) => warnings.forEach((warning) => io.stderr(`warning: ${warning}\n`));
  // The last good deck, once there is one.
  let deck: string | undefined;
  // Which deck is current: a new server's decks differ from an old one's, so a page that reconnects to it reloads.
  const started = Date.now().toString(36);
  let version = 0;
  let problem: string | undefined;
  const clients = new Set<ServerResponse>();
  const send = (response: ServerResponse, event: string, data: string) => response.write(`event: ${event}\ndata: ${printable(data)}\n\n`);
  const current = () => `${started}-${version}`;
  // The port listened on, once known (`port` may be 0: any free one).
  let bound = port;

  const routes: Record<string, Route> = {
    '/': (request, response) => answer(request, response, 'text/html; charset=utf-8', WRAPPER, { 'Content-Security-Policy': WRAPPER_POLICY }),
    // The deck as `build` writes it, its own policy inside; the header only keeps it out of other sites' frames.
    '/deck.html': (request, response) =>
      deck === undefined ? answer(request, response, 'text/plain; charset=utf-8', 'the deck is not made yet\n', { 'Retry-After': '1' }, 503) : answer(request, response, 'text/html; charset=utf-8', deck, { 'Content-Security-Policy': "frame-ancestors 'self'" }),
    '/events': (request, response) => {
      response.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
      if (request.method === 'HEAD') return void response.end();
      response.write('retry: 1000\n\n');
      send(response, 'rebuilt', current());
      if (problem !== undefined) send(response, 'failed', problem);
      clients.add(response);
      response.on('close', () => clients.delete(response));
    },
  };
  const server = createServer((request, response) => {
    // The exact paths only, before any decoding or normalising: no file is served by its path.
    const path = (request.url ?? '').split('?', 1)[0]!;
    const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (!route || (request.method !== 'GET' && request.method !== 'HEAD')) return void answer(request, response, 'text/plain; charset=utf-8', 'not found\n', {}, 404);
    // A page of another site that renamed itself to 127.0.0.1 (DNS rebinding) names its own host.
    if (!isOwnHost(request.headers.host, bound)) return void answer(request, response, 'text/plain; charset=utf-8', 'not this server\n', {}, 403);
    route(request, response);
  });
  // Listening first: a port in use is said before the deck is made.
  bound = await listen(server, port);
  try {
    const made = await presentableDeck(options);
    reportWarnings(made.report.warnings);
    deck = made.html;
    // Nothing is written, so no output folder is left out of the watch.
    const { inputs, theme, themeSet, cwd } = options;
    const watching = await watchSources(
      { inputs, theme, cwd, ...(themeSet === undefined ? {} : { themeSet }) },
      configPath,
      async ({ everything }) => {
        if (everything) options = await reload();
        const rebuilt = await presentableDeck(options);
        reportWarnings(rebuilt.report.warnings);
        deck = rebuilt.html;
        version += 1;
        problem = undefined;
        io.stderr(`rebuilt ${rebuilt.report.input}: ${rebuilt.report.slides} slides\n`);
        for (const client of clients) send(client, 'rebuilt', current());
      },
      // Bad input keeps the last good deck; the page and stderr say what went wrong.
      (error) => {
        problem = `error: ${firstLine(error)}`;
        io.stderr(`${problem}\n`);
        for (const client of clients) send(client, 'failed', problem);
      },
    );
    io.stderr(`watching ${watching.shown}\n`);
    io.stdout(`preview: http://${PREVIEW_HOST}:${bound}/ (Ctrl+C to stop)\n`);
    await aborted(signal);
    await watching.close();
  } finally {
    for (const client of clients) client.end();
    await new Promise((closed) => {
      server.close(closed);
      server.closeAllConnections();
    });
  }
  return ExitCode.ok;
}

/** Listens on {@link PREVIEW_HOST}: `port` (0: a free one); resolves to the port. */
function listen(server: Server, port: number): Promise<number> {
  return new Promise((ready, failed) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? 'is in use' : error.code === 'EACCES' ? 'may not be used by this user' : `cannot be listened on (${firstLine(error)})`;
      failed(new RingkasError(`--port: ${PREVIEW_HOST}:${port} ${reason}; choose another port, or --port 0 for a free one`, ExitCode.usage));
    });
    server.listen(port, PREVIEW_HOST, () => {
      const address = server.address();
      ready(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Whether a request's Host header names this server: 127.0.0.1 or localhost, on its port. */
function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `${PREVIEW_HOST}:${port}` || host === `localhost:${port}`;
}

function answer(request: IncomingMessage, response: ServerResponse, type: string, body: string, headers: Record<string, string>, status = 200): void {
  response.writeHead(status, { ...COMMON_HEADERS, ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  response.end(request.method === 'HEAD' ? undefined : body);
}

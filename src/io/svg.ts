/**
 * SVG pictures made safe to show, then drawn as PNG: only what draws is kept. An SVG is a document that can hold
 * scripts, event handlers, links, HTML inside `<foreignObject>`, animations that rewrite links and
 * CSS that loads from elsewhere; an article's figure may carry any of them. The picture is read with
 * the HTML parser (which expands no custom entities, so no "billion laughs"), passed through
 * hast-util-sanitize with an allow-list of SVG's drawing elements and attributes, and written back
 * as a standalone SVG document. References stay only within the picture (`#id`) or to embedded
 * raster data (`data:image/png;base64,…`); styles that load anything are left out. The result is
 * drawn by resvg ({@link svgPicture}): Marp takes no SVG `data:` picture, PowerPoint shows none
 * without a PNG beside it, and a PNG needs no browser.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { type Schema, sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { svg as svgSchema } from 'property-information';

/** The elements that draw, group, define or describe; nothing that runs, links, animates or embeds a document. */
const DRAWING_ELEMENTS = [
  'svg', 'g', 'defs', 'symbol', 'use', 'switch', 'title', 'desc', 'metadata',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'image',
  'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker', 'style',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting',
  'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR',
  'feGaussianBlur', 'feImage', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset', 'fePointLight',
  'feSpecularLighting', 'feSpotLight', 'feTile', 'feTurbulence',
];

/** Elements removed with everything inside them; others not allowed (a link) give way to their allowed content. */
const REMOVED_WITH_CONTENT = ['script', 'foreignObject', 'iframe', 'object', 'embed', 'audio', 'video', 'canvas', 'animate', 'animateMotion', 'animateTransform', 'set', 'discard', 'handler', 'listener'];

/**
 * Every SVG attribute but event handlers and the namespaced ones (`xlink:*`, `xml:*`, which a
 * standalone document would have to declare); `href` is checked apart ({@link isInternalReference}).
 */
const DRAWING_ATTRIBUTES = [...Object.keys(svgSchema.property).filter((name) => !/^on[A-Z]/u.test(name) && !/^(?:xLink|xml|xmlns)/u.test(name)), 'xLinkHref'];

const SCHEMA: Schema = {
  tagNames: DRAWING_ELEMENTS,
  strip: REMOVED_WITH_CONTENT,
  attributes: { '*': DRAWING_ATTRIBUTES },
  // Ids are the picture's own (its gradients, clips, symbols): renaming them would break their
  // `url(#id)` and `#id` references, and an SVG shown as a picture has no page to clobber.
  clobber: [],
  clobberPrefix: '',
  // `href` is checked by isInternalReference; here it must only not be dropped for its protocol.
  protocols: {},
  required: {},
  ancestors: {},
};

/** A reference to something inside the picture, or to raster data embedded in it. */
function isInternalReference(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.startsWith('#') || /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$/u.test(trimmed);
}

/**
 * Whether CSS can load something or hide what it does: an `@import`, a `url()` that is not `#id`,
 * an escape (which can spell either), an `expression()` or a `-moz-binding` of old browsers.
 */
function cssLoadsAnything(css: string): boolean {
  if (/@import|\\|expression\s*\(|binding/iu.test(css)) return true;
  for (const match of css.matchAll(/url\(/giu)) {
    const rest = css.slice(match.index + 4, match.index + 4 + 256).trimStart();
    if (!/^["']?#/u.test(rest)) return true;
  }
  return false;
}

/** Takes out what the schema cannot judge: outside references, and styles that load anything. */
function withoutOutsideReferences(node: Element): void {
  const { properties } = node;
  for (const name of ['href', 'xLinkHref']) {
    const value = properties[name];
    if (value === undefined) continue;
    delete properties[name];
    // SVG 2's plain `href` serves every browser that draws SVG, without the xlink namespace.
    if (typeof value === 'string' && isInternalReference(value)) properties['href'] = value;
  }
  for (const [name, value] of Object.entries(properties)) {
    if (typeof value === 'string' && cssLoadsAnything(value)) delete properties[name];
  }
  node.children = node.children.filter((child) => {
    if (child.type === 'comment') return false;
    return !(node.tagName === 'style' && child.type === 'text' && cssLoadsAnything(child.value));
  });
  for (const child of node.children) if (child.type === 'element') withoutOutsideReferences(child);
}

/**
 * The SVG picture in `text`, made safe (see the module's note), as a standalone SVG document; or
 * `undefined` when the text holds no `<svg>` element.
 */
export function sanitizeSvg(text: string): string | undefined {
  const tree = fromHtml(text, { fragment: true });
  const svg = findSvg(tree);
  if (!svg) return undefined;
  const clean = sanitize({ type: 'root', children: [svg] }, SCHEMA) as Root;
  const root = clean.children.find((child): child is Element => child.type === 'element' && child.tagName === 'svg');
  if (!root) return undefined;
  withoutOutsideReferences(root);
  root.properties['xmlns'] = 'http://www.w3.org/2000/svg';
  return toHtml(root, { space: 'svg' });
}

function findSvg(tree: Root | Element): Element | undefined {
  const pending: (Root | Element)[] = [tree];
  for (let at = 0; at < pending.length; at += 1) {
    const node = pending[at]!;
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'svg') return child;
      pending.push(child);
    }
  }
  return undefined;
}

/** The longest side, in pixels, of an SVG figure drawn as PNG (a figure fills at most 55% of a 1280-pixel slide). */
export const SVG_FIGURE_PIXELS = 1600;

/** How long one SVG figure may take to draw. */
export const SVG_DRAW_TIMEOUT_MS = 10_000;

/**
 * An SVG figure as a PNG of at most {@link SVG_FIGURE_PIXELS} on its longest side, drawn from its
 * safe form ({@link sanitizeSvg}) with the system's fonts; or why it cannot be shown.
 */
export async function svgPicture(text: string): Promise<Uint8Array | string> {
  let safe: string | undefined;
  try {
    safe = sanitizeSvg(text);
  } catch (error) {
    // The tree walks recurse: a picture nested tens of thousands deep is no drawing anyone made.
    if (error instanceof RangeError) return 'is nested too deeply to be drawn';
    throw error;
  }
  if (safe === undefined) return 'is not an SVG picture ringkas can read';
  return drawApart(safe);
}

/**
 * Draws a safe SVG with resvg in a process of its own, killed after {@link SVG_DRAW_TIMEOUT_MS}:
 * drawing is one native call, and a thread running it would hold the run until it ends.
 */
async function drawApart(svg: string): Promise<Uint8Array | string> {
  const { spawn } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  // By the package's layout, not this module's place: the command runs bundled (dist/bundle/), tests from src/.
  const child = spawn(process.execPath, [fileURLToPath(new URL('../../dist/io/svg-worker.js', import.meta.url)), String(SVG_FIGURE_PIXELS)], { stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  child.stdin.on('error', () => undefined);
  child.stdin.end(svg);
  return new Promise<Uint8Array | string>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(`took more than ${SVG_DRAW_TIMEOUT_MS / 1000} s to draw; save it as PNG`);
    }, SVG_DRAW_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve(`cannot be drawn (${error.message.split('\n')[0]})`);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      const png = Buffer.concat(out);
      resolve(code === 0 && png.length > 0 ? new Uint8Array(png) : Buffer.concat(err).toString('utf8').split('\n')[0] || 'cannot be drawn');
    });
  });
}

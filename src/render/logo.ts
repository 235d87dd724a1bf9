import { Buffer } from 'node:buffer';
import type { LogoToken } from '../themes/tokens.js';
import type { BrowserSession } from './browser/manager.js';

/** Width and height of an image, in its own units (pixels; an SVG's viewBox or width and height). */
export interface ImageSize {
  width: number;
  height: number;
}

/** The intrinsic size of a PNG (IHDR), a JPEG (its first SOF marker) or an SVG (viewBox, else width and height). */
export function imageSize(logo: LogoToken): ImageSize | undefined {
  const bytes = Buffer.from(logo.base64, 'base64');
  if (logo.mime === 'image/png') return bytes.length >= 24 ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : undefined;
  if (logo.mime === 'image/jpeg') {
    for (let at = 2; at + 9 < bytes.length; ) {
      if (bytes[at] !== 0xff) return undefined;
      const marker = bytes[at + 1]!;
      // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC) hold the frame's size.
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { width: bytes.readUInt16BE(at + 7), height: bytes.readUInt16BE(at + 5) };
      at += 2 + bytes.readUInt16BE(at + 2);
    }
    return undefined;
  }
  const svg = bytes.toString('utf8');
  const root = /<svg\b[^>]*>/iu.exec(svg)?.[0] ?? '';
  const viewBox = /\bviewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/iu.exec(root);
  if (viewBox) return { width: Number(viewBox[1]), height: Number(viewBox[2]) };
  const width = /\bwidth\s*=\s*["']([\d.]+)(px)?["']/iu.exec(root)?.[1];
  const height = /\bheight\s*=\s*["']([\d.]+)(px)?["']/iu.exec(root)?.[1];
  return width && height ? { width: Number(width), height: Number(height) } : undefined;
}

/** The largest box of the image's aspect ratio that fits `box`, centred in it. */
export function containIn(size: ImageSize | undefined, box: { x: number; y: number; w: number; h: number }): { x: number; y: number; w: number; h: number } {
  if (!size || size.width <= 0 || size.height <= 0) return box;
  const scale = Math.min(box.w / size.width, box.h / size.height);
  const w = size.width * scale;
  const h = size.height * scale;
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
}

/**
 * An SVG logo drawn by the browser as a PNG of `width` × `height` pixels (transparent around it):
 * the picture PowerPoint shows where it cannot draw SVG. Loaded as a data: URL in the run's
 * locked-down page, like every deck.
 */
export async function rasterizeSvg(session: BrowserSession, logo: LogoToken, width: number, height: number): Promise<Uint8Array> {
  return session.withPage(async (page) => {
    await page.setViewport({ width, height, deviceScaleFactor: 1 });
    await page.setContent(
      `<!DOCTYPE html><html><body style="margin:0;background:transparent"><img src="data:${logo.mime};base64,${logo.base64}" style="display:block;width:${width}px;height:${height}px;object-fit:contain"></body></html>`,
      { waitUntil: 'load' },
    );
    return await page.screenshot({ type: 'png', omitBackground: true, clip: { x: 0, y: 0, width, height } });
  });
}

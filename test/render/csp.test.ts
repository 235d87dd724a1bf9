import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/render/browser/finder.js';
import { type MarpRender, htmlDocument } from '../../src/render/marp.js';
import { tempDir } from '../helpers.js';

/**
 * The deck's HTML as a user opens it from disk in an ordinary browser (not ringkas's locked-down
 * page): even CSS that slipped past every check loads nothing, because the document's
 * Content-Security-Policy allows only inline styles and data: images and fonts.
 */
describe('the HTML deck opened in a browser', () => {
  it('loads nothing from the network even when its CSS asks to', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests += 1;
      response.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const hostile = `section{background-image:url(http://127.0.0.1:${port}/bg.png)}@font-face{font-family:X;src:url(http://127.0.0.1:${port}/f.woff)}section{font-family:X}`;
    const slides: MarpRender = { html: `<section><img src="http://127.0.0.1:${port}/img.png">Isi slide</section>`, css: hostile, slideCount: 1 };
    const document = htmlDocument(slides, { title: 'Uji', lang: 'id' });
    const dir = await tempDir();
    const withPolicy = join(dir, 'deck.html');
    const withoutPolicy = join(dir, 'control.html');
    await writeFile(withPolicy, document);
    // The control: the same page without the policy does make the requests, so the test can fail.
    await writeFile(withoutPolicy, document.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/u, ''));

    const { default: puppeteer } = await import('puppeteer-core');
    const found = await findBrowser();
    const browser = await puppeteer.launch({ executablePath: found.path, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(withPolicy).href, { waitUntil: 'networkidle0' });
      const blocked = requests;
      await page.goto(pathToFileURL(withoutPolicy).href, { waitUntil: 'networkidle0' });
      expect(blocked).toBe(0);
      expect(requests).toBeGreaterThan(0);
    } finally {
      await browser.close();
      server.close();
    }
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/render/browser/manager.js';

/**
 * The session keeps the pages of a run for the next deck (opening one costs 50–60 ms): a reused
 * page must be as a new one is, and as locked down.
 */
describe('pages of the shared browser', () => {
  const session = new BrowserSession();
  afterAll(() => session.close());

  it('gives a page back reset, blank and still locked down', async () => {
    const first = await session.withPage(async (page) => {
      await page.setViewport({ width: 1280, height: 720, deviceScaleFactor: 2 });
      await page.emulateMediaType('print');
      await page.setContent('<!DOCTYPE html><p id="secret">deck one</p>', { waitUntil: 'load' });
      return page;
    });
    const seen = await session.withPage(async (page) => {
      const state = await page.evaluate(() => ({ text: document.body?.textContent ?? '', width: innerWidth, height: innerHeight, ratio: devicePixelRatio, print: matchMedia('print').matches }));
      // A request to anything but a data: URL is refused, on a reused page as on a new one.
      const refused: string[] = [];
      page.on('requestfailed', (request) => refused.push(`${request.url()} ${request.failure()?.errorText}`));
      await page.setContent('<!DOCTYPE html><img src="http://127.0.0.1:9/x.png"><img src="https://example.com/y.png">', { waitUntil: 'load' });
      return { page, state, refused };
    });
    expect(seen.page).toBe(first);
    expect(seen.state).toEqual({ text: '', width: 800, height: 600, ratio: 1, print: false });
    expect(seen.refused.sort()).toEqual(['http://127.0.0.1:9/x.png net::ERR_BLOCKED_BY_CLIENT.Inspector', 'https://example.com/y.png net::ERR_BLOCKED_BY_CLIENT.Inspector']);
  });

  it('closes a page whose work failed instead of keeping it', async () => {
    let failed: unknown;
    await expect(
      session.withPage(async (page) => {
        failed = page;
        throw new Error('the deck could not be laid out');
      }),
    ).rejects.toThrow('the deck could not be laid out');
    const next = await session.withPage(async (page) => page);
    expect(next).not.toBe(failed);
    expect((failed as { isClosed: () => boolean }).isClosed()).toBe(true);
  });
});

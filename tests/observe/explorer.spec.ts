// @ci-once: the explorer's bundle does not depend on the database; CI runs this spec on PGlite only
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { EXPLORER_DIR, startGateway } from '@xiangzhi/gateway';
import { subgraph as grids } from '@xiangzhi/grids';
import { startTestPlatform, TEST_SECRETS, type TestPlatform } from '@xiangzhi/testing';
import type { RunningGateway } from '@xiangzhi/deployment';

// the bundle is built by `npm run build` (the gateway's build runs vite on apps/gateway/graphiql)
const built = fs.existsSync(`${EXPLORER_DIR}/index.html`);

(built ? describe : describe.skip)('GraphiQL from the gateway’s own bundle', () => {
  let platform: TestPlatform;
  let dev: RunningGateway;
  let prod: RunningGateway;

  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids] });
    const common = { supergraphSdl: platform.supergraphSdl, port: 0, jwtSecret: TEST_SECRETS.jwtSecret, internalSecret: TEST_SECRETS.internalSecret };
    dev = await startGateway({ ...common, production: false, explorerToken: 'dev-token-for-the-explorer' });
    prod = await startGateway({ ...common, production: true, explorerToken: 'dev-token-for-the-explorer' });
  }, 120_000);

  afterAll(async () => {
    await dev?.stop();
    await prod?.stop();
    await platform?.stop();
  });

  const page = (url: string) => fetch(url, { headers: { accept: 'text/html,application/xhtml+xml' } });

  it('development: GET /graphql answers the page, and every script, style, font and worker it needs comes from the gateway', async () => {
    const res = await page(dev.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    // the header editor starts with the development token
    const config = JSON.parse(/<script id="xz-explorer" type="application\/json">(.*?)<\/script>/s.exec(html)![1]) as { endpoint: string; headers: string };
    expect(JSON.parse(config.headers)).toEqual({ Authorization: 'Bearer dev-token-for-the-explorer' });
    expect(config.endpoint).toBe('/graphql');

    // no absolute URL to another host anywhere in the page
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThanOrEqual(2);
    // follow the references: the page's, then those of each stylesheet and script (fonts, workers, chunks)
    const seen = new Set<string>();
    const queue = [...refs];
    while (queue.length > 0) {
      const ref = queue.shift()!;
      if (seen.has(ref)) continue;
      seen.add(ref);
      expect(ref.startsWith('/graphiql/')).toBe(true);
      const asset = await fetch(new URL(ref, dev.url));
      expect([ref, asset.status]).toEqual([ref, 200]);
      const type = asset.headers.get('content-type') ?? '';
      if (/css|javascript/.test(type)) {
        const text = await asset.text();
        for (const m of text.matchAll(/url\((?:"|')?(\/graphiql\/[^)"']+)/g)) queue.push(m[1]);
        for (const m of text.matchAll(/["'`](\/graphiql\/assets\/[^"'`]+)["'`]/g)) queue.push(m[1]);
        for (const m of text.matchAll(/["'`]\.\/([\w.-]+\.(?:js|css|ttf|woff2?))["'`]/g)) queue.push(`/graphiql/assets/${m[1]}`);
        for (const m of text.matchAll(/["'`](assets\/[\w.-]+\.(?:js|css|ttf|woff2?))["'`]/g)) queue.push(`/graphiql/${m[1]}`);
        expect(text).not.toMatch(/url\((?:"|')?https?:\/\//);
      } else {
        await asset.arrayBuffer();
      }
    }
    // the bundle's own files, fonts included, were reached
    expect([...seen].some((r) => /\.ttf$/.test(r))).toBe(true);
    expect([...seen].some((r) => /worker/.test(r))).toBe(true);
  });

  // optional: Debian's chromium, every request leaving 127.0.0.1 blocked
  (fs.existsSync('/usr/bin/chromium') ? it : it.skip)('renders in Chromium with every request outside 127.0.0.1 blocked', async () => {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-graphiql-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const outside: string[] = [];
    const errors: string[] = [];
    try {
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
        outside.push(url.toString());
        return route.abort();
      });
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(dev.url, { waitUntil: 'load' });
      await page.waitForSelector('.graphiql-container .monaco-editor', { timeout: 30_000 });
      expect(await page.locator('.graphiql-container .monaco-editor').count()).toBeGreaterThan(0);
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);

  it('GET queries still reach GraphQL, and a non-HTML GET is not the page', async () => {
    const res = await fetch(`${dev.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(res.headers.get('content-type')).toMatch(/json/);
  });

  it('production: no explorer, and no landing page either', async () => {
    const res = await page(prod.url);
    expect(res.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(await res.text()).not.toContain('xz-explorer');
    expect((await fetch(new URL('/graphiql/assets/', prod.url))).status).toBe(404);
  });
});

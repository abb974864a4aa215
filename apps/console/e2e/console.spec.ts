// @ci-once: the console in a browser does not depend on the database; CI runs this spec on PGlite only
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { featuredVillages } from '@xiangzhi/demo';
import { consoleBuilt, serveConsole, type RunningConsole } from '@xiangzhi/deployment';
import { subgraph as grids } from '@xiangzhi/grids';
import { definePlugin, Role, type Actor } from '@xiangzhi/kernel';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { z } from 'zod';

/**
 * The county console in a real browser (Debian's chromium driven by playwright-core): the built app
 * served beside a test platform (grids and personnel on the demo data), a county administrator logs
 * in with a token, walks the region tree from the county to a village, opens the village page, and
 * takes an incident from report to close with a rating. Screenshots of the main pages go to
 * tmp/console/ (CI keeps them). Without chromium the spec is skipped, except under CI where it fails.
 */
const CHROMIUM = '/usr/bin/chromium';
const root = path.resolve(__dirname, '../../..');
const shots = path.join(root, 'tmp/console');
const dist = path.resolve(__dirname, '../dist');
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium && !process.env.CI) {
  process.stderr.write(`console e2e skipped: ${CHROMIUM} is missing (apt-get install -y chromium)\n`);
}

const [village] = featuredVillages().filter((v) => v.code.startsWith('433130'));
const township = `${village.code.slice(0, 9)}000`;
const county = '433130000000';
/** A plugin the county enables, to be listed with its parameters (one set, one left at its default). */
const countyModel = definePlugin({
  name: 'console-county-model',
  version: '1.2.3',
  title: { zh: '县域治理模式（测试）', en: 'County model (test)' },
  config: z.object({ villageDays: z.number().default(3), label: z.string().default('三级联动') }).strict(),
  subgraphs: {},
});
const countyAdmin: Actor = { id: 'console-county-admin', name: '龙山县管理员', roles: [Role.COUNTY_ADMIN], scope: county };

(hasChromium || process.env.CI ? describe : describe.skip)('county console in Chromium (end to end)', () => {
  let platform: TestPlatform;
  let served: RunningConsole;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const browserErrors: string[] = [];

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`${CHROMIUM} is missing: .ci/run installs it with apt-get install -y chromium`);
    if (!consoleBuilt(dist)) throw new Error(`the console is not built (${dist}): run npm run build`);
    fs.mkdirSync(shots, { recursive: true });
    platform = await startTestPlatform({
      subgraphs: [grids, personnel],
      seed: true,
      plugins: [countyModel],
      countyParams: { '433130': { 'console-county-model': { villageDays: 2 } } },
    });
    served = await serveConsole({ dir: dist, gatewayUrl: platform.url, port: 0 });
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-console-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (err) => browserErrors.push(err.message));
    page.setDefaultTimeout(20_000);
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
    await served?.close();
    await platform?.stop();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

  it('serves the app under /console/ and forwards /graphql to the gateway, which still checks the token', async () => {
    const html = await fetch(served.url);
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('<div id="root">');
    const origin = new URL(served.url).origin;
    const deep = await fetch(`${origin}/console/anything/else`);
    expect(await deep.text()).toContain('<div id="root">');
    // nothing outside the build: an escaping path answers the app's page
    const escaping = await fetch(`${origin}/console/..%2f..%2fpackage.json`);
    expect(await escaping.text()).toContain('<div id="root">');
    const anonymous = await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ region(code: \\"433130000000\\") { name } }"}' });
    expect(anonymous.status).toBe(401);
    const signed = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${platform.token(countyAdmin)}` },
      body: JSON.stringify({ query: `{ region(code: "${county}") { name } }` }),
    });
    expect(((await signed.json()) as { data: { region: { name: string } } }).data.region.name).toBe('龙山县');
  });

  it('logs in with a token, walks the region tree to a village and opens its page, in Chinese and in English', async () => {
    await page.goto(served.url);
    await page.getByTestId('login').waitFor();
    await page.locator('textarea[name=token]').fill('not-a-token');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').getByText('令牌格式不正确').waitFor();
    await shot('login');

    await page.locator('textarea[name=token]').fill(platform.token(countyAdmin));
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('region-name').getByText('龙山县（县）').waitFor();
    const countyStats = await page.getByTestId('region-stats').innerText();
    expect(countyStats).toMatch(/户数 [1-9]\d* · 人口 [1-9]\d* · 网格 [1-9]\d*/);
    await shot('regions-county');

    await page.locator(`a[href="#/regions/${township}"]`).click();
    await page.getByTestId('region-name').getByText('（乡镇）').waitFor();
    const villageLink = page.locator(`a[href="#/village/${village.code}"]`);
    expect((await villageLink.innerText()).trim()).toBe(village.name);
    await shot('regions-township');

    await villageLink.click();
    await page.getByTestId('village-name').getByText(village.name).waitFor();
    // grids and personnel answer their blocks; the subgraphs not deployed here leave theirs at "—"
    await page.getByTestId('village-grids').locator('tbody tr').first().waitFor();
    await page.getByTestId('village-cadres').getByText('党组织书记').first().waitFor();
    await page.getByTestId('village-households').locator('tbody tr').first().waitFor();
    await page.getByTestId('village-economy').locator('.dash').waitFor();
    await page.getByTestId('village-disputes').locator('.dash').waitFor();
    expect(await page.getByTestId('village-economy').locator('.dash').innerText()).toBe('—');
    await shot('village');
    // the residents list as a download, through the console's origin to the gateway's /exports with the token
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-residents-csv').click()]);
    expect(file.suggestedFilename()).toBe(`居民名册_residents_${village.code}.csv`);
    const csv = fs.readFileSync((await file.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF村（社区）代码 / villageCode,户号 / householdNumber,姓名 / name')).toBe(true);
    expect(csv.split('\r\n').length).toBeGreaterThan(2);

    await page.getByTestId('lang').click();
    await page.getByTestId('village-grids').getByRole('heading', { name: 'Grids' }).waitFor();
    await page.getByTestId('village-cadres').getByRole('heading', { name: 'Cadres and posts' }).waitFor();
    await shot('village-en');
    await page.getByTestId('lang').click();
    await page.getByTestId('village-grids').getByRole('heading', { name: '网格' }).waitFor();
    expect(browserErrors).toEqual([]);
  });

  it("lists the county's enabled plugins with their parameters, and none for a county on the baseline", async () => {
    await page.getByRole('link', { name: '已启用插件' }).click();
    const table = page.getByTestId('plugin-table');
    await table.getByText('县域治理模式（测试）').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);
    const row = await table.locator('tbody tr').innerText();
    expect(row).toContain('console-county-model');
    expect(row).toContain('1.2.3');
    expect(row).toMatch(/villageDays\s*2/);
    expect(row).toMatch(/label\s*"三级联动"/);
    await shot('plugins');
    const baseline = await platform.query<{ countyPlugins: unknown[] }>('{ countyPlugins(regionCode: "321311000000") { name } }', {}, countyAdmin);
    expect(baseline.data?.countyPlugins).toEqual([]);
    const refused = await platform.query('{ countyPlugins(regionCode: "43") { name } }', {}, countyAdmin);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await page.goto(`${served.url}#/village/${village.code}`);
    await page.getByTestId('village-name').getByText(village.name).waitFor();
  });

  it('takes an incident from report to close with a rating at the incident desk', async () => {
    const title = `路灯损坏 ${Date.now()}`;
    await page.getByRole('link', { name: '事件办理 →' }).click();
    await page.getByTestId('report-form').waitFor();
    await page.locator('input[name=title]').fill(title);
    await page.locator('input[name=description]').fill('村口路灯不亮');
    await page.getByTestId('report-form').getByRole('button', { name: '提交' }).click();
    const row = page.getByTestId('incidents').locator('tbody tr', { hasText: title });
    const status = row.getByTestId('incident-status');
    await status.getByText('已上报').waitFor();
    await shot('incident-reported');

    await row.getByTestId('accept').click();
    await status.getByText('已受理').waitFor();
    await row.getByTestId('dispatch').click();
    await status.getByText('已派单').waitFor();
    await row.getByTestId('start').click();
    await status.getByText('处理中').waitFor();
    await row.getByRole('textbox', { name: '办理结果' }).fill('已更换灯泡');
    await row.getByTestId('resolve').click();
    await status.getByText('已办结').waitFor();
    await row.getByRole('combobox', { name: '评分' }).selectOption('4');
    await row.getByRole('textbox', { name: '评价' }).fill('处理及时');
    await row.getByTestId('close').click();
    await status.getByText('已关闭').waitFor();
    await row.getByText('★★★★', { exact: true }).waitFor();
    await shot('incident-closed');

    // the graph holds what the browser did, step by step
    const res = await platform.query<{ incidents: { nodes: { title: string; status: string; rating: number; comment: string; assignee: { kind: string } | null; history: { action: string }[] }[] } }>(
      'query($c: String!) { incidents(regionCode: $c, first: 20) { nodes { title status rating comment assignee { kind } history { action } } } }',
      { c: village.code },
      countyAdmin,
    );
    expect(res.errors).toBeUndefined();
    const incident = res.data!.incidents.nodes.find((i) => i.title === title)!;
    expect(incident).toMatchObject({ status: 'CLOSED', rating: 4, comment: '处理及时', assignee: { kind: 'GRID_WORKER' } });
    expect(incident.history.map((h) => h.action)).toEqual(['REPORT', 'ACCEPT', 'DISPATCH', 'START', 'RESOLVE', 'CLOSE']);
    expect(browserErrors).toEqual([]);
  });
});

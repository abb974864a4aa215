import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '@xiangzhi/deployment';

/**
 * `xz check` runs each plugin's own consistency check (`checkConsistency`) on every county's
 * parameters: parameters each valid alone but together refusing every payroll are named by county,
 * plugin and key before anything is deployed.
 */
const root = path.resolve(__dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-consistency-'));
const deployment = fs.readFileSync(path.join(root, 'deploy/xiangzhi.yaml'), 'utf8');

async function xz(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { JEST_WORKER_ID: '1' } });
  return { code, stdout, stderr };
}

function withParams(name: string, replacements: [string, string][]): string {
  const file = path.join(tmp, name);
  let text = deployment;
  for (const [from, to] of replacements) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  fs.writeFileSync(file, text);
  return file;
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

describe('xz check: county parameters consistent with themselves', () => {
  it('refuses a Longshan base pay outside the county’s own band, naming county, plugin and key', async () => {
    const config = withParams('longshan-band.yaml', [['longshan-qihua: {}', 'longshan-qihua: { pay: { secretary: { baseMonthly: 1000 } } }']]);
    const res = await xz(['check', '--config', config]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('部署配置有 1 个问题 (1 problem(s) in the deployment):');
    expect(res.stderr).toContain(
      '✗ counties.433130.plugins.longshan-qihua.pay.secretary.baseMonthly: 村（社区）党组织书记年化标准报酬（（基本1000+职级报酬+绩效标准900）×12）在每一职级为23280–27600元，超出本县年报酬区间40000–45000元',
    );
  });

  it('names Suyu’s and Jiangxi’s inconsistent parameters as well', async () => {
    const config = withParams('suyu-jiangxi.yaml', [
      ['suyu-sanding: {}', 'suyu-sanding: { appraisal: { excellentQuota: 0.6, incompetentFloor: 0.5 } }'],
      ['jiangxi-135: {}', 'jiangxi-135: { pay: { memberGrades: [1700, 1600, 1900, 2000, 2100] } }'],
    ]);
    const res = await xz(['check', '--config', config]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/✗ counties\.321311\.plugins\.suyu-sanding\.appraisal\.incompetentFloor: 优秀比例0\.6与不称职比例下限0\.5之和超过1/);
    expect(res.stderr).toMatch(/✗ counties\.360722\.plugins\.jiangxi-135\.pay\.memberGrades: 委员岗第2档1600元低于第1档1700元/);
  });

  it('passes the default deployment, saying the parameters are consistent', async () => {
    const res = await xz(['check', '--config', path.join(root, 'deploy/xiangzhi.yaml')]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('✓ 插件参数一致 (plugin parameters are consistent)');
  });
});

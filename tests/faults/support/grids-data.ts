import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '@xiangzhi/deployment';
import { composeIdNumber } from '@xiangzhi/grids-api';
import { Role, signUserToken, type Actor } from '@xiangzhi/kernel';

/** An administrator of 湖南省 (may import the province, city and county regions). */
export const PROVINCE_ADMIN: Actor = { id: 'faults-admin-430000', roles: [Role.COUNTY_ADMIN], scope: '430000000000' };
export const COUNTY = '433130';

export interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A user token for the province administrator, signed with the platform's JWT secret. */
export const provinceToken = (jwtSecret: string): string => signUserToken(PROVINCE_ADMIN, { secret: jwtSecret });

/** Posts a GraphQL request to the gateway. */
export async function post(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as Omit<Answer, 'status'>) };
}

async function ok(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const answer = await post(url, token, query, variables);
  if (answer.errors?.length || !answer.data) throw new Error(`${query}: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

export const IMPORT_REGIONS = 'mutation($i: ImportRegionsInput!) { importRegions(input: $i) { inserted } }';

/** The province, city, county and `townships` townships (4331301NN000, NN from 01) of 龙山县. */
export async function importRegionChain(url: string, token: string, townships = 2): Promise<string[]> {
  const codes = Array.from({ length: townships }, (_, i) => `${COUNTY}1${String(i + 1).padStart(2, '0')}000`);
  const regions = [
    { code: '430000000000', name: '湖南省' },
    { code: '433100000000', name: '湘西土家族苗族自治州' },
    { code: `${COUNTY}000000`, name: '龙山县' },
    ...codes.map((code, i) => ({ code, name: `第${i + 1}镇` })),
  ];
  await ok(url, token, IMPORT_REGIONS, { i: { regions, validFrom: '2000-01-01' } });
  return codes;
}

/**
 * A little territory written through the gateway: two townships with two villages each, and in every
 * village five households with a registered head (so every grids table that a write touches, and the
 * audit log, has rows).
 */
export async function writeSampleData(url: string, token: string): Promise<void> {
  const townships = await importRegionChain(url, token);
  const villages = townships.flatMap((t) => [`${t.slice(0, 9)}201`, `${t.slice(0, 9)}202`]);
  await ok(url, token, IMPORT_REGIONS, { i: { regions: villages.map((code, i) => ({ code, name: `样本村${i + 1}` })), validFrom: '2000-01-01' } });
  let sequence = 0;
  for (const village of villages) {
    for (let n = 1; n <= 5; n += 1) {
      const hh = (await ok(url, token, 'mutation($v: ID!, $n: String!) { createHousehold(input: { villageCode: $v, number: $n }) { id } }', {
        v: village,
        n: String(n).padStart(4, '0'),
      })) as { createHousehold: { id: string } };
      sequence += 1;
      await ok(url, token, 'mutation($h: ID!, $id: String!, $name: String!) { registerResident(input: { householdId: $h, name: $name, idNumber: $id, phone: "13712345678", relationToHead: HEAD }) { id } }', {
        h: hh.createHousehold.id,
        id: composeIdNumber(COUNTY, '1980-05-17', sequence),
        name: `户主${sequence}`,
      });
    }
  }
}

/** Writes a deployment of grids alone (龙山县) into `dir`; returns the file. */
export function writeGridsDeployment(dir: string): string {
  const file = path.join(dir, 'deployment.yaml');
  fs.writeFileSync(file, ['subgraphs:', '  grids:', "    package: '@xiangzhi/grids'", 'counties:', "  '433130':", '    name: 龙山县', ''].join('\n'));
  return file;
}

/** Runs `xz` in this process; resolves with its exit code and what it wrote. */
export async function xz(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { JEST_WORKER_ID: '1', LOG_LEVEL: 'silent', ...env } });
  return { code, stdout, stderr };
}

import { subgraph as grids } from '@xiangzhi/grids';
import { createDataSource, Role, signUserToken } from '@xiangzhi/kernel';
import { freshSchemaName, startTestPlatform, TEST_SECRETS, type TestPlatform } from '@xiangzhi/testing';
import { captureLogger, type LogLine } from './capture-logger';

const admin = { id: 'log-admin', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };

describe('access log: one line per request on the gateway and on each subgraph it calls', () => {
  const { logger, lines } = captureLogger();
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids], seed: true, logger });
  }, 120_000);
  afterAll(() => platform?.stop());

  const post = (query: string, requestId: string) =>
    fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${signUserToken(admin, { secret: TEST_SECRETS.jwtSecret })}`, 'x-request-id': requestId },
      body: JSON.stringify({ query }),
    });
  const requestLines = (requestId: string): LogLine[] => lines.filter((l) => l.msg === 'request' && l.requestId === requestId);

  it('names the request id, the actor and roles, the operation, the duration, and no codes when all went well', async () => {
    const res = await post('query CountyName { region(code: "433130000000") { name } }', 'log-ok-1');
    expect(res.status).toBe(200);
    const found = requestLines('log-ok-1');
    // the gateway's line and the grids subgraph's line, with the same request id
    expect(found).toHaveLength(2);
    for (const line of found) {
      // the subgraph sees the operation the gateway planned for it
      expect(line).toMatchObject({ level: 30, actor: 'log-admin', roles: ['COUNTY_ADMIN'], operation: line.component === 'gateway' ? 'CountyName' : 'CountyName__grids__0', codes: [] });
      expect(typeof line.ms).toBe('number');
      expect(line.ms as number).toBeGreaterThanOrEqual(0);
    }
    expect(found.map((l) => l.component).sort()).toEqual(['gateway', 'grids']);
  });

  it('lists the error codes of a refused operation', async () => {
    const res = await post('query Broken { region(code: "433130000000") { noSuchField } }', 'log-bad-1');
    expect(res.status).toBe(400);
    const [line] = requestLines('log-bad-1');
    expect(line).toMatchObject({ operation: 'Broken', codes: ['GRAPHQL_VALIDATION_FAILED'], actor: 'log-admin' });
  });
});

describe('slow SQL', () => {
  it('logs a statement slower than the threshold, without its parameter values; a fast one is not logged', async () => {
    const { logger, lines } = captureLogger();
    const databaseUrl = process.env.TEST_DATABASE_URL || undefined;
    const ds = createDataSource({ name: 'slowsql', schema: freshSchemaName('slowsql'), entities: [], migrations: [], logger, databaseUrl, slowSqlMs: 400 });
    await ds.dataSource.initialize();
    try {
      await ds.dataSource.query('SELECT 1 AS fast');
      await ds.dataSource.query('SELECT pg_sleep(0.5), $1::text AS id_number', ['430523199001011234']);
    } finally {
      await ds.dataSource.destroy();
    }
    const slow = lines.filter((l) => l.msg === 'slow sql');
    expect(slow.map((l) => l.sql)).toEqual(['SELECT pg_sleep(0.5), $1::text AS id_number']);
    expect(slow[0]).toMatchObject({ level: 40, sql: 'SELECT pg_sleep(0.5), $1::text AS id_number' });
    expect(slow[0].ms as number).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(lines)).not.toContain('430523199001011234');
  });
});

import { Role, type Actor, type BusEvent } from '@xiangzhi/kernel';
import { EducationLevel } from '@xiangzhi/personnel-api';
import { natsUnreachable, pause, startTestPlatform, TEST_NATS_URL, waitFor, type TestPlatform, type TestPlatformOptions } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';
import { subgraph as personnel } from '../index';
import { arrangeRegions, insertCadre, insertPost } from '../testing/fixtures';
import { PERSONNEL_EVENT_RELAY_JOB } from './outbox';

const village = '433130101201';
const admin: Actor = { id: 'outbox-admin', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };

const APPOINT = `mutation($i: AppointCadreInput!) { appointCadre(input: $i) { cadre { id name } post { id } } }`;

interface OutboxRow {
  id: number | string;
  name: string;
  payload: Record<string, unknown>;
  published_at: Date | null;
}

/**
 * The same delivery contract on both buses: a committed appointment's outbox row is published by
 * the relay as `personnel.cadre.appointed` with id `personnel_event:<row id>`, stamped
 * `published_at`, and never published again.
 */
function deliversAppointments(bus: string, options: Pick<TestPlatformOptions, 'natsUrl'>): void {
  let platform: TestPlatform;
  let ds: DataSource;
  const received: BusEvent[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [personnel], ...options });
    ds = platform.subgraphs.personnel.db.dataSource;
    await arrangeRegions(ds, ['433130101201']);
    await platform.events.subscribe('personnel.>', async (event) => void received.push(event));
  }, 120_000);
  afterAll(() => platform?.stop());

  const outbox = async (): Promise<OutboxRow[]> => (await ds.query('SELECT id, name, payload, published_at FROM personnel_event ORDER BY id')) as OutboxRow[];

  it(`publishes personnel.cadre.appointed on the ${bus} bus once, then stamps the outbox row`, async () => {
    const cadre = await insertCadre(ds, { villageCode: village, name: '王干部', educationLevel: EducationLevel.COLLEGE });
    const post = await insertPost(ds, { villageCode: village, code: `outbox-${bus}`, title: '文书' });
    const res = await platform.query<{ appointCadre: { cadre: { id: string; name: string }; post: { id: string } } }>(
      APPOINT,
      { i: { postId: post.id, cadreId: cadre.id, startDate: '2025-03-01', vetting: [{ department: '纪委监委', passed: true }] } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.appointCadre.cadre).toEqual({ id: cadre.id, name: '王干部' });

    // committed with the appointment, not yet on the bus
    const [row] = await outbox();
    expect(row).toMatchObject({ name: 'personnel.cadre.appointed', published_at: null });
    expect(received).toEqual([]);

    expect(await platform.subgraphs.personnel.runJob(PERSONNEL_EVENT_RELAY_JOB)).toBe(1);
    await waitFor('the appointment event', () => received.length >= 1);
    expect(received).toEqual([
      {
        subject: 'personnel.cadre.appointed',
        id: `personnel_event:${row.id}`,
        payload: { cadreId: cadre.id, postId: post.id, villageCode: village, date: '2025-03-01' },
      },
    ]);
    const [published] = await outbox();
    expect(published.published_at).toBeInstanceOf(Date);

    // a second run finds nothing to publish
    expect(await platform.subgraphs.personnel.runJob(PERSONNEL_EVENT_RELAY_JOB)).toBe(0);
    await pause(300);
    expect(received).toHaveLength(1);
    expect((await outbox()).map((r) => r.published_at?.getTime())).toEqual([published.published_at?.getTime()]);
  });

  it(`publishes a newly appointed person’s event with the new cadre’s id on the ${bus} bus`, async () => {
    const post = await insertPost(ds, { villageCode: village, code: `outbox-new-${bus}`, title: '妇联主席' });
    const res = await platform.query<{ appointCadre: { cadre: { id: string; name: string } } }>(
      APPOINT,
      {
        i: {
          postId: post.id,
          name: '赵新人',
          gender: 'FEMALE',
          birthDate: '1990-06-15',
          educationLevel: 'BACHELOR',
          partyJoinDate: '2012-07-01',
          startDate: '2025-04-01',
          vetting: [{ department: '组织部', passed: true }],
        },
      },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const cadreId = res.data!.appointCadre.cadre.id;
    const before = received.length;
    expect(await platform.subgraphs.personnel.runJob(PERSONNEL_EVENT_RELAY_JOB)).toBe(1);
    await waitFor('the second appointment event', () => received.length > before);
    expect(received.slice(before).map((e) => [e.subject, e.payload.cadreId, e.payload.postId])).toEqual([['personnel.cadre.appointed', cadreId, post.id]]);
    expect((await outbox()).filter((r) => r.published_at === null)).toEqual([]);
  });

  if (options.natsUrl) {
    it('keeps the events in JetStream: a durable consumer subscribing later receives them all', async () => {
      const replayed: BusEvent[] = [];
      const sub = await platform.events.subscribe('personnel.cadre.*', async (e) => void replayed.push(e), { durable: 'outbox-spec' });
      await waitFor('both stored events', () => replayed.length >= 2);
      await sub.unsubscribe();
      const rows = await outbox();
      expect(replayed.map((e) => e.id)).toEqual(rows.map((r) => `personnel_event:${r.id}`));
    });
  }
}

describe('personnel events on the in-process bus (embedded mode)', () => {
  deliversAppointments('in-process', {});
});

const natsDown = natsUnreachable(TEST_NATS_URL);
if (natsDown) console.warn(`personnel NATS event tests skipped: ${natsDown}`);

(natsDown ? describe.skip : describe)('personnel events on NATS JetStream', () => {
  deliversAppointments('NATS', { natsUrl: TEST_NATS_URL });
});

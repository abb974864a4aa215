import { levelOf, parentCodeOf, RegionLevel } from '@xiangzhi/kernel';
import { DefaultPostTemplatePolicy, EducationLevel, LeaveApprover, PostCategory } from '@xiangzhi/personnel-api';
import type { DataSource } from 'typeorm';
import { Cadre, CadreStatus, Gender } from '../cadre/cadre.entity';
import { Post, PostAssignment } from '../post/post.entity';

/**
 * Test fixtures: rows written straight into a personnel database to set the stage for a spec.
 * What a spec asserts must still go through GraphQL over HTTP; fixtures only arrange.
 */

export const countyOf = (villageCode: string): string => `${villageCode.slice(0, 6)}000000`;

/** Validity of arranged regions: from 2000-01-01 and current, unless a spec says otherwise. */
export interface ArrangedValidity {
  validFrom?: string;
  /** First day the code is no longer valid (retired), or null while current. */
  validTo?: string | null;
}

/**
 * Arranges the region projection (`region_ref`) as grids' `grids.region.*` events would have left it:
 * each code and the codes above it up to its county, valid from `validFrom` (default 2000-01-01) and,
 * given `validTo`, retired on that date. Arranging a code again replaces its validity. Only the codes
 * arranged are known: personnel writes refuse any other.
 */
export async function arrangeRegions(ds: DataSource, codes: readonly string[], validity: ArrangedValidity = {}): Promise<void> {
  const rows = new Map<string, { level: RegionLevel; parent: string | null; own: boolean }>();
  for (const code of codes) {
    rows.set(code, { level: levelOf(code), parent: parentCodeOf(code), own: true });
    for (let up = parentCodeOf(code); up && !rows.has(up); up = parentCodeOf(up)) {
      const level = levelOf(up);
      if (level === RegionLevel.CITY || level === RegionLevel.PROVINCE) break;
      rows.set(up, { level, parent: parentCodeOf(up), own: false });
    }
  }
  const validFrom = validity.validFrom ?? '2000-01-01';
  const validTo = validity.validTo ?? null;
  for (const [code, row] of rows) {
    const conflict = row.own
      ? 'ON CONFLICT (code) DO UPDATE SET valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, retired = EXCLUDED.retired'
      : 'ON CONFLICT (code) DO NOTHING';
    await ds.query(
      `INSERT INTO region_ref (code, name, level, parent_code, valid_from, valid_to, retired) VALUES ($1, $1, $2, $3, $4::date, $5::date, $5::date IS NOT NULL) ${conflict}`,
      [code, row.level, row.parent, row.own ? validFrom : '2000-01-01', row.own ? validTo : null],
    );
  }
}

/** Arranges the resident projection (`resident_ref`) as `grids.resident.upserted` events would have left it. */
export async function arrangeResidents(
  ds: DataSource,
  residents: readonly { id: string; villageCode: string; status?: 'LIVING' | 'DECEASED' | 'MOVED_OUT' }[],
): Promise<void> {
  for (const r of residents) {
    await ds.query(
      `INSERT INTO resident_ref (id, village_code, status) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET village_code = EXCLUDED.village_code, status = EXCLUDED.status`,
      [r.id, r.villageCode, r.status ?? 'LIVING'],
    );
  }
}

export async function insertCadre(ds: DataSource, fields: Partial<Cadre> & { villageCode: string; name: string }): Promise<Cadre> {
  const repo = ds.getRepository(Cadre);
  const partyMember = fields.partyMember ?? true;
  return repo.save(
    repo.create({
      countyCode: countyOf(fields.villageCode),
      gender: Gender.MALE,
      birthDate: '1980-05-01',
      educationLevel: EducationLevel.HIGH_SCHOOL,
      partyMember,
      partyJoinDate: partyMember ? (fields.partyJoinDate ?? '2005-07-01') : null,
      status: CadreStatus.ACTIVE,
      fullTime: true,
      serviceStart: '2015-01-01',
      closeRelatives: [],
      rankLevel: null,
      residentId: null,
      ...fields,
    }),
  );
}

export async function insertPost(ds: DataSource, fields: Partial<Post> & { villageCode: string; code: string }): Promise<Post> {
  const repo = ds.getRepository(Post);
  return repo.save(
    repo.create({
      countyCode: countyOf(fields.villageCode),
      title: fields.code,
      category: PostCategory.COMMITTEE_MEMBER,
      responsibilities: [],
      targets: [],
      fullTime: false,
      leaveApprover: LeaveApprover.VILLAGE_SECRETARY,
      template: { policy: 'test', rule: 'FIXTURE', zh: '测试数据', en: 'test fixture' },
      holderId: null,
      active: true,
      ...fields,
    }),
  );
}

/** The baseline template's posts for a village, inserted as rows (what `applyPostTemplate` would create). */
export async function insertBaselinePosts(ds: DataSource, villageCode: string): Promise<Post[]> {
  const kind = Number(villageCode.slice(9)) < 200 ? 'COMMUNITY' : 'VILLAGE';
  const posts: Post[] = [];
  for (const t of new DefaultPostTemplatePolicy().postsFor({ code: villageCode, kind })) {
    posts.push(await insertPost(ds, { villageCode, code: t.code, title: t.title, category: t.category, responsibilities: t.responsibilities, targets: t.targets, fullTime: t.fullTime, leaveApprover: t.leaveApprover }));
  }
  return posts;
}

/** Scores of the baseline 德能勤绩廉 dimensions (morality, ability, diligence, results, integrity): one score for all, or one each in that order; `overrides` by dimension. */
export function baselineScores(score: number | readonly number[], overrides: Record<string, number> = {}): { dimension: string; score: number }[] {
  return ['morality', 'ability', 'diligence', 'results', 'integrity'].map((dimension, i) => ({ dimension, score: overrides[dimension] ?? (typeof score === 'number' ? score : score[i]) }));
}

/** Makes `cadre` the holder of `post` from `startDate` (an open assignment and `post.holder_id`). */
export async function assignPost(ds: DataSource, post: Post, cadre: Cadre, startDate = '2021-01-01'): Promise<void> {
  await ds.getRepository(PostAssignment).insert({
    countyCode: post.countyCode,
    villageCode: post.villageCode,
    postId: post.id,
    cadreId: cadre.id,
    startDate,
    endDate: null,
    endReason: null,
    vetting: { policy: 'test', departments: [] },
  });
  await ds.getRepository(Post).update({ id: post.id }, { holderId: cadre.id });
}

/** A new cadre of the post's village holding `post` from `startDate` (`insertCadre`, then `assignPost`). */
export async function insertHolder(ds: DataSource, post: Post, fields: Omit<Partial<Cadre>, 'villageCode'> & { name: string }, startDate?: string): Promise<Cadre> {
  const cadre = await insertCadre(ds, { villageCode: post.villageCode, ...fields });
  await assignPost(ds, post, cadre, startDate);
  return cadre;
}

/**
 * Races `request` against a change to a cadre: a transaction of its own takes the cadre's row lock,
 * `request` starts and (once it waits for that lock) `change` runs in the same transaction and
 * commits, so the request's own first check saw the cadre before the change. PostgreSQL only: the
 * embedded engine has a single connection.
 */
export async function raceOnCadreLock<T>(ds: DataSource, cadreId: string, request: () => Promise<T>, change: string, params: unknown[]): Promise<T> {
  const holder = ds.createQueryRunner();
  await holder.connect();
  try {
    await holder.startTransaction();
    await holder.query('SELECT id FROM cadre WHERE id = $1 FOR UPDATE', [cadreId]);
    const pending = request();
    for (let tries = 0; tries < 100; tries += 1) {
      const [{ n }] = (await ds.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'SELECT status FROM cadre WHERE id = $1 FOR UPDATE%'",
      )) as { n: number }[];
      if (Number(n) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await holder.query(change, params);
    await holder.commitTransaction();
    return await pending;
  } finally {
    if (holder.isTransactionActive) await holder.rollbackTransaction();
    await holder.release();
  }
}

import { rebuildPrefixCounters, type CounterRebuild, type PrefixCounterTable } from '@xiangzhi/kernel';

/**
 * 德治计数 civility counters: one `civility_region_counter` row per region prefix (the first 12, 9
 * and 6 digits of the row's region or village code) and per year — practice activities held,
 * volunteer minutes served, star households (one star or more) — kept by statement-level triggers
 * with transition tables on `practice_activity`, `volunteer_hours` and `star_rating` in the
 * transaction of the write (migration `1774300000200-civility-region-counters`).
 * `Region.civility(year)` reads them instead of counting the county's rows.
 */
export const CIVILITY_COUNTER: PrefixCounterTable<'activities' | 'minutes' | 'stars'> = {
  table: 'civility_region_counter',
  columns: ['activities', 'minutes', 'stars'],
  perYear: true,
};

/** `xz stats rebuild --subgraph civility`: the civility counters from a full count, one step per counted table. */
export const civilityCounterRebuild: CounterRebuild = {
  name: 'civility_region_counter',
  rebuild: (manager, progress) =>
    rebuildPrefixCounters(
      manager,
      CIVILITY_COUNTER,
      ['practice_activity', 'volunteer_hours', 'star_rating'],
      [
        {
          label: 'practice_activity',
          columns: ['activities'],
          sql: 'SELECT region_code AS village_code, extract(year FROM held_on)::int AS year, count(*) AS activities FROM practice_activity GROUP BY 1, 2',
        },
        {
          label: 'volunteer_hours',
          columns: ['minutes'],
          sql: 'SELECT village_code, extract(year FROM served_on)::int AS year, sum(minutes) AS minutes FROM volunteer_hours GROUP BY 1, 2',
        },
        { label: 'star_rating', columns: ['stars'], sql: 'SELECT village_code, year, count(*) AS stars FROM star_rating WHERE stars >= 1 GROUP BY 1, 2' },
      ],
      progress,
    ),
};

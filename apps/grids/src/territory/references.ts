import { referenceResolver, type ReferenceResolver, type RequestContext } from '@xiangzhi/kernel';
import { Grid } from './grid/grid.entity';
import { GridWorker } from './grid/grid-worker.entity';
import { Household } from './household/household.entity';
import { Region } from './region/region.entity';
import { Resident } from './resident/resident.entity';
import { isUuid, TerritoryAccess } from './shared/access';
import { gridLoader, householdLoader, regionLoader, residentLoader, workerLoader } from './shared/loaders';

/**
 * `__resolveReference` for the territory entities, batched through the per-request loaders.
 * A reference the caller may not see (outside the scope, or another household for a resident)
 * resolves to null, as lists leave such records out.
 */
function byId<T>(load: (ctx: RequestContext) => { loadMany(keys: readonly string[]): Promise<(T | null | Error)[]> }, visible: (access: TerritoryAccess, row: T) => Promise<boolean>): ReferenceResolver {
  return referenceResolver<string, T>({
    key: (ref) => String(ref.id),
    load: async (ids, ctx) => {
      const valid = ids.filter(isUuid);
      const rows = await load(ctx).loadMany(valid);
      const found = new Map<string, T>();
      valid.forEach((id, i) => {
        const row = rows[i];
        if (row && !(row instanceof Error)) found.set(id, row);
      });
      const access = TerritoryAccess.of(ctx);
      return Promise.all(ids.map(async (id) => {
        const row = found.get(id);
        return row && (await visible(access, row)) ? row : null;
      }));
    },
  });
}

export const territoryReferences: Record<string, ReferenceResolver> = {
  Region: referenceResolver<string, Region>({
    key: (ref) => String(ref.code),
    load: async (codes, ctx) => {
      const access = TerritoryAccess.of(ctx);
      const visible = codes.filter((c) => access.canSeeRegion(c));
      const rows = await regionLoader(ctx).loadMany(visible);
      const found = new Map<string, Region>();
      rows.forEach((r) => {
        if (r && !(r instanceof Error)) found.set(r.code, r);
      });
      return codes.map((c) => found.get(c) ?? null);
    },
  }),
  Grid: byId<Grid>(gridLoader, (a, g) => a.canSeeGrid(g)),
  GridWorker: byId<GridWorker>(workerLoader, (a, w) => a.canSeeGrid({ id: w.gridId, villageCode: w.villageCode })),
  Household: byId<Household>(householdLoader, (a, h) => a.canSeeHousehold(h)),
  Resident: byId<Resident>(residentLoader, (a, r) => a.canSeeResident(r)),
};

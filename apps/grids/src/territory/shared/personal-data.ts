import { maskIdNumber, maskPhone } from '@xiangzhi/grids-api';
import { AuditEntry, type RequestContext } from '@xiangzhi/kernel';
import { TerritoryAccess } from './access';

export type PersonalField = 'idNumber' | 'phone' | 'birthDate';

export interface PersonalDataOwner {
  /** GraphQL type of the record (`Resident`, `GridWorker`). */
  type: string;
  id: string;
  /** The record's region (village code). */
  regionCode: string;
}

interface RevealKey extends PersonalDataOwner {
  field: PersonalField;
}

/** Audit action recorded for every read of unmasked personal data. */
export const READ_PERSONAL_DATA = 'readPersonalData';

/**
 * Audits unmasked reads in batches: every field read in the same tick of a request becomes one
 * audit row per record (listing the fields), written with a single multi-row INSERT.
 */
function auditLoader(ctx: RequestContext) {
  return ctx.loaders.get<RevealKey, true>(
    'territory:auditPersonalRead',
    async (keys) => {
      const byRecord = new Map<string, { owner: PersonalDataOwner; fields: Set<PersonalField> }>();
      for (const k of keys) {
        const id = `${k.type}:${k.id}`;
        const entry = byRecord.get(id) ?? { owner: { type: k.type, id: k.id, regionCode: k.regionCode }, fields: new Set<PersonalField>() };
        entry.fields.add(k.field);
        byRecord.set(id, entry);
      }
      const rows = [...byRecord.values()].map(({ owner, fields }) => ({
        actorId: ctx.actor.id,
        actorRoles: ctx.actor.roles.join(','),
        action: READ_PERSONAL_DATA,
        targetType: owner.type,
        targetId: owner.id,
        regionCode: owner.regionCode,
        requestId: ctx.requestId,
        payload: { fields: [...fields].sort() },
      }));
      await ctx.dataSource.createQueryBuilder().insert().into(AuditEntry).values(rows).updateEntity(false).execute();
      return keys.map(() => true as const);
    },
    (k) => `${k.type}:${k.id}:${k.field}`,
  );
}

/**
 * The value of a personal-data field as the caller may see it: unmasked (and audited) for
 * PERSONAL_DATA_ROLES inside their scope, masked otherwise.
 */
export async function personalField(ctx: RequestContext, owner: PersonalDataOwner, field: PersonalField, value: string | null): Promise<string | null> {
  if (value === null) return null;
  if (!TerritoryAccess.of(ctx).seesPersonalData(owner.regionCode)) return maskedPersonalField(field, value);
  await auditLoader(ctx).load({ ...owner, field });
  return value;
}

/** A personal-data field as a caller who may not see it gets it (the API and the exports alike). */
export function maskedPersonalField(field: PersonalField, value: string | null): string | null {
  if (value === null) return null;
  // the birth date is withheld: with the masked ID number it would give the whole number away
  if (field === 'birthDate') return null;
  return field === 'idNumber' ? maskIdNumber(value) : maskPhone(value);
}

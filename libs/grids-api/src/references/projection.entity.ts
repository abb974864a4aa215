import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * 区划投影 what a subgraph knows of a grids region, kept from `grids.region.*` events (its consumer
 * `<subgraph>-regions`): the code, level, parent, name and the dates it is valid. The subgraph's
 * writes check region codes against it; none of its operations writes it.
 */
@Entity({ name: 'region_ref' })
export class RegionProjection {
  @PrimaryColumn({ name: 'code', type: 'text' })
  code!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'level', type: 'text' })
  level!: string;

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode!: string | null;

  /** First day the code is in use. */
  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  /** First day the code is no longer in use; null while current. */
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  /** Whether grids retired the code (`grids.region.retired`). */
  @Column({ name: 'retired', type: 'boolean', default: false })
  retired!: boolean;
}

/**
 * 居民投影 what a subgraph knows of a grids resident, kept from `grids.resident.*` events (its
 * consumer `<subgraph>-residents`): the id, the village, the household and the status — no personal data.
 */
@Entity({ name: 'resident_ref' })
export class ResidentProjection {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'village_code', type: 'text' })
  villageCode!: string;

  @Column({ name: 'household_id', type: 'uuid', nullable: true })
  householdId!: string | null;

  /** `LIVING`, `DECEASED` or `MOVED_OUT` (`@xiangzhi/grids-api` `ResidentStatus`). */
  @Column({ name: 'status', type: 'text' })
  status!: string;
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 资产资源台账 the registers of a collective organisation: fixed assets (category, date acquired,
 * original value in fen) and resources (land, forest, water…, area in 亩 as numeric(14,2), whether
 * contracted out).
 */
export class CollectiveRegisters1734000000520 implements MigrationInterface {
  name = 'CollectiveRegisters1734000000520';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE collective_asset (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_code text NOT NULL CHECK (county_code ~ '^\\d{12}$'),
      village_code text NOT NULL CHECK (village_code ~ '^\\d{12}$'),
      organization_id uuid NOT NULL REFERENCES collective_organization (id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      category text NOT NULL CHECK (category IN ('BUILDING', 'STRUCTURE', 'MACHINERY', 'VEHICLE', 'FACILITY', 'OTHER')),
      acquired_on date NOT NULL,
      original_value_fen bigint NOT NULL CHECK (original_value_fen >= 0),
      version int NOT NULL DEFAULT 1,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX collective_asset_village ON collective_asset (village_code text_pattern_ops, name, id)`);
    await q.query(`CREATE INDEX collective_asset_organization ON collective_asset (organization_id)`);
    await q.query(`CREATE TABLE collective_resource (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_code text NOT NULL CHECK (county_code ~ '^\\d{12}$'),
      village_code text NOT NULL CHECK (village_code ~ '^\\d{12}$'),
      organization_id uuid NOT NULL REFERENCES collective_organization (id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      kind text NOT NULL CHECK (kind IN ('LAND', 'FOREST', 'WATER', 'OTHER')),
      area_mu numeric(14, 2) NOT NULL CHECK (area_mu > 0),
      contracted boolean NOT NULL DEFAULT false,
      version int NOT NULL DEFAULT 1,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX collective_resource_village ON collective_resource (village_code text_pattern_ops, name, id)`);
    await q.query(`CREATE INDEX collective_resource_organization ON collective_resource (organization_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE collective_resource`);
    await q.query(`DROP TABLE collective_asset`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 辖区 territory tables: regions (12-digit division codes with validity), zones (片区), grids,
 * households, residents, grid workers. Every region-scoped row carries `county_code` and its
 * village/region code, indexed with `text_pattern_ops` for prefix (scope) matches.
 */
export class CreateTerritory1731000000000 implements MigrationInterface {
  name = 'CreateTerritory1731000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE region (
      code text PRIMARY KEY CHECK (code ~ '^\\d{12}$'),
      name text NOT NULL CHECK (length(name) > 0),
      level text NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
      parent_code text REFERENCES region (code),
      county_code text CHECK (county_code ~ '^\\d{12}$'),
      valid_from date NOT NULL DEFAULT CURRENT_DATE,
      valid_to date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (valid_to IS NULL OR valid_to >= valid_from)
    )`);
    await q.query(`CREATE INDEX region_code_prefix_idx ON region USING btree (code text_pattern_ops)`);
    await q.query(`CREATE INDEX region_parent_idx ON region (parent_code)`);
    await q.query(`CREATE INDEX region_county_idx ON region (county_code)`);

    await q.query(`CREATE TABLE zone (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      village_code text NOT NULL REFERENCES region (code) CHECK (village_code ~ '^\\d{12}$'),
      county_code text NOT NULL CHECK (county_code ~ '^\\d{12}$'),
      name text NOT NULL CHECK (length(name) > 0),
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (village_code, name)
    )`);
    await q.query(`CREATE INDEX zone_village_idx ON zone USING btree (village_code text_pattern_ops)`);

    await q.query(`CREATE TABLE grid (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (code ~ '^\\d{15}$'),
      village_code text NOT NULL REFERENCES region (code) CHECK (village_code ~ '^\\d{12}$'),
      county_code text NOT NULL CHECK (county_code ~ '^\\d{12}$'),
      name text NOT NULL CHECK (length(name) > 0),
      zone_id uuid REFERENCES zone (id),
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (left(code, 12) = village_code)
    )`);
    await q.query(`CREATE INDEX grid_village_idx ON grid USING btree (village_code text_pattern_ops)`);
    await q.query(`CREATE INDEX grid_zone_idx ON grid (zone_id)`);

    await q.query(`CREATE TABLE household (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      village_code text NOT NULL REFERENCES region (code) CHECK (village_code ~ '^\\d{12}$'),
      county_code text NOT NULL CHECK (county_code ~ '^\\d{12}$'),
      grid_id uuid REFERENCES grid (id),
      number text NOT NULL CHECK (length(number) > 0),
      address text NOT NULL DEFAULT '',
      head_resident_id uuid,
      member_id uuid,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (village_code, number)
    )`);
    await q.query(`CREATE INDEX household_village_idx ON household USING btree (village_code text_pattern_ops)`);
    await q.query(`CREATE INDEX household_grid_idx ON household (grid_id, number, id)`);
    await q.query(`CREATE INDEX household_member_idx ON household (member_id)`);

    await q.query(`CREATE TABLE resident (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      household_id uuid NOT NULL REFERENCES household (id),
      village_code text NOT NULL REFERENCES region (code) CHECK (village_code ~ '^\\d{12}$'),
      county_code text NOT NULL CHECK (county_code ~ '^\\d{12}$'),
      name text NOT NULL CHECK (length(name) > 0),
      gender text NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
      birth_date date NOT NULL,
      id_number text NOT NULL CHECK (id_number ~ '^\\d{17}[0-9X]$'),
      phone text,
      relation_to_head text NOT NULL,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT resident_id_number_key UNIQUE (id_number)
    )`);
    await q.query(`CREATE INDEX resident_village_idx ON resident USING btree (village_code text_pattern_ops)`);
    await q.query(`CREATE INDEX resident_household_idx ON resident (household_id)`);
    await q.query(`CREATE INDEX resident_name_idx ON resident USING btree (name text_pattern_ops)`);

    await q.query(`CREATE TABLE grid_worker (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      grid_id uuid NOT NULL REFERENCES grid (id),
      village_code text NOT NULL REFERENCES region (code) CHECK (village_code ~ '^\\d{12}$'),
      county_code text NOT NULL CHECK (county_code ~ '^\\d{12}$'),
      role text NOT NULL CHECK (role IN ('GRID_LEADER', 'GRID_MEMBER')),
      resident_id uuid REFERENCES resident (id),
      name text NOT NULL CHECK (length(name) > 0),
      phone text,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX grid_worker_one_leader_idx ON grid_worker (grid_id) WHERE role = 'GRID_LEADER'`);
    await q.query(`CREATE INDEX grid_worker_grid_idx ON grid_worker (grid_id)`);
    await q.query(`CREATE INDEX grid_worker_village_idx ON grid_worker USING btree (village_code text_pattern_ops)`);

    await q.query(`ALTER TABLE household ADD CONSTRAINT household_head_fk FOREIGN KEY (head_resident_id) REFERENCES resident (id) DEFERRABLE INITIALLY DEFERRED`);
    await q.query(`ALTER TABLE household ADD CONSTRAINT household_member_fk FOREIGN KEY (member_id) REFERENCES grid_worker (id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE household DROP CONSTRAINT household_member_fk`);
    await q.query(`ALTER TABLE household DROP CONSTRAINT household_head_fk`);
    await q.query(`DROP TABLE grid_worker`);
    await q.query(`DROP TABLE resident`);
    await q.query(`DROP TABLE household`);
    await q.query(`DROP TABLE grid`);
    await q.query(`DROP TABLE zone`);
    await q.query(`DROP TABLE region`);
  }
}

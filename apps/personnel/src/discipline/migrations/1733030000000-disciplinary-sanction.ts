import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 党纪政务处分 disciplinary sanctions recorded on cadres: kind (and its category), the organ that
 * decided, the decision date and the period of effect (影响期; no end for expulsions).
 */
export class DisciplinarySanction1733030000000 implements MigrationInterface {
  name = 'DisciplinarySanction1733030000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE disciplinary_sanction (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_code text NOT NULL CHECK (county_code ~ '^\\d{12}$'),
      village_code text NOT NULL CHECK (village_code ~ '^\\d{12}$'),
      cadre_id uuid NOT NULL REFERENCES cadre (id),
      category text NOT NULL CHECK (category IN ('PARTY', 'GOVERNMENT')),
      kind text NOT NULL,
      organ text NOT NULL CHECK (length(organ) > 0),
      decided_on date NOT NULL,
      probation_years int CHECK (probation_years IN (1, 2)),
      effect_months int CHECK (effect_months > 0),
      effect_ends_on date,
      effect_basis text NOT NULL,
      note text,
      recorded_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((effect_months IS NULL) = (effect_ends_on IS NULL))
    )`);
    await q.query(`CREATE INDEX disciplinary_sanction_cadre ON disciplinary_sanction (cadre_id, decided_on)`);
    await q.query(`CREATE INDEX disciplinary_sanction_village ON disciplinary_sanction (village_code text_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE disciplinary_sanction`);
  }
}

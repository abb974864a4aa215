import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 德治·文明实践 the civility tables: village rules (versions, one in force at a time, also enforced by a
 * trigger), the points catalogue, the household points ledger with its running balances, the
 * civilisation market and redemptions, published red and black lists, star ratings, practice
 * stations, themes, activities, volunteer teams, volunteers and hours, and role-model nominations.
 */
export class CreateCivility1736000000100 implements MigrationInterface {
  name = 'CreateCivility1736000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE village_rules (
      id uuid PRIMARY KEY,
      county_code text NOT NULL,
      village_code text NOT NULL CHECK (village_code ~ '^\\d{12}$'),
      version int NOT NULL CHECK (version > 0),
      title text NOT NULL CHECK (length(title) > 0),
      text text NOT NULL,
      articles jsonb NOT NULL,
      meeting_date date NOT NULL,
      members_entitled int NOT NULL CHECK (members_entitled > 0),
      attendees int NOT NULL CHECK (attendees >= 0 AND attendees <= members_entitled),
      votes_for int NOT NULL CHECK (votes_for >= 0),
      votes_against int NOT NULL CHECK (votes_against >= 0),
      votes_abstain int NOT NULL CHECK (votes_abstain >= 0),
      filed_with text,
      filed_on date,
      effective_from date NOT NULL,
      effective_to date,
      adopted_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (votes_for + votes_against + votes_abstain <= attendees),
      CHECK (effective_to IS NULL OR effective_to > effective_from),
      CHECK (effective_from >= meeting_date),
      UNIQUE (village_code, version)
    )`);
    await q.query(`CREATE INDEX village_rules_village ON village_rules (village_code text_pattern_ops, effective_from)`);
    // one version in force at a time: the database refuses overlapping periods of one village
    await q.query(`CREATE FUNCTION village_rules_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('village_rules:' || NEW.village_code));
        IF EXISTS (
          SELECT 1 FROM village_rules r
          WHERE r.village_code = NEW.village_code AND r.id <> NEW.id
            AND daterange(r.effective_from, r.effective_to, '[)') && daterange(NEW.effective_from, NEW.effective_to, '[)')
        ) THEN
          RAISE EXCEPTION 'village rules of % overlap another version in force', NEW.village_code USING ERRCODE = 'exclusion_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER village_rules_no_overlap BEFORE INSERT OR UPDATE ON village_rules FOR EACH ROW EXECUTE FUNCTION village_rules_no_overlap()`);

    await q.query(`CREATE TABLE points_rule (
      id uuid PRIMARY KEY,
      county_code text NOT NULL,
      village_code text,
      code text NOT NULL CHECK (code ~ '^[A-Za-z0-9_-]{1,40}$'),
      description text NOT NULL CHECK (length(description) > 0),
      points int NOT NULL CHECK (points <> 0),
      evidence_required boolean NOT NULL DEFAULT false,
      monthly_cap int CHECK (monthly_cap > 0),
      article_ref text,
      source text NOT NULL DEFAULT 'catalogue',
      effective_from date NOT NULL,
      effective_to date,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (effective_to IS NULL OR effective_to > effective_from)
    )`);
    await q.query(`CREATE UNIQUE INDEX points_rule_code ON points_rule (county_code, coalesce(village_code, ''), code, effective_from)`);

    await q.query(`CREATE TABLE points_entry (
      id uuid PRIMARY KEY,
      county_code text NOT NULL,
      village_code text NOT NULL,
      household_id uuid NOT NULL,
      rule_id uuid NOT NULL REFERENCES points_rule (id),
      rule_code text NOT NULL,
      points int NOT NULL CHECK (points <> 0),
      occurred_on date NOT NULL,
      month text NOT NULL,
      evidence text,
      note text,
      status text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
      recorded_by text NOT NULL,
      decided_by text,
      decided_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'PENDING') = (decided_by IS NULL)),
      CHECK (decided_by IS NULL OR decided_by <> recorded_by)
    )`);
    await q.query(`CREATE INDEX points_entry_household ON points_entry (household_id, occurred_on)`);
    await q.query(`CREATE INDEX points_entry_village_month ON points_entry (village_code text_pattern_ops, month) WHERE status = 'APPROVED'`);
    await q.query(`CREATE INDEX points_entry_cap ON points_entry (household_id, rule_id, month) WHERE status <> 'REJECTED'`);

    await q.query(`CREATE TABLE household_points (
      household_id uuid PRIMARY KEY,
      county_code text NOT NULL,
      village_code text NOT NULL,
      balance int NOT NULL DEFAULT 0,
      earned int NOT NULL DEFAULT 0,
      deducted int NOT NULL DEFAULT 0,
      redeemed int NOT NULL DEFAULT 0,
      CHECK (balance = earned - deducted - redeemed)
    )`);
    await q.query(`CREATE INDEX household_points_village ON household_points (village_code text_pattern_ops)`);

    await q.query(`CREATE TABLE market_item (
      id uuid PRIMARY KEY,
      county_code text NOT NULL,
      village_code text NOT NULL,
      name text NOT NULL CHECK (length(name) > 0),
      price int NOT NULL CHECK (price > 0),
      stock int NOT NULL CHECK (stock >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (village_code, name)
    )`);

    await q.query(`CREATE TABLE redemption (
      id uuid PRIMARY KEY,
      county_code text NOT NULL,
      village_code text NOT NULL,
      household_id uuid NOT NULL,
      item_id uuid NOT NULL REFERENCES market_item (id),
      quantity int NOT NULL CHECK (quantity > 0),
      points int NOT NULL CHECK (points > 0),
      redeemed_on date NOT NULL,
      recorded_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX redemption_household ON redemption (household_id, redeemed_on)`);

    await q.query(`CREATE TABLE red_black_list (
      id uuid PRIMARY KEY,
      county_code text NOT NULL,
      village_code text NOT NULL,
      month text NOT NULL CHECK (month ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
      policy text NOT NULL,
      published_by text NOT NULL,
      published_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (village_code, month)
    )`);
    await q.query(`CREATE TABLE red_black_list_row (
      list_id uuid NOT NULL REFERENCES red_black_list (id),
      kind text NOT NULL CHECK (kind IN ('RED', 'BLACK')),
      position int NOT NULL,
      household_id uuid NOT NULL,
      points int NOT NULL,
      rule_code text,
      PRIMARY KEY (list_id, kind, position)
    )`);

    await q.query(`CREATE TABLE star_rating (
      household_id uuid NOT NULL,
      year int NOT NULL,
      county_code text NOT NULL,
      village_code text NOT NULL,
      points int NOT NULL,
      stars int NOT NULL CHECK (stars BETWEEN 0 AND 5),
      rule text NOT NULL,
      reason text NOT NULL,
      policy text NOT NULL,
      rated_by text NOT NULL,
      rated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (household_id, year)
    )`);
    await q.query(`CREATE INDEX star_rating_village ON star_rating (year, village_code text_pattern_ops)`);

    await q.query(`CREATE TABLE practice_station (
      id uuid PRIMARY KEY,
      county_code text NOT NULL,
      region_code text NOT NULL,
      level text NOT NULL CHECK (level IN ('CENTRE', 'INSTITUTE', 'STATION')),
      name text NOT NULL CHECK (length(name) > 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (region_code)
    )`);
    await q.query(`CREATE TABLE practice_theme (
      county_code text NOT NULL,
      month text NOT NULL CHECK (month ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
      title text NOT NULL CHECK (length(title) > 0),
      PRIMARY KEY (county_code, month)
    )`);
    await q.query(`CREATE TABLE practice_activity (
      id uuid PRIMARY KEY,
      county_code text NOT NULL,
      region_code text NOT NULL,
      station_id uuid NOT NULL REFERENCES practice_station (id),
      held_on date NOT NULL,
      title text NOT NULL CHECK (length(title) > 0),
      theme text,
      participants int NOT NULL CHECK (participants >= 0),
      recorded_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX practice_activity_region ON practice_activity (region_code text_pattern_ops, held_on)`);
    await q.query(`CREATE TABLE volunteer_team (
      id uuid PRIMARY KEY,
      county_code text NOT NULL,
      region_code text NOT NULL,
      name text NOT NULL CHECK (length(name) > 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (region_code, name)
    )`);
    await q.query(`CREATE TABLE volunteer (
      id uuid PRIMARY KEY,
      county_code text NOT NULL,
      village_code text NOT NULL,
      team_id uuid NOT NULL REFERENCES volunteer_team (id),
      resident_id uuid NOT NULL,
      joined_on date NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (team_id, resident_id)
    )`);
    await q.query(`CREATE TABLE volunteer_hours (
      id uuid PRIMARY KEY,
      county_code text NOT NULL,
      village_code text NOT NULL,
      volunteer_id uuid NOT NULL REFERENCES volunteer (id),
      resident_id uuid NOT NULL,
      activity_id uuid REFERENCES practice_activity (id),
      served_on date NOT NULL,
      minutes int NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
      recorded_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX volunteer_hours_resident ON volunteer_hours (resident_id, served_on)`);
    await q.query(`CREATE INDEX volunteer_hours_village ON volunteer_hours (village_code text_pattern_ops, served_on)`);

    await q.query(`CREATE TABLE role_model_nomination (
      id uuid PRIMARY KEY,
      county_code text NOT NULL,
      village_code text NOT NULL,
      resident_id uuid NOT NULL,
      category text NOT NULL,
      year int NOT NULL,
      deeds text NOT NULL CHECK (length(deeds) > 0),
      status text NOT NULL CHECK (status IN ('ON_NOTICE', 'SELECTED', 'REJECTED')),
      notice_from date NOT NULL,
      notice_to date NOT NULL,
      nominated_by text NOT NULL,
      selected_on date,
      selected_by text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (notice_to = notice_from + 7),
      UNIQUE (resident_id, category, year)
    )`);
    await q.query(`CREATE INDEX role_model_village ON role_model_nomination (village_code text_pattern_ops, year)`);
    await q.query(`CREATE TABLE role_model_objection (
      id uuid PRIMARY KEY,
      nomination_id uuid NOT NULL REFERENCES role_model_nomination (id),
      filed_on date NOT NULL,
      reason text NOT NULL CHECK (length(reason) > 0),
      status text NOT NULL CHECK (status IN ('OPEN', 'UPHELD', 'DISMISSED')),
      filed_by text NOT NULL,
      decided_by text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX role_model_objection_nomination ON role_model_objection (nomination_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'role_model_objection',
      'role_model_nomination',
      'volunteer_hours',
      'volunteer',
      'volunteer_team',
      'practice_activity',
      'practice_theme',
      'practice_station',
      'star_rating',
      'red_black_list_row',
      'red_black_list',
      'redemption',
      'market_item',
      'household_points',
      'points_entry',
      'points_rule',
      'village_rules',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP FUNCTION village_rules_no_overlap() CASCADE`);
  }
}

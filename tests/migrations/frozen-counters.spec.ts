/**
 * 计数迁移的SQL冻结 the counter migrations run the SQL they ran when released. Their statements are
 * built by functions local to each migration file (so the trigger shape is written once per file);
 * this spec holds the statements they produced when released (`fixtures/counter-migrations.json`,
 * recorded from the literal SQL the legal and civility migrations held before they were written
 * with functions) and fails if an edit changes one character of what `up` or `down` runs.
 */
import fs from "node:fs";
import path from "node:path";
import type { QueryRunner } from "typeorm";
import { RegionCounters1772000000000 } from "../../apps/grids/src/territory/migrations/1772000000000-region-counters";
import { IncidentCounters1774300000000 } from "../../apps/grids/src/incident/migrations/1774300000000-incident-counters";
import { LegalRegionCounters1774300000100 } from "../../apps/legal/src/stats/migrations/1774300000100-legal-region-counters";
import { CivilityRegionCounters1774300000200 } from "../../apps/civility/src/practice/migrations/1774300000200-civility-region-counters";

type Migration = new () => {
  name: string;
  up(q: QueryRunner): Promise<void>;
  down(q: QueryRunner): Promise<void>;
};

const RELEASED: Migration[] = [
  RegionCounters1772000000000,
  IncidentCounters1774300000000,
  LegalRegionCounters1774300000100,
  CivilityRegionCounters1774300000200,
];
const FIXTURE = path.join(__dirname, "fixtures/counter-migrations.json");

/** The statements of `up` then `down`, recorded by a runner that only keeps their text. */
async function statementsOf(
  migration: Migration,
): Promise<{ up: string[]; down: string[] }> {
  const record = async (direction: "up" | "down") => {
    const statements: string[] = [];
    const runner = { query: async (sql: string) => void statements.push(sql) };
    await new migration()[direction](runner as unknown as QueryRunner);
    return statements;
  };
  return { up: await record("up"), down: await record("down") };
}

describe("counter migrations: frozen SQL", () => {
  const frozen = JSON.parse(fs.readFileSync(FIXTURE, "utf8")) as Record<
    string,
    { up: string[]; down: string[] }
  >;

  it.each(RELEASED.map((m) => [new m().name, m] as const))(
    "%s runs exactly the statements it was released with",
    async (name, migration) => {
      const now = await statementsOf(migration);
      expect(frozen[name]).toBeDefined();
      expect(now.up).toEqual(frozen[name].up);
      expect(now.down).toEqual(frozen[name].down);
      // the trigger functions and the fill are there, not an empty recording
      expect(
        now.up.filter((s) => s.includes("CREATE TRIGGER")).length,
      ).toBeGreaterThanOrEqual(3);
    },
  );
});

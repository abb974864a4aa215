import fs from 'node:fs';
import path from 'node:path';
import { subgraph as grids } from '@xiangzhi/grids';
import { assembleSubgraph, buildFederatedSchema, type SubgraphModule } from '@xiangzhi/kernel';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { Kind, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';

const root = path.resolve(__dirname, '../..');
const guide = fs.readFileSync(path.join(root, 'docs/plugins.md'), 'utf8');

/** The ```graphql blocks of the guide, each split into its operations. */
function operations(markdown: string): { block: number; text: string; doc: DocumentNode }[] {
  const blocks = [...markdown.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.flatMap((text, block) =>
    parse(text).definitions.map((definition) => ({ block: block + 1, text: text.slice(definition.loc?.start ?? 0, definition.loc?.end ?? text.length), doc: { kind: Kind.DOCUMENT, definitions: [definition] } as DocumentNode })),
  );
}

/**
 * docs/plugins.md shows vendors the GraphQL each extension point drives and links every row of its
 * extension-point tables to the typed API reference: both are checked here against the real
 * subgraph schemas and the generated reference, so that the guide cannot drift from the code.
 */
describe('docs/plugins.md', () => {
  let schemas: { name: string; schema: GraphQLSchema }[];

  beforeAll(async () => {
    const build = async (module: SubgraphModule) => ({ name: module.name, schema: (await buildFederatedSchema(assembleSubgraph(module, []))).schema });
    schemas = [await build(grids), await build(personnel)];
  });

  it('shows GraphQL that is valid against the subgraph that serves it', () => {
    const ops = operations(guide);
    expect(ops.length).toBeGreaterThanOrEqual(14);
    const invalid = ops.flatMap((op) => {
      const errors = schemas.map((s) => validate(s.schema, op.doc));
      return errors.some((e) => e.length === 0) ? [] : [`block ${op.block}: ${op.text.split('\n')[0]} — ${errors.map((e, i) => `${schemas[i].name}: ${e.map((x) => x.message).join('; ')}`).join(' | ')}`];
    });
    expect(invalid).toEqual([]);
  });

  it('shows the operation each extension point drives, with its result type', () => {
    for (const [operation, result] of [
      ['applyPostTemplate', 'ApplyPostTemplateResult'],
      ['checkEligibility', 'EligibilityResult'],
      ['dutyCoverage', 'DutyCoverageReport'],
      ['recordInspectionFinding', 'InspectionFindingResult'],
      ['finalizeAnnualRatings', 'AnnualRatingsResult'],
      ['computePayroll', 'PayrollResult'],
      ['runRankReview', 'RankReviewResult'],
      ['dischargeCadre', 'DischargeResult'],
      ['validateGrids', 'GridValidationReport'],
    ]) {
      expect(guide).toContain(`\`${operation}\` → \`${result}\``);
      const type = schemas.map((s) => s.schema.getQueryType()?.getFields()[operation] ?? s.schema.getMutationType()?.getFields()[operation]).find((f) => f);
      expect(String(type?.type)).toBe(`${result}!`);
    }
  });

  it('links each extension point, its types and its baseline to a page of the API reference that exists', () => {
    const links = [...guide.matchAll(/\]\((api\/[^)#\s]+)(#[^)\s]*)?\)/g)].map((m) => m[1]);
    for (const page of [
      'api/personnel-api/interfaces/PayInput.md',
      'api/personnel-api/interfaces/PayComponent.md',
      'api/personnel-api/interfaces/PayItem.md',
      'api/personnel-api/classes/DefaultPayPolicy.md',
      'api/kernel/functions/mutate.md',
      'api/kernel/functions/requireRole.md',
      'api/kernel/functions/countyOf.md',
    ])
      expect(links).toContain(page);
    const rows = guide.split('\n').filter((line) => /^\| `(personnel|grids)\.\w+` · /.test(line));
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const row of rows) expect(row.match(/\]\(api\//g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    const broken = [...new Set(links)].filter((link) => !fs.existsSync(path.join(root, 'docs', link)));
    expect(broken).toEqual([]);
  });
});

import { subgraph as grids } from '@xiangzhi/grids';
import { Role, type Actor } from '@xiangzhi/kernel';
import { codeOf, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import { Kind, parse, type DefinitionNode } from 'graphql';
import { subgraph as personnel } from './index';

const admin: Actor = { id: 'fed-admin', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };

/**
 * Every type, field, argument and enum value of the personnel SDL whose description is missing or
 * not bilingual (`中文 / English`). Federation's own definitions (`_Service`, `link__…`) and the
 * library scalars (`LocalDate`, `DateTimeISO`) are left out.
 */
function undescribed(sdl: string): string[] {
  const missing: string[] = [];
  // 中文 before the slash (a closing full-width bracket may touch it), English after it
  const bilingual = (d: { value: string } | undefined) => !!d && /[\u4e00-\u9fff][^/]*(?: |[）」』”])\/ [^\u4e00-\u9fff]*[A-Za-z]/.test(d.value);
  const own = (name: string) => !name.startsWith('_') && !name.startsWith('link__') && !name.startsWith('federation__');
  const roots = new Set(['Query', 'Mutation', 'Subscription']);
  for (const def of parse(sdl).definitions as DefinitionNode[]) {
    if (!('name' in def) || !def.name || !own(def.name.value)) continue;
    const type = def.name.value;
    const withDescription = def as { description?: { value: string } };
    const isExtension = def.kind === Kind.OBJECT_TYPE_EXTENSION || def.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION || def.kind === Kind.ENUM_TYPE_EXTENSION;
    if (!roots.has(type) && !isExtension && def.kind !== Kind.DIRECTIVE_DEFINITION && def.kind !== Kind.SCALAR_TYPE_DEFINITION && !bilingual(withDescription.description)) missing.push(type);
    if (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION || def.kind === Kind.INTERFACE_TYPE_DEFINITION) {
      for (const field of def.fields ?? []) {
        if (!own(field.name.value)) continue;
        if (!bilingual(field.description)) missing.push(`${type}.${field.name.value}`);
        for (const arg of field.arguments ?? []) if (!bilingual(arg.description)) missing.push(`${type}.${field.name.value}(${arg.name.value})`);
      }
    }
    if (def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
      for (const field of def.fields ?? []) if (!bilingual(field.description)) missing.push(`${type}.${field.name.value}`);
    }
    if (def.kind === Kind.ENUM_TYPE_DEFINITION) {
      for (const value of def.values ?? []) if (!bilingual(value.description)) missing.push(`${type}.${value.name.value}`);
    }
  }
  return missing;
}

/** Federation contract: personnel composes with grids and resolves every entity it owns or extends by key. */
describe('personnel federation contract', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids, personnel] });
  });
  afterAll(() => platform?.stop());

  it('composes with grids', () => {
    expect(platform.supergraphSdl).toContain('type Cadre');
    expect(platform.supergraphSdl).toMatch(/join__type\(graph: PERSONNEL, key: "code"\)/);
  });

  it('answers NOT_FOUND for an unknown cadre', async () => {
    const res = await platform.query('{ cadre(id: "00000000-0000-4000-8000-000000000000") { name } }', {}, admin);
    expect(codeOf(res)).toBe('NOT_FOUND');
  });

  it('answers NOT_FOUND, not a failed statement, for ids that are not UUIDs', async () => {
    for (const query of ['{ cadre(id: "cadre-1") { name } }', '{ post(id: "post-1") { title } }']) {
      const res = await platform.query(query, {}, admin);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    }
  });

  it('describes every personnel type, field, argument and enum value in Chinese and English (中文 / English)', () => {
    expect(undescribed(platform.subgraphs.personnel.sdl)).toEqual([]);
  });
});

/**
 * 演示数据目录 the demo data catalogue: the five counties of the source documents with their real
 * division codes and the township and village counts the seeds give. Township and village codes and
 * names are generated (deterministically) following the statistical division code rules: township
 * part 001–099 street office, 100–199 town, 200–399 township; village part 001–199 community,
 * 200–399 villagers' committee. Every subgraph's seed reads this one catalogue so that their demo
 * records meet in the federated graph.
 *
 * The generator the seeds share: `Rng` (seeded pseudo-random numbers), `demoUuid` (stable ids), name
 * helpers, and `demoVillagePopulation` — the grids, households and residents of a featured village —
 * so that e.g. a demo cadre is a demo resident with the same id, name, gender and birth date.
 */
export * from './catalogue';
export * from './random';
export * from './names';
export * from './population';
export * from './county-scale';

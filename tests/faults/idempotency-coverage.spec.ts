import path from 'node:path';
import { exportSchemas, loadDeploymentConfig, resolveDeployment } from '@xiangzhi/deployment';
import { buildSchema, getNamedType, isInputObjectType, type GraphQLField } from 'graphql';

/**
 * Issue 15 §6 "Retries": every mutation that creates a record takes an `idempotencyKey` (kernel
 * `IdempotentInput` + `mutateOnce`). Read from the API schema composed now from the default
 * deployment (every subgraph and plugin), so a new create without a key fails here. The mutations
 * without a key are listed below, each with why a retry cannot create a second record:
 * - VERSIONED: a transition of a versioned record; the retry sends the version it read, finds the
 *   record moved on and is refused with CONFLICT, writing nothing (the input has `expectedVersion`
 *   or `version`, which this test checks);
 * - STATE: a transition allowed from one state only; the retry finds the record past it and is refused;
 * - SET: sets or replaces a value or a link; repeating it leaves the same state (idempotent by nature);
 * - RUN: a computation over a period that replaces its earlier result, or runs once per period
 *   (a second run is CONFLICT).
 * A create refused on a repeat by its natural key is not enough: a client whose answer was lost
 * would read the refusal of its own retry as a failure (the imports take a key for this reason).
 */
type Kind = 'VERSIONED' | 'STATE' | 'SET' | 'RUN';

const WITHOUT_KEY: Readonly<Record<string, readonly [Kind, string]>> = {
  // economy
  advanceMajorMatter: ['VERSIONED', 'the next step of 四议两公开; a step cannot be repeated or skipped'],
  advanceProject: ['VERSIONED', 'moves a project to its next status'],
  answerObjection: ['VERSIONED', 'answers one objection'],
  exitMember: ['VERSIONED', 'a member exits once'],
  setMemberShares: ['VERSIONED', 'sets the shares from a date'],
  updateCollectiveOrganization: ['VERSIONED', 'edits the organisation'],
  updateResource: ['VERSIONED', 'edits a resource'],
  closePeriod: ['STATE', 'months close in order; closing a closed month is CONFLICT'],
  // grids
  updateGrid: ['VERSIONED', 'renames or moves a grid'],
  updateResidentStatus: ['VERSIONED', 'records a resident’s status'],
  assignHouseholdsToGrid: ['SET', 'sets the grid of the households named'],
  assignHouseholdsToMember: ['SET', 'sets the grid member of the households named'],
  importRegions: ['SET', 'an upsert of division codes (ON CONFLICT update): a retry is not refused, the same rows again change nothing'],
  retireRegion: ['SET', 'sets valid_to on codes still valid; again it finds none'],
  // personnel
  updatePartyOrganization: ['VERSIONED', 'renames or moves an organisation'],
  registerMobileMember: ['VERSIONED', 'marks a member mobile (a status of the member, not a new record)'],
  returnMobileMember: ['VERSIONED', 'clears the mobile registration'],
  updateCadre: ['VERSIONED', 'edits a cadre record'],
  updatePost: ['VERSIONED', 'edits a post'],
  removeTalent: ['VERSIONED', 'takes an entry out of the talent pool'],
  reportBack: ['VERSIONED', 'reports back from approved leave'],
  approveLeave: ['STATE', 'decides requested leave only; a decided request is refused'],
  dischargeCadre: ['STATE', 'discharges a serving cadre only; a cadre who left is refused'],
  applyPostTemplate: ['SET', 'creates only the missing posts of the template; safe to repeat'],
  computePayroll: ['RUN', 'recomputing a month replaces its payroll'],
  finalizeAnnualRatings: ['RUN', 'rates the year’s appraisals again from the current totals'],
  runRankReview: ['RUN', 'once per county and year; a second run is CONFLICT'],
  // legal
  answerLegalServiceRequest: ['VERSIONED', 'answers a request'],
  closeDispute: ['VERSIONED', 'closes a dispute'],
  escalateDispute: ['VERSIONED', 'escalates a dispute one level'],
  decideLegalAid: ['VERSIONED', 'decides an application'],
  recordLawsuits: ['SET', 'replaces a village’s count for a year'],
  computeSafeVillageDesignations: ['RUN', 'recomputes and replaces a year’s designations'],
  // civility
  approvePoints: ['STATE', 'decides a pending entry only (UPDATE … WHERE status = PENDING); a decided entry is CONFLICT'],
  decideRoleModelObjection: ['STATE', 'decides an open objection only'],
  selectRoleModel: ['STATE', 'selects a nomination after its notice once'],
  fileVillageRules: ['STATE', 'files a version of the rules once; again is CONFLICT (ALREADY_FILED)'],
  setPracticeTheme: ['SET', 'sets a month’s theme'],
  rateStarHouseholds: ['RUN', 'a new run replaces the region’s ratings of the year'],
  // plugins
  approveMergerPlan: ['VERSIONED', 'approves a plan'],
  screenExemplarApplication: ['VERSIONED', 'forwards or declines an application'],
  assessLongshanTask: ['VERSIONED', 'scores a task; revising a scored task needs its version, a repeated first score is CONFLICT'],
  setSuyuPayGrade: ['VERSIONED', 'sets a cadre’s class and grade; changing it needs the version'],
  reviewMergerCandidate: ['STATE', 'the four review levels in order; a level already recorded is refused'],
  confirmMergerInventory: ['STATE', 'confirms and freezes a village’s inventory once'],
  executeMerger: ['STATE', 'executes an approved plan once'],
  decideCadreDiversion: ['SET', 'again replaces the cadre’s decision'],
  recordVillageIndicator: ['SET', 'again replaces the village’s figure'],
  rateLongshanTeams: ['RUN', 'once per county and year; a second run is CONFLICT'],
};

/** Names that announce a create: such a mutation without a key must be a SET (or a versioned transition). */
const CREATING = /^(create|register|record|appoint|request|report|add|grant|apply|dispatch|post|import|publish|flag)[A-Z]/;

const root = path.resolve(__dirname, '../..');

describe('idempotency keys on creates (issue 15 §6 Retries)', () => {
  let mutations: Record<string, GraphQLField<unknown, unknown>>;
  beforeAll(async () => {
    const loaded = loadDeploymentConfig(path.join(root, 'deploy/xiangzhi.yaml'));
    const { apiSdl } = await exportSchemas(resolveDeployment(loaded.config, { baseDir: path.dirname(loaded.path) }));
    mutations = buildSchema(apiSdl).getMutationType()?.getFields() ?? {};
  }, 120_000);

  const inputFields = (m: GraphQLField<unknown, unknown>) =>
    m.args.flatMap((a) => {
      const type = getNamedType(a.type);
      return [a.name, ...(isInputObjectType(type) ? Object.keys(type.getFields()) : [])];
    });

  it('gives every mutation not listed above an optional idempotencyKey', () => {
    const missing = Object.values(mutations)
      .filter((m) => !inputFields(m).includes('idempotencyKey') && !(m.name in WITHOUT_KEY))
      .map((m) => m.name);
    if (missing.length > 0) {
      throw new Error(`这些变更没有幂等键 (mutations without idempotencyKey; extend IdempotentInput and use mutateOnce, or list them with a reason): ${missing.join(', ')}`);
    }
    for (const m of Object.values(mutations)) {
      const key = m.args.flatMap((a) => {
        const type = getNamedType(a.type);
        return isInputObjectType(type) && type.getFields().idempotencyKey ? [type.getFields().idempotencyKey] : [];
      })[0];
      if (key) expect(`${m.name}: ${String(key.type)}`).toBe(`${m.name}: String`);
    }
  });

  it('keeps the list true: every entry exists, has no key, and a VERSIONED one takes expectedVersion', () => {
    const wrong = Object.entries(WITHOUT_KEY).flatMap(([name, [kind]]) => {
      const m = mutations[name];
      if (!m) return [`${name}: no such mutation`];
      const fields = inputFields(m);
      if (fields.includes('idempotencyKey')) return [`${name}: has idempotencyKey now, remove it from the list`];
      if (kind === 'VERSIONED' && !fields.includes('expectedVersion') && !fields.includes('version')) return [`${name}: listed VERSIONED but takes no expectedVersion`];
      if (CREATING.test(name) && kind !== 'SET' && kind !== 'VERSIONED') return [`${name}: named like a create but listed ${kind}`];
      return [];
    });
    expect(wrong).toEqual([]);
  });

  it('counts: most mutations take a key, the rest are listed', () => {
    const all = Object.keys(mutations);
    const keyed = all.filter((n) => inputFields(mutations[n]).includes('idempotencyKey'));
    expect(keyed.length + Object.keys(WITHOUT_KEY).length).toBe(all.length);
    expect(keyed.length).toBeGreaterThan(Object.keys(WITHOUT_KEY).length);
  });
});

import { createExtensionPoint } from '@xiangzhi/kernel';

/** 经济困难依据 the basis an applicant gives for economic hardship. */
export enum HardshipBasis {
  /** 农村“三类人员”（脱贫不稳定户、边缘易致贫户、突发严重困难户）rural monitored households */
  THREE_CATEGORIES = 'THREE_CATEGORIES',
  /** 城市特困人员 urban extreme-poverty support */
  URBAN_EXTREME_POVERTY = 'URBAN_EXTREME_POVERTY',
  /** 农村特困人员 rural extreme-poverty support */
  RURAL_EXTREME_POVERTY = 'RURAL_EXTREME_POVERTY',
  /** 最低生活保障家庭 minimum-living-allowance (低保) household */
  MINIMUM_LIVING_ALLOWANCE = 'MINIMUM_LIVING_ALLOWANCE',
  /** 其他，经济状况审查 anyone else: the means test decides */
  MEANS_TEST = 'MEANS_TEST',
}

/** The bases that are eligible without a means test (免于经济困难审查, the 一免 of 两优一免). */
export const MEANS_TEST_EXEMPT: readonly HardshipBasis[] = [
  HardshipBasis.THREE_CATEGORIES,
  HardshipBasis.URBAN_EXTREME_POVERTY,
  HardshipBasis.RURAL_EXTREME_POVERTY,
  HardshipBasis.MINIMUM_LIVING_ALLOWANCE,
];

/** 援助事项类型 what legal aid is asked for. */
export enum LegalAidMatterKind {
  /** 代理、辩护等法律援助 representation or defence */
  REPRESENTATION = 'REPRESENTATION',
  /** 法律咨询、代写文书 advice and drafting */
  ADVICE = 'ADVICE',
  /** 免费公证 a fee-waived notarial matter (catalogue `FEE_WAIVED_NOTARIAL_MATTERS`) */
  NOTARISATION = 'NOTARISATION',
  /** 免费司法鉴定 a fee-waived forensic appraisal (catalogue `FEE_WAIVED_FORENSIC_KINDS`) */
  FORENSIC_APPRAISAL = 'FORENSIC_APPRAISAL',
}

/** One entry of a fee-waiver catalogue. */
export interface CatalogueEntry {
  code: string;
  zh: string;
  en: string;
}

/**
 * 免费公证事项（21项）the notarial matters notarised free of charge for eligible applicants. The
 * codes are stable; a county plugin may narrow the list through its own `LegalAidPolicy`.
 */
export const FEE_WAIVED_NOTARIAL_MATTERS: readonly CatalogueEntry[] = Object.freeze([
  { code: 'WILL', zh: '遗嘱', en: 'Will' },
  { code: 'INHERITANCE', zh: '继承', en: 'Inheritance' },
  { code: 'GIFT', zh: '赠与', en: 'Gift' },
  { code: 'POWER_OF_ATTORNEY', zh: '委托', en: 'Power of attorney' },
  { code: 'DECLARATION', zh: '声明', en: 'Declaration' },
  { code: 'KINSHIP', zh: '亲属关系', en: 'Kinship' },
  { code: 'BIRTH', zh: '出生', en: 'Birth' },
  { code: 'DEATH', zh: '死亡', en: 'Death' },
  { code: 'MARITAL_STATUS', zh: '婚姻状况', en: 'Marital status' },
  { code: 'NO_CRIMINAL_RECORD', zh: '无犯罪记录', en: 'No criminal record' },
  { code: 'SUPPORT_AGREEMENT', zh: '赡养协议', en: 'Elder-support agreement' },
  { code: 'MAINTENANCE_AGREEMENT', zh: '抚养协议', en: 'Child-maintenance agreement' },
  { code: 'GUARDIANSHIP', zh: '监护', en: 'Guardianship' },
  { code: 'ADOPTION', zh: '收养', en: 'Adoption' },
  { code: 'PROPERTY_DIVISION', zh: '分家析产协议', en: 'Family property division' },
  { code: 'LAND_CONTRACT', zh: '土地承包经营合同', en: 'Land contract' },
  { code: 'LABOUR_CONTRACT', zh: '劳动合同', en: 'Labour contract' },
  { code: 'EVIDENCE_PRESERVATION', zh: '保全证据', en: 'Preservation of evidence' },
  { code: 'SIGNATURE', zh: '签名、印鉴属实', en: 'Authenticity of a signature or seal' },
  { code: 'DOCUMENT_COPY', zh: '文书副本与原本相符', en: 'Copy conforms to the original' },
  { code: 'PENSION_ELIGIBILITY', zh: '生存（领取养老金、抚恤金）', en: 'Being alive (pension or survivor benefit)' },
]);

/** 免费司法鉴定（5类）the forensic appraisals done free of charge for eligible applicants. */
export const FEE_WAIVED_FORENSIC_KINDS: readonly CatalogueEntry[] = Object.freeze([
  { code: 'CLINICAL', zh: '法医临床鉴定（伤残等级、损伤程度）', en: 'Forensic clinical appraisal (disability grade, injury degree)' },
  { code: 'PATHOLOGY', zh: '法医病理鉴定', en: 'Forensic pathology' },
  { code: 'PSYCHIATRIC', zh: '法医精神病鉴定', en: 'Forensic psychiatry' },
  { code: 'PHYSICAL_EVIDENCE', zh: '法医物证鉴定（亲子鉴定）', en: 'Forensic physical evidence (parentage)' },
  { code: 'TOXICOLOGY', zh: '法医毒物鉴定', en: 'Forensic toxicology' },
]);

/** What a legal-aid policy decides on. */
export interface LegalAidCase {
  /** The applicant's village (12-digit code). */
  villageCode: string;
  basis: HardshipBasis;
  kind: LegalAidMatterKind;
  /** The catalogue code for NOTARISATION and FORENSIC_APPRAISAL. */
  catalogueCode: string | null;
  /** Household income per head and month in fen (分), when a means test applies. */
  monthlyIncomePerHeadFen: bigint | null;
}

/** One reason of a decision: a stable rule code and a sentence in both languages. */
export interface LegalAidReason {
  rule: string;
  zh: string;
  en: string;
}

/** What a legal-aid policy finds. */
export interface LegalAidAssessment {
  eligible: boolean;
  /** Whether the means test was waived (三类人员、特困、低保). */
  meansTestWaived: boolean;
  reasons: LegalAidReason[];
}

/**
 * 法律援助条件 who is eligible for legal aid and for the fee-waived notarisation and forensic
 * appraisal catalogues. The legal subgraph stores the assessment with the application, and refuses
 * a decision that grants aid the policy finds ineligible unless the decider gives reasons of their own.
 */
export interface LegalAidPolicy {
  /** The means-test threshold in fen per head and month. */
  readonly monthlyThresholdFen: bigint;
  /** The notarial matters this county waives the fee of. */
  readonly notarialMatters: readonly CatalogueEntry[];
  /** The forensic appraisals this county waives the fee of. */
  readonly forensicKinds: readonly CatalogueEntry[];
  /** Working days a one-tap legal-service request (掌上法律服务) has to be answered. */
  readonly requestAnswerWorkingDays: number;
  assess(c: LegalAidCase): LegalAidAssessment;
}

/** 法律援助条件 extension point (`legal.legalAid`). */
export const legalAidPolicyPoint = createExtensionPoint<LegalAidPolicy>({
  id: 'legal.legalAid',
  subgraph: 'legal',
  title: { zh: '法律援助条件', en: 'Legal aid eligibility policy' },
});

/** Baseline means-test threshold: 1,800.00 yuan per head and month (a county sets its own, usually its minimum wage). */
export const BASELINE_MONTHLY_THRESHOLD_FEN = 180_000n;

/** Baseline: a legal-service request is answered within 3 working days. */
export const BASELINE_REQUEST_ANSWER_WORKING_DAYS = 3;

/** 信访事项办理期限 a petition is handled within 60 days of being accepted (信访工作条例). */
export const PETITION_HANDLING_DAYS = 60;

const yuan = (fen: bigint): string => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;

/**
 * National baseline: 三类人员, urban and rural extreme-poverty persons and 低保 households are
 * eligible without a means test; anyone else when the household's income per head and month does
 * not exceed `monthlyThresholdFen`. Notarisation and forensic appraisal must name a matter of the
 * catalogue (21 notarial matters, 5 forensic kinds).
 */
export class DefaultLegalAidPolicy implements LegalAidPolicy {
  constructor(
    readonly monthlyThresholdFen: bigint = BASELINE_MONTHLY_THRESHOLD_FEN,
    readonly notarialMatters: readonly CatalogueEntry[] = FEE_WAIVED_NOTARIAL_MATTERS,
    readonly forensicKinds: readonly CatalogueEntry[] = FEE_WAIVED_FORENSIC_KINDS,
    readonly requestAnswerWorkingDays: number = BASELINE_REQUEST_ANSWER_WORKING_DAYS,
  ) {
    if (!(Number.isInteger(requestAnswerWorkingDays) && requestAnswerWorkingDays > 0)) throw new Error(`legal aid policy: answer days must be a positive integer, got ${requestAnswerWorkingDays}`);
    if (monthlyThresholdFen <= 0n) throw new Error(`legal aid policy: the threshold must be positive, got ${monthlyThresholdFen}`);
  }

  assess(c: LegalAidCase): LegalAidAssessment {
    const reasons: LegalAidReason[] = [];
    let eligible = true;
    const waived = MEANS_TEST_EXEMPT.includes(c.basis);
    if (waived) {
      reasons.push({ rule: 'MEANS_TEST_WAIVED', zh: '属三类人员、特困人员或低保家庭，免于经济困难审查', en: 'Monitored, extreme-poverty or minimum-allowance household: no means test' });
    } else if (c.monthlyIncomePerHeadFen === null) {
      eligible = false;
      reasons.push({ rule: 'MEANS_TEST_INCOME_MISSING', zh: '须经济困难审查，但未提供家庭人均月收入', en: 'A means test applies but no monthly income per head was given' });
    } else if (c.monthlyIncomePerHeadFen > this.monthlyThresholdFen) {
      eligible = false;
      reasons.push({
        rule: 'MEANS_TEST_ABOVE_THRESHOLD',
        zh: `家庭人均月收入${yuan(c.monthlyIncomePerHeadFen)}元高于经济困难标准${yuan(this.monthlyThresholdFen)}元`,
        en: `Monthly income per head ${yuan(c.monthlyIncomePerHeadFen)} yuan is above the threshold of ${yuan(this.monthlyThresholdFen)} yuan`,
      });
    } else {
      reasons.push({
        rule: 'MEANS_TEST_PASSED',
        zh: `家庭人均月收入${yuan(c.monthlyIncomePerHeadFen)}元不高于经济困难标准${yuan(this.monthlyThresholdFen)}元`,
        en: `Monthly income per head ${yuan(c.monthlyIncomePerHeadFen)} yuan is within the threshold of ${yuan(this.monthlyThresholdFen)} yuan`,
      });
    }
    const catalogue = c.kind === LegalAidMatterKind.NOTARISATION ? this.notarialMatters : c.kind === LegalAidMatterKind.FORENSIC_APPRAISAL ? this.forensicKinds : null;
    if (catalogue) {
      const entry = catalogue.find((e) => e.code === c.catalogueCode);
      if (!entry) {
        eligible = false;
        reasons.push({
          rule: 'NOT_IN_FEE_WAIVER_CATALOGUE',
          zh: `事项不在免费${c.kind === LegalAidMatterKind.NOTARISATION ? '公证' : '司法鉴定'}目录内：${c.catalogueCode ?? '未给出'}`,
          en: `The matter is not in the fee-waived ${c.kind === LegalAidMatterKind.NOTARISATION ? 'notarisation' : 'forensic appraisal'} catalogue: ${c.catalogueCode ?? 'none given'}`,
        });
      } else {
        reasons.push({ rule: 'IN_FEE_WAIVER_CATALOGUE', zh: `属免费目录事项：${entry.zh}`, en: `In the fee-waiver catalogue: ${entry.en}` });
      }
    }
    return { eligible, meansTestWaived: waived, reasons };
  }
}

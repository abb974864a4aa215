import { createExtensionPoint } from '@xiangzhi/kernel';

/** 四议两公开事项所授权的事务 what an act a major matter authorises is. */
export type MajorMatterSubject = 'DISTRIBUTION' | 'CONTRACT' | 'PROJECT';

/**
 * 四议两公开步骤 the steps of a major matter, in order: 党支部提议 → 两委商议 → 党员大会审议 →
 * 村民（代表）会议决议 → 决议公开 → 实施结果公开. A matter moves one step at a time.
 */
export const MAJOR_MATTER_STEPS = ['PROPOSED', 'DELIBERATED', 'REVIEWED', 'RESOLVED', 'DECISION_PUBLISHED', 'RESULT_PUBLISHED'] as const;

export type MajorMatterStepName = (typeof MAJOR_MATTER_STEPS)[number];

/** The figures of a villagers' (representatives') meeting resolution. */
export interface ResolutionFigures {
  /** 应到人数 members entitled to attend (villagers or representatives). */
  membersEntitled: number;
  /** 实到人数 attendance. */
  attendance: number;
  votesFor: number;
  votesAgainst: number;
  votesAbstain: number;
}

/** What the procedure decides about a resolution: quorate or not, adopted or not, and why (bilingual). */
export interface ResolutionDecision {
  quorate: boolean;
  adopted: boolean;
  /** Stable rule code, e.g. `QUORUM_NOT_MET`, `MAJORITY_NOT_REACHED`, `ADOPTED`. */
  rule: string;
  zh: string;
  en: string;
}

/**
 * 四议两公开程序 the `economy.majorMatter` extension point: quorum and majority of the villagers'
 * (representatives') meeting, and the amount above which a contract, a distribution or a project
 * needs an adopted matter of its village.
 */
export interface MajorMatterProcedure {
  /** 金额门槛 (fen): an act of `subject` whose amount is above this needs an adopted major matter. */
  thresholdFen(subject: MajorMatterSubject): bigint;
  /** Whether the meeting was quorate and the matter adopted. Called with figures already checked for consistency (votes ≤ attendance ≤ entitled). */
  decide(figures: ResolutionFigures): ResolutionDecision;
}

export const majorMatterPolicyPoint = createExtensionPoint<MajorMatterProcedure>({
  id: 'economy.majorMatter',
  subgraph: 'economy',
  title: { zh: '四议两公开程序', en: 'Major-matter procedure (四议两公开)' },
});

/**
 * The national baseline's figures. The quorum (more than half of the members entitled) and the
 * majority (more than half of those attending) follow the Organic Law of Villagers' Committees
 * (村民委员会组织法 §22). The amount threshold of 50,000 CNY is a baseline choice — no national text
 * fixes one; counties set their own through a plugin.
 */
export const BASELINE_MAJOR_MATTER = { thresholdFen: 5_000_000n } as const;

/** National baseline: quorum more than half of the members entitled, majority more than half of attendees, threshold 50,000 CNY for every subject. */
export class DefaultMajorMatterProcedure implements MajorMatterProcedure {
  thresholdFen(): bigint {
    return BASELINE_MAJOR_MATTER.thresholdFen;
  }

  decide(f: ResolutionFigures): ResolutionDecision {
    if (f.attendance * 2 <= f.membersEntitled) {
      return {
        quorate: false,
        adopted: false,
        rule: 'QUORUM_NOT_MET',
        zh: `到会${f.attendance}人，未超过应到${f.membersEntitled}人的半数`,
        en: `${f.attendance} attended: not more than half of the ${f.membersEntitled} entitled`,
      };
    }
    if (f.votesFor * 2 <= f.attendance) {
      return {
        quorate: true,
        adopted: false,
        rule: 'MAJORITY_NOT_REACHED',
        zh: `赞成${f.votesFor}票，未超过到会${f.attendance}人的半数，决议未通过`,
        en: `${f.votesFor} votes for: not more than half of the ${f.attendance} attending; not adopted`,
      };
    }
    return {
      quorate: true,
      adopted: true,
      rule: 'ADOPTED',
      zh: `到会${f.attendance}/${f.membersEntitled}人，赞成${f.votesFor}票超过半数，决议通过`,
      en: `${f.attendance} of ${f.membersEntitled} attended, ${f.votesFor} votes for (more than half): adopted`,
    };
  }
}

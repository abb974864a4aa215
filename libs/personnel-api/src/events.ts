import type { DepartureType, Rating } from './common';
import type { SanctionMeasure } from './attendance';
import type { DisciplinaryCategory, DisciplinaryKind } from './discipline';

/**
 * 干部子图事件 events the personnel subgraph records in its outbox (`personnel_event`, written in the
 * same transaction as the change) for other subgraphs and plugins to consume.
 */
export interface PersonnelEvents {
  'personnel.cadre.appointed': { cadreId: string; postId: string; villageCode: string; date: string };
  'personnel.cadre.discharged': { cadreId: string; villageCode: string; departureType: DepartureType; date: string };
  'personnel.sanction.decided': { cadreId: string; sanctionId: string; measures: SanctionMeasure[]; policy: string; rule: string };
  /** 党纪政务处分 recorded; `effectEndsOn` null when it has no end. */
  'personnel.discipline.recorded': { cadreId: string; sanctionId: string; kind: DisciplinaryKind; category: DisciplinaryCategory; decidedOn: string; effectEndsOn: string | null };
  'personnel.rating.finalized': { townshipCode: string; year: number; ratings: { cadreId: string; rating: Rating }[] };
  'personnel.payroll.computed': { villageCode: string; month: string; payRecordIds: string[] };
}

export type PersonnelEventName = keyof PersonnelEvents;

import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../gql';
import { useI18n } from '../i18n';
import { DASH, lastMonth, Section, show, Table, thisMonth } from '../ui';
import { VillageExports } from '../exports';

const VillageHeaderQuery = graphql(`
  query VillageHeader($code: ID!) {
    region(code: $code) {
      ...RegionSummary
      parent {
        code
        name
      }
    }
  }
`);

const VillageGridsQuery = graphql(`
  query VillageGrids($code: ID!) {
    region(code: $code) {
      code
      grids {
        id
        code
        name
        leader {
          id
          name
        }
        members {
          id
          name
        }
      }
    }
  }
`);

const VillageHouseholdsQuery = graphql(`
  query VillageHouseholds($code: ID!) {
    households(regionCode: $code, first: 20) {
      totalCount
      nodes {
        id
        number
        address
        head {
          id
          name
        }
        grid {
          id
          name
        }
      }
    }
  }
`);

const VillageCadresQuery = graphql(`
  query VillageCadres($code: ID!) {
    region(code: $code) {
      code
      posts {
        id
        title
        holder {
          id
          name
        }
      }
    }
  }
`);

const VillagePayrollQuery = graphql(`
  query VillagePayroll($code: String!, $month: String!) {
    payRecords(regionCode: $code, month: $month, first: 50) {
      totalCount
      nodes {
        id
        month
        total
        cadre {
          id
          name
        }
      }
    }
  }
`);

const VillageEconomyQuery = graphql(`
  query VillageEconomy($code: ID!, $year: Int!) {
    region(code: $code) {
      code
      collectiveEconomy(year: $year) {
        year
        operatingIncome
        organizations
      }
    }
  }
`);

const VillageDisputesQuery = graphql(`
  query VillageDisputes($code: ID!) {
    region(code: $code) {
      code
      disputes(first: 10) {
        id
        summary
        status
        openedOn
      }
    }
  }
`);

const VillagePointsQuery = graphql(`
  query VillagePoints($code: ID!, $month: String!) {
    region(code: $code) {
      code
      pointsLeaderboard(first: 10, month: $month) {
        rank
        points
        household {
          id
          number
          head {
            id
            name
          }
        }
      }
    }
  }
`);

function Grids({ code }: { code: string }) {
  const { t } = useI18n();
  const { data, loading, error } = useQuery(VillageGridsQuery, { errorPolicy: 'all', variables: { code } });
  const grids = data?.region.grids;
  return (
    <Section title={t('grids')} loading={loading} error={error} empty={!grids} testId="village-grids">
      <Table
        head={[t('code'), t('name'), t('gridLeader'), t('members')]}
        rows={(grids ?? []).map((g) => [g.code, g.name, show(g.leader?.name), g.members.map((m) => m.name).join('、') || DASH])}
      />
    </Section>
  );
}

function Households({ code }: { code: string }) {
  const { t } = useI18n();
  const { data, loading, error } = useQuery(VillageHouseholdsQuery, { errorPolicy: 'all', variables: { code } });
  const page = data?.households;
  return (
    <Section title={`${t('householdList')}${page ? `（${t('total')} ${page.totalCount}）` : ''}`} loading={loading} error={error} empty={!page} testId="village-households">
      <Table head={[t('number'), t('head'), t('address'), t('grids')]} rows={(page?.nodes ?? []).map((h) => [h.number, show(h.head?.name), h.address, show(h.grid?.name)])} />
    </Section>
  );
}

function Cadres({ code }: { code: string }) {
  const { t } = useI18n();
  const { data, loading, error } = useQuery(VillageCadresQuery, { errorPolicy: 'all', variables: { code } });
  const posts = data?.region.posts;
  return (
    <Section title={t('cadresPosts')} loading={loading} error={error} empty={!posts} testId="village-cadres">
      <Table head={[t('post'), t('holder')]} rows={(posts ?? []).map((p) => [p.title, p.holder?.name ?? t('vacant')])} />
    </Section>
  );
}

function Payroll({ code }: { code: string }) {
  const { t } = useI18n();
  const [month, setMonth] = useState(lastMonth());
  const { data, loading, error } = useQuery(VillagePayrollQuery, { errorPolicy: 'all', variables: { code, month } });
  const page = data?.payRecords;
  return (
    <Section title={t('payroll')} loading={loading} error={error} empty={!page} testId="village-payroll">
      <label>
        {t('month')} <input type="month" value={month} onChange={(ev) => setMonth(ev.target.value)} />
      </label>
      <Table head={[t('cadre'), t('month'), t('amount')]} rows={(page?.nodes ?? []).map((r) => [r.cadre.name, r.month, r.total.toFixed(2)])} />
    </Section>
  );
}

function Economy({ code }: { code: string }) {
  const { t } = useI18n();
  const year = new Date().getFullYear();
  const { data, loading, error } = useQuery(VillageEconomyQuery, { errorPolicy: 'all', variables: { code, year } });
  const economy = data?.region.collectiveEconomy;
  return (
    <Section title={t('economy')} loading={loading} error={error} empty={!economy} testId="village-economy">
      <Table head={[t('year'), t('operatingIncome'), t('organizations')]} rows={economy ? [[economy.year, economy.operatingIncome, economy.organizations]] : []} />
    </Section>
  );
}

function Disputes({ code }: { code: string }) {
  const { t, e } = useI18n();
  const { data, loading, error } = useQuery(VillageDisputesQuery, { errorPolicy: 'all', variables: { code } });
  const disputes = data?.region.disputes;
  return (
    <Section title={t('disputes')} loading={loading} error={error} empty={!disputes} testId="village-disputes">
      <Table head={[t('summary'), t('status'), t('openedOn')]} rows={(disputes ?? []).map((d) => [d.summary, e(d.status), d.openedOn])} />
    </Section>
  );
}

function Points({ code }: { code: string }) {
  const { t } = useI18n();
  const { data, loading, error } = useQuery(VillagePointsQuery, { errorPolicy: 'all', variables: { code, month: thisMonth() } });
  const board = data?.region.pointsLeaderboard;
  return (
    <Section title={t('points')} loading={loading} error={error} empty={!board} testId="village-points">
      <Table head={[t('rank'), t('household'), t('pointsCol')]} rows={(board ?? []).map((p) => [p.rank, `${p.household.number} ${show(p.household.head?.name)}`, p.points])} />
    </Section>
  );
}

/** One village: who and what it has, each block from its own query so a missing subgraph costs only its block. */
export function VillagePage({ code }: { code: string }) {
  const { t } = useI18n();
  const { data } = useQuery(VillageHeaderQuery, { errorPolicy: 'all', variables: { code } });
  const village = data?.region;
  return (
    <div>
      <h2 data-testid="village-name">{village?.name ?? code}</h2>
      <p>
        {village?.parent && <a href={`#/regions/${village.parent.code}`}>↑ {village.parent.name}</a>} · <a href={`#/incidents/${code}`}>{t('incidents')} →</a>
      </p>
      {village && (
        <p data-testid="village-stats">
          {t('households')} {village.stats.households} · {t('residents')} {village.stats.residents} · {t('grids')} {village.stats.grids} · {t('openIncidents')}{' '}
          {village.stats.openIncidents}
        </p>
      )}
      <VillageExports code={code} />
      <div className="grid">
        <Grids code={code} />
        <Cadres code={code} />
        <Households code={code} />
        <Payroll code={code} />
        <Economy code={code} />
        <Disputes code={code} />
        <Points code={code} />
      </div>
    </div>
  );
}

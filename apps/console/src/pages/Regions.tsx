import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { useI18n } from '../i18n';
import { Section, show, Table } from '../ui';

/** What a region page shows of a region (its page header and its row in its parent's list). */
export const RegionSummaryFragment = graphql(`
  fragment RegionSummary on Region {
    code
    name
    level
    stats {
      households
      residents
      grids
      openIncidents
    }
  }
`);

const RegionTreeQuery = graphql(`
  query RegionTree($code: ID!) {
    region(code: $code) {
      ...RegionSummary
      parent {
        code
        name
      }
      children(includeRetired: false) {
        ...RegionSummary
      }
    }
  }
`);

/** A region with its statistics and its children's, each child a step down the tree. */
export function RegionsPage(props: { code: string }) {
  const { t, e } = useI18n();
  const { data, loading, error } = useQuery(RegionTreeQuery, { errorPolicy: 'all', variables: { code: props.code } });
  const region = data?.region;
  return (
    <div>
      <h2 data-testid="region-name">
        {region ? `${region.name}（${e(region.level)}）` : props.code}
      </h2>
      {region?.parent && (
        <p>
          <a href={`#/regions/${region.parent.code}`}>
            ↑ {t('up')}: {region.parent.name}
          </a>
        </p>
      )}
      {region?.level === 'VILLAGE' && (
        <p>
          <a href={`#/village/${region.code}`} data-testid="open-village">
            {t('villagePage')} →
          </a>
        </p>
      )}
      <Section title={t('regions')} loading={loading} error={error} empty={!region} testId="region-tree">
        {region && (
          <>
            <p data-testid="region-stats">
              {t('households')} {show(region.stats.households)} · {t('residents')} {show(region.stats.residents)} · {t('grids')} {show(region.stats.grids)} ·{' '}
              {t('openIncidents')} {show(region.stats.openIncidents)}
            </p>
            <Table
              testId="children"
              head={[t('name'), t('code'), t('level'), t('households'), t('residents'), t('grids'), t('openIncidents')]}
              rows={region.children.map((c) => [
                <a key={c.code} href={c.level === 'VILLAGE' ? `#/village/${c.code}` : `#/regions/${c.code}`}>
                  {c.name}
                </a>,
                c.code,
                e(c.level),
                c.stats.households,
                c.stats.residents,
                c.stats.grids,
                c.stats.openIncidents,
              ])}
            />
          </>
        )}
      </Section>
    </div>
  );
}

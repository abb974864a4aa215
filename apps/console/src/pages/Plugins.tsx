import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { useI18n } from '../i18n';
import { Section, Table } from '../ui';

const CountyPluginsQuery = graphql(`
  query CountyPlugins($code: ID!) {
    countyPlugins(regionCode: $code) {
      name
      version
      titleZh
      titleEn
      parameters {
        key
        value
      }
    }
  }
`);

/** 已启用插件 the plugins the signed-in actor's county enables, with their parameters (read-only). */
export function PluginsPage({ code }: { code: string }) {
  const { t, lang } = useI18n();
  const { data, loading, error } = useQuery(CountyPluginsQuery, { errorPolicy: 'all', variables: { code } });
  const plugins = data?.countyPlugins;
  return (
    <div>
      <h2>
        {t('plugins')} · {code}
      </h2>
      <Section title={t('plugins')} loading={loading} error={error} empty={!plugins} testId="plugins">
        {plugins?.length === 0 ? (
          <p>{t('baseline')}</p>
        ) : (
          <Table
            testId="plugin-table"
            head={[t('plugin'), t('name'), t('version'), t('parameters')]}
            rows={(plugins ?? []).map((p) => [
              p.name,
              lang === 'zh' ? p.titleZh : p.titleEn,
              p.version,
              <dl key="p" className="params">
                {p.parameters.map((param) => (
                  <div key={param.key}>
                    <dt>{param.key}</dt>
                    <dd>
                      <code>{param.value}</code>
                    </dd>
                  </div>
                ))}
              </dl>,
            ])}
          />
        )}
      </Section>
    </div>
  );
}

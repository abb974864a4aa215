import type { ErrorLike } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { ReactNode } from 'react';
import { useI18n } from './i18n';

/** Shown for a value the graph does not give (a plugin not enabled, a subgraph not deployed, no data). */
export const DASH = '—';

export function show(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? DASH : String(value);
}

/** The error codes of a failed query (e.g. PLUGIN_NOT_ENABLED, GRAPHQL_VALIDATION_FAILED). */
export function codesOf(error: ErrorLike | undefined): string[] {
  if (!error) return [];
  if (CombinedGraphQLErrors.is(error)) return [...new Set(error.errors.map((e) => String(e.extensions?.code ?? 'ERROR')))];
  return [error.name];
}

/** A titled block of a page: a loading line, the content, or "—" with why when nothing came back. */
export function Section(props: { title: string; loading: boolean; error?: ErrorLike; empty: boolean; children: ReactNode; testId: string }) {
  const { t } = useI18n();
  return (
    <section className="section" data-testid={props.testId}>
      <h3>{props.title}</h3>
      {props.loading ? (
        <p>{t('loading')}</p>
      ) : props.empty ? (
        <p className="dash" title={codesOf(props.error).join(', ')}>
          {DASH}
        </p>
      ) : (
        props.children
      )}
    </section>
  );
}

export function Table(props: { head: string[]; rows: (string | number | ReactNode)[][]; testId?: string }) {
  const { t } = useI18n();
  if (props.rows.length === 0) return <p>{t('none')}</p>;
  return (
    <table data-testid={props.testId}>
      <thead>
        <tr>
          {props.head.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The current month (YYYY-MM). */
export function thisMonth(): string {
  return new Date().toISOString().slice(0, 7);
}

/** The month before this one (YYYY-MM): the latest whose payroll can be computed. */
export function lastMonth(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import type { IncidentCategory } from '../gql/graphql';
import { useI18n } from '../i18n';
import { codesOf, Section, show, Table } from '../ui';


const IncidentsQuery = graphql(`
  query IncidentDesk($code: String!) {
    incidents(regionCode: $code, first: 20) {
      totalCount
      nodes {
        id
        title
        status
        tier
        category
        version
        allowedActions
        deadline
        rating
        villageCode
        assignee {
          id
          name
          kind
        }
      }
    }
  }
`);

const AssigneesQuery = graphql(`
  query IncidentAssignees($code: ID!) {
    grids(villageCode: $code) {
      id
      name
      members {
        id
        name
      }
    }
  }
`);

/** What every step of an incident answers: enough to redraw its row. */
export const IncidentStateFragment = graphql(`
  fragment IncidentState on Incident {
    id
    status
    version
    allowedActions
  }
`);

const ReportMutation = graphql(`
  mutation ReportIncident($input: ReportIncidentInput!) {
    reportIncident(input: $input) {
      title
      ...IncidentState
    }
  }
`);

const AcceptMutation = graphql(`
  mutation AcceptIncident($input: AcceptIncidentInput!) {
    acceptIncident(input: $input) {
      ...IncidentState
    }
  }
`);

const DispatchMutation = graphql(`
  mutation DispatchIncident($input: DispatchIncidentInput!) {
    dispatchIncident(input: $input) {
      ...IncidentState
      assignee {
        id
        name
        kind
      }
    }
  }
`);

const StartMutation = graphql(`
  mutation StartIncident($input: StartIncidentInput!) {
    startIncident(input: $input) {
      ...IncidentState
    }
  }
`);

const ResolveMutation = graphql(`
  mutation ResolveIncident($input: ResolveIncidentInput!) {
    resolveIncident(input: $input) {
      ...IncidentState
    }
  }
`);

const CloseMutation = graphql(`
  mutation CloseIncident($input: CloseIncidentInput!) {
    closeIncident(input: $input) {
      ...IncidentState
      rating
    }
  }
`);

const CATEGORIES: IncidentCategory[] = ['ENVIRONMENT', 'INFRASTRUCTURE', 'DISPUTE', 'LAND', 'LIVELIHOOD', 'PUBLIC_SECURITY', 'SAFETY_HAZARD', 'OTHER'];

interface Row {
  id: string;
  version: number;
  villageCode: string;
  allowedActions: string[];
}

/** The buttons and small forms for what the signed-in actor may do to one incident now. */
function Actions({ incident, onError }: { incident: Row; onError: (message: string) => void }) {
  const { t } = useI18n();
  const [assigneeId, setAssigneeId] = useState('');
  const [resolution, setResolution] = useState('');
  const [rating, setRating] = useState(5);
  const [comment, setComment] = useState('');
  const canDispatch = incident.allowedActions.includes('DISPATCH');
  const assignees = useQuery(AssigneesQuery, { errorPolicy: 'all', variables: { code: incident.villageCode }, skip: !canDispatch });
  const workers = (assignees.data?.grids ?? []).flatMap((g) => g.members.map((m) => ({ ...m, grid: g.name })));
  const base = { id: incident.id, expectedVersion: incident.version };
  const fail = (error: unknown) => onError(error instanceof Error ? error.message : String(error));
  const [accept] = useMutation(AcceptMutation);
  const [dispatch] = useMutation(DispatchMutation);
  const [start] = useMutation(StartMutation);
  const [resolve] = useMutation(ResolveMutation);
  const [close] = useMutation(CloseMutation);
  const chosen = assigneeId || workers[0]?.id || '';
  const run = (p: Promise<{ error?: unknown }>) =>
    p.then((r) => {
      if (r.error) fail(r.error);
    }, fail);
  return (
    <div className="actions">
      {incident.allowedActions.includes('ACCEPT') && (
        <button data-testid="accept" onClick={() => run(accept({ variables: { input: base } }))}>
          {t('accept')}
        </button>
      )}
      {canDispatch && (
        <span>
          <select aria-label={t('assignee')} value={chosen} onChange={(ev) => setAssigneeId(ev.target.value)}>
            {workers.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}（{w.grid}）
              </option>
            ))}
          </select>
          <button
            data-testid="dispatch"
            disabled={!chosen}
            onClick={() => run(dispatch({ variables: { input: { ...base, assigneeKind: 'GRID_WORKER', assigneeId: chosen } } }))}
          >
            {t('dispatch')}
          </button>
        </span>
      )}
      {incident.allowedActions.includes('START') && (
        <button data-testid="start" onClick={() => run(start({ variables: { input: base } }))}>
          {t('start')}
        </button>
      )}
      {incident.allowedActions.includes('RESOLVE') && (
        <span>
          <input aria-label={t('resolution')} placeholder={t('resolution')} value={resolution} onChange={(ev) => setResolution(ev.target.value)} />
          <button data-testid="resolve" disabled={!resolution.trim()} onClick={() => run(resolve({ variables: { input: { ...base, resolution } } }))}>
            {t('resolve')}
          </button>
        </span>
      )}
      {incident.allowedActions.includes('CLOSE') && (
        <span>
          <select aria-label={t('rating')} value={rating} onChange={(ev) => setRating(Number(ev.target.value))}>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={n}>
                {'★'.repeat(n)}
              </option>
            ))}
          </select>
          <input aria-label={t('comment')} placeholder={t('comment')} value={comment} onChange={(ev) => setComment(ev.target.value)} />
          <button data-testid="close" onClick={() => run(close({ variables: { input: { ...base, rating, comment: comment.trim() || undefined } } }))}>
            {t('close')}
          </button>
        </span>
      )}
    </div>
  );
}

/** 事件办理 the incidents of a region, newest first, and a form to report one in a village. */
export function IncidentsPage({ code }: { code: string }) {
  const { t, e } = useI18n();
  const { data, loading, error } = useQuery(IncidentsQuery, { errorPolicy: 'all', variables: { code }, fetchPolicy: 'cache-and-network' });
  const [report] = useMutation(ReportMutation, { refetchQueries: [IncidentsQuery] });
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState<IncidentCategory>('ENVIRONMENT');
  const [message, setMessage] = useState('');
  const village = code.length === 12 && !code.endsWith('000');
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    setMessage('');
    report({ variables: { input: { villageCode: code, category, title, description } } }).then(
      (r) => {
        if (r.error) setMessage(`${codesOf(r.error).join(', ')}: ${r.error.message}`);
        else {
          setTitle('');
          setDescription('');
        }
      },
      (err: unknown) => setMessage(String(err)),
    );
  };
  const page = data?.incidents;
  return (
    <div>
      <h2>
        {t('incidents')} · {code}
      </h2>
      {village && (
        <form className="report" onSubmit={submit} data-testid="report-form">
          <h3>{t('report')}</h3>
          <label>
            {t('category')}{' '}
            <select value={category} onChange={(ev) => setCategory(ev.target.value as IncidentCategory)}>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {e(c)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('title')} <input name="title" required value={title} onChange={(ev) => setTitle(ev.target.value)} />
          </label>
          <label>
            {t('description')} <input name="description" required value={description} onChange={(ev) => setDescription(ev.target.value)} />
          </label>
          <button type="submit">{t('submit')}</button>
        </form>
      )}
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      <Section title={`${t('incidents')}${page ? `（${page.totalCount}）` : ''}`} loading={loading && !page} error={error} empty={!page} testId="incident-list">
        <Table
          testId="incidents"
          head={[t('title'), t('category'), t('status'), t('tier'), t('assignee'), t('rating'), t('deadline'), t('actions')]}
          rows={(page?.nodes ?? []).map((i) => [
            i.title,
            e(i.category),
            <span key="s" data-testid="incident-status">
              {e(i.status)}
            </span>,
            e(i.tier),
            show(i.assignee?.name),
            i.rating ? '★'.repeat(i.rating) : '—',
            i.deadline.slice(0, 10),
            <Actions key="a" incident={i} onError={setMessage} />,
          ])}
        />
      </Section>
    </div>
  );
}

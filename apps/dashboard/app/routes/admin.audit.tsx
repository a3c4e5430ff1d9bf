import { apiError } from '@jobs/contracts';
import { SafeText } from '@jobs/ui/SafeText';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { RouteError } from '../components/RouteError.js';
import { errorResponse } from '../services/api-errors.server.js';
import { requirePageUser } from '../services/auth.server.js';

export const meta: MetaFunction = () => [{ title: 'Audit log · Jobs Console' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context);
  if (user.role !== 'admin')
    throw errorResponse(403, apiError('Forbidden', 'The audit log is for admins.', false));
  const [entries, failedLogins] = await Promise.all([
    context.services.audit.recent(500),
    context.services.loginThrottle.recentFailures(100),
  ]);
  return { entries, failedLogins };
}

export default function Audit() {
  const { entries, failedLogins } = useLoaderData<typeof loader>();
  return (
    <section className="card audit">
      <h1>Audit log</h1>
      <p className="muted">Every action by a logged-in user, newest first (last 500).</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Run</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {entries.length === 0 ? <EmptyRow columns={5} text="No actions yet." /> : null}
          {entries.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: entries are append-only; two may share a timestamp.
            <tr key={`${e.at}-${i}`} data-outcome={e.outcome}>
              <td>
                <UtcTime iso={e.at} />
              </td>
              <td>
                <SafeText text={e.who} />
              </td>
              <td>
                <SafeText text={e.action} />
              </td>
              <td>{e.runId ? `#${e.runId}` : ''}</td>
              <td>
                {e.outcome}
                {e.detail ? (
                  <>
                    {' · '}
                    <SafeText text={e.detail} />
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Failed logins</h2>
      <p className="muted">
        Per address and typed email (cut to 100 characters), most recent first. What was typed is not an
        identity, so these are kept apart from the actions above.
      </p>
      <table className="table failed-logins">
        <thead>
          <tr>
            <th scope="col">Last (UTC)</th>
            <th scope="col">Address</th>
            <th scope="col">Email typed</th>
            <th scope="col">Failures</th>
          </tr>
        </thead>
        <tbody>
          {failedLogins.length === 0 ? <EmptyRow columns={4} text="No failed logins." /> : null}
          {failedLogins.map((f) => (
            <tr key={`${f.address}|${f.email}`}>
              <td>
                <UtcTime iso={f.lastAt} />
              </td>
              <td>
                <SafeText text={f.address} />
              </td>
              <td>
                <SafeText text={f.email} />
              </td>
              <td>{f.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** "2026-12-05 23:40:54", the page's columns being UTC */
function UtcTime({ iso }: { iso: string }) {
  return <time dateTime={iso}>{iso.replace('T', ' ').slice(0, 19)}</time>;
}

function EmptyRow({ columns, text }: { columns: number; text: string }) {
  return (
    <tr>
      <td colSpan={columns} className="muted">
        {text}
      </td>
    </tr>
  );
}

export function ErrorBoundary() {
  return <RouteError title="The audit log is not available" />;
}

import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { RouteError } from '../components/RouteError.js';
import { jsonError, requirePageUser } from '../services/auth.server.js';

export const meta: MetaFunction = () => [{ title: 'Audit log · Jobs Console' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context);
  if (user.role !== 'admin') throw jsonError(403, 'Forbidden', 'The audit log is for admins.');
  return { entries: context.services.audit.recent(500) };
}

export default function Audit() {
  const { entries } = useLoaderData<typeof loader>();
  return (
    <section className="card audit">
      <h1>Audit log</h1>
      <p className="muted">Every action, newest first (last 500).</p>
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
          {entries.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: entries are append-only; two may share a timestamp.
            <tr key={`${e.at}-${i}`} data-outcome={e.outcome}>
              <td>{e.at.replace('T', ' ').slice(0, 19)}</td>
              <td>{e.who}</td>
              <td>{e.action}</td>
              <td>{e.runId ? `#${e.runId}` : ''}</td>
              <td>
                {e.outcome}
                {e.detail ? ` · ${e.detail}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError title="The audit log is not available" />;
}

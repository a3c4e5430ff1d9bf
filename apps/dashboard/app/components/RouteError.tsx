import { Button } from '@jobs/ui/Button';
import { Link, useLocation, useRevalidator, useRouteError } from '@remix-run/react';
import { useEffect } from 'react';
import { failureText } from '../services/failure-text.js';

const AUTO_RETRY_MS = 5000;

/** Every route's ErrorBoundary: what went wrong in words, and a way to try again (never a blank page). */
export function RouteError({ title = 'This page could not be loaded' }: { title?: string }) {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const { pathname } = useLocation();
  // Never the raw error: a transport failure's text ("Unable to decode turbo-stream response") means
  // nothing to the person reading it.
  const { status, message } = failureText(error);
  // The jobs API being away (503) or answering nonsense (502) is usually brief: keep trying, so the
  // page comes back by itself when the API does.
  const transient = status === 502 || status === 503;
  const { revalidate } = revalidator;
  useEffect(() => {
    if (!transient) return;
    const timer = setInterval(revalidate, AUTO_RETRY_MS);
    return () => clearInterval(timer);
  }, [transient, revalidate]);
  return (
    <section className="card route-error" role="alert">
      <h2>{status === 404 ? 'Not found' : title}</h2>
      <p>{message}</p>
      {transient ? <p className="muted">Retrying every {AUTO_RETRY_MS / 1000} s.</p> : null}
      <p className="row">
        <Button variant="primary" onClick={() => revalidator.revalidate()}>
          {revalidator.state === 'loading' ? 'Retrying…' : 'Retry'}
        </Button>
        <Button href={pathname}>Reload page</Button>
        <Button asChild>
          <Link to="/admin/jobs">Job Manager</Link>
        </Button>
      </p>
    </section>
  );
}

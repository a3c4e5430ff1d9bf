import { ApiError } from '@jobs/contracts';
import { isRouteErrorResponse, Link, useLocation, useRevalidator, useRouteError } from '@remix-run/react';
import { useEffect } from 'react';

const AUTO_RETRY_MS = 5000;

/** Every route's ErrorBoundary: what went wrong in words, and a way to try again (never a blank page). */
export function RouteError({ title = 'This page could not be loaded' }: { title?: string }) {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const { pathname } = useLocation();
  let status: number | null = null;
  let message = 'An unexpected error happened.';
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const body = ApiError.safeParse(error.data);
    message = body.success
      ? `${body.data.error}: ${body.data.details}`
      : String(error.data ?? error.statusText);
  } else if (error instanceof Error) message = error.message;
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
        <button type="button" className="button button--primary" onClick={() => revalidator.revalidate()}>
          {revalidator.state === 'loading' ? 'Retrying…' : 'Retry'}
        </button>
        <a className="button" href={pathname}>
          Reload page
        </a>
        <Link className="button" to="/admin/jobs">
          Job Manager
        </Link>
      </p>
    </section>
  );
}

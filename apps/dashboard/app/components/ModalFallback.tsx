import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';

/** A modal route's content as a plain panel: before hydration, and for browsers without JavaScript. */
export function ModalFallback({
  title,
  closeTo,
  children,
}: {
  title: string;
  closeTo: string;
  children: ReactNode;
}) {
  return (
    <section className="card modal-fallback" aria-label={title}>
      <header className="row">
        <h2>{title}</h2>
        <Link to={closeTo} className="button" aria-label="Close">
          ✕ Close
        </Link>
      </header>
      {children}
    </section>
  );
}

import { RemixBrowser } from '@remix-run/react';
import { StrictMode, startTransition } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { quietAbortedLoads } from './quiet-aborted-loads.js';

// Remix's default client entry, plus one thing: loads the router aborted are not logged as errors.
quietAbortedLoads();

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});

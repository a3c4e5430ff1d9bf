import { createHttpHost, createLiveClient, LiveProvider } from '@jobs/live';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@jobs/ui/styles.css';
import './brand.css';
import { App } from './App.js';

// One client per page. Its I/O goes to this app's own backend (server/index.mjs), which holds the
// engine's service token: the browser only ever talks to its own origin.
const client = createLiveClient({
  ...createHttpHost({ apiBase: '/api/jobs', socket: { path: '/socket.io' } }),
  channelName: 'acme-orders-jobs',
});

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <LiveProvider client={client}>
      <App onClearFinished={() => client.clearPanel()} />
    </LiveProvider>
  </StrictMode>,
);

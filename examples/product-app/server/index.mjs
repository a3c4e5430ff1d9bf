// The product's tiny backend: serves the built app and proxies the jobs engine for the browser.
// The engine's service token lives here only; the browser talks to this origin and never sees it.
//
//   /api/jobs/*  -> ${JOBS_API_URL}/api/admin/jobs/*   (an allow-list of what the page may do)
//   /socket.io   -> one upstream socket per browser socket, authenticated with the token
//   anything else -> dist/ (the Vite build), index.html for unknown paths
//
// A real product checks its own session in `allowed()` and in `io.use()` before proxying.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import { io as connectUpstream } from 'socket.io-client';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '../dist');
const engine = required('JOBS_API_URL').replace(/\/+$/, '');
const token = required('JOBS_API_TOKEN');
const port = Number(process.env.PORT ?? 3100);
const host = process.env.HOST ?? '127.0.0.1';

/** What the page may ask of the engine: read the active runs and history, cancel, enqueue. */
const routes = [
  ['GET', /^\/active$/],
  ['GET', /^\/history(\?.*)?$/],
  ['GET', /^\/definitions$/],
  ['POST', /^\/[\w-]+\/cancel$/],
  ['POST', /^\/enqueue$/],
];
const allowed = (method, rest) => routes.some(([m, re]) => m === method && re.test(rest));

const MAX_BODY = 64 * 1024;
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

const server = createServer(async (req, res) => {
  try {
    const url = req.url ?? '/';
    if (url.startsWith('/api/jobs/')) return await proxy(req, res, url.slice('/api/jobs'.length));
    return await serveStatic(url, res);
  } catch (error) {
    console.error(error);
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ error: 'BadGateway', details: 'The jobs engine is not reachable', retryable: true }),
    );
  }
});

async function proxy(req, res, rest) {
  if (!allowed(req.method, rest)) {
    res.writeHead(404, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ error: 'NotFound', details: 'No such jobs route', retryable: false }));
  }
  const body = req.method === 'POST' ? await readBody(req) : undefined;
  const upstream = await fetch(`${engine}/api/admin/jobs${rest}`, {
    method: req.method,
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      'content-type': 'application/json',
    },
    body,
  });
  res.writeHead(upstream.status, {
    'content-type': upstream.headers.get('content-type') ?? 'application/json',
  });
  res.end(Buffer.from(await upstream.arrayBuffer()));
}

async function readBody(req) {
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8') || '{}';
}

async function serveStatic(url, res) {
  const pathname = decodeURIComponent(new URL(url, 'http://x').pathname);
  const file = path.join(dist, path.normalize(pathname));
  const target = file.startsWith(dist) && path.extname(file) ? file : path.join(dist, 'index.html');
  try {
    const body = await readFile(target);
    res.writeHead(200, { 'content-type': types[path.extname(target)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
}

// One upstream socket per browser socket. The browser's connect completes only once the upstream
// one is live, so no event falls between the page's snapshot and its subscription.
const io = new Server(server, { path: '/socket.io', serveClient: false, transports: ['websocket'] });
io.use((socket, next) => {
  const upstream = connectUpstream(engine, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
  });
  upstream.once('connect', () => {
    socket.data.upstream = upstream;
    next();
  });
  upstream.once('connect_error', (error) => next(new Error(`jobs engine: ${error.message}`)));
});
io.on('connection', (socket) => {
  const upstream = socket.data.upstream;
  upstream.onAny((event, payload) => socket.emit(event, payload));
  // The only messages a page sends: log subscriptions for one run.
  for (const event of ['logs:subscribe', 'logs:unsubscribe'])
    socket.on(event, (payload) => upstream.emit(event, payload));
  // Either side going away ends both; the page's client reconnects and fetches a fresh snapshot.
  upstream.on('disconnect', () => socket.disconnect(true));
  socket.on('disconnect', () => upstream.close());
});

server.listen(port, host, () => {
  const { port: actual } = server.address();
  console.log(`product app listening on http://${host}:${actual}/ (jobs engine ${engine})`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => io.close(() => process.exit(0)));

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set (the example's scripts/start.mjs sets it).`);
    process.exit(1);
  }
  return value;
}

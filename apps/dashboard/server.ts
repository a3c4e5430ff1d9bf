/**
 * The dashboard host: one Express server on one port for Remix pages, resource routes and the
 * browser-facing Socket.IO relay (remix-serve cannot host a Socket.IO server). Boot order: env → data dir → jobs API
 * (embedded or remote) → services → HTTP → relay.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerBuild } from '@remix-run/node';
import express from 'express';
import { createAuditLog } from './app/services/audit.server.js';
import { bodyLimits } from './app/services/body-limit.server.js';
import type { Services } from './app/services/context.server.js';
import { EnvError, parseEnv } from './app/services/env.server.js';
import { frameworkGuards } from './app/services/framework-guards.server.js';
import { createJobsApi } from './app/services/jobs-api.server.js';
import { logger } from './app/services/logger.server.js';
import { createMemoryLoginThrottle } from './app/services/login-throttle.server.js';
import { openSharedState } from './app/services/postgres/open.server.js';
import { createRateLimiter } from './app/services/rate-limit.server.js';
import { createRelay, type Relay } from './app/services/relay.server.js';
import { remixHandler } from './app/services/remix-handler.server.js';
import { sameOriginOnly } from './app/services/same-origin.server.js';
import { loadSessionSecret } from './app/services/secret.server.js';
import { securityHeaders } from './app/services/security-headers.server.js';
import { createFileSessions } from './app/services/session.server.js';
import { startUpstream } from './app/services/upstream.server.js';
import { createUserDirectory } from './app/services/users.server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dev = process.argv.includes('--dev');

async function main() {
  const env = parseEnv(process.env);
  mkdirSync(env.dataDir, { recursive: true, mode: 0o700 });
  const upstream = await startUpstream(env);
  // Embedded default: sessions in a file, throttle in memory, audit in a file under the data dir.
  // With DATABASE_URL: all three in PostgreSQL, shared by every dashboard node.
  const shared = env.databaseUrl
    ? await openSharedState(env.databaseUrl, env.sessionSecret).catch((error: Error) => {
        throw new EnvError(error.message);
      })
    : null;
  const sessions =
    shared?.sessions ?? createFileSessions(env.dataDir, loadSessionSecret(env.sessionSecret, env.dataDir));
  const users = await createUserDirectory(env);
  let relay: Relay | undefined;
  const services: Services = {
    users,
    sessions,
    audit: shared?.audit ?? createAuditLog(env.dataDir),
    api: createJobsApi({ baseUrl: upstream.url, token: upstream.token }),
    loginThrottle: shared?.loginThrottle ?? createMemoryLoginThrottle(),
    rateLimiter: createRateLimiter(),
    secureCookies: env.trustProxy,
    relayStats: () => {
      if (!relay) throw new Error('relay not started');
      return relay.stats.snapshot();
    },
  };

  const app = express();
  app.disable('x-powered-by');
  // Only the configured proxy hop may speak for the client (X-Forwarded-For/-Proto); anyone else is
  // taken at the socket's address, so a direct client cannot pick the address it is throttled by.
  app.set('trust proxy', env.trustProxy ? env.trustedProxies : false);
  app.use(securityHeaders({ csp: !dev }));

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (dev) {
    const vite = await import('vite').then((v) =>
      v.createServer({ root: here, server: { middlewareMode: true } }),
    );
    app.use(vite.middlewares);
    build = () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>;
  } else {
    const client = path.join(here, 'build/client');
    app.use('/assets', express.static(path.join(client, 'assets'), { immutable: true, maxAge: '1y' }));
    app.use(express.static(client, { maxAge: '1h' }));
    const entry = path.join(here, 'build/server/index.js');
    if (!existsSync(entry))
      throw new EnvError(
        `No build at ${entry}: run \`npm run build -w @jobs/dashboard\` (or \`npm start\` at the root).`,
      );
    build = (await import(entry)) as ServerBuild;
  }

  app.get('/favicon.ico', (_req, res) => res.redirect(301, '/favicon.svg'));
  app.use(sameOriginOnly());
  app.use(frameworkGuards());
  app.use(bodyLimits());
  app.all(
    '*',
    remixHandler({
      build,
      mode: env.mode,
      getLoadContext: (req, res) => ({
        services,
        cspNonce: String(res.locals.cspNonce ?? ''),
        clientAddress: req.ip ?? 'unknown',
      }),
    }),
  );

  const http = createServer(app);
  const trusted = app.get('trust proxy fn') as (address: string, hop: number) => boolean;
  relay = createRelay({
    http,
    upstreamUrl: upstream.url,
    token: upstream.token,
    sessions,
    users,
    originOf: (req) => {
      const tls = 'encrypted' in req.socket && req.socket.encrypted === true;
      const forwarded = String(req.headers['x-forwarded-proto'] ?? '')
        .split(',')[0]
        ?.trim();
      const viaProxy = forwarded && trusted(req.socket.remoteAddress ?? '', 0);
      return `${viaProxy ? forwarded : tls ? 'https' : 'http'}://${req.headers.host ?? ''}`;
    },
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(env.port, env.host, resolve);
  });
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : env.port;
  const url = `http://${env.host.includes(':') ? `[${env.host}]` : env.host}:${port}`;
  printWelcome(url, env.admin?.email ?? null, users.createdDevAdmin, env.viewer?.email ?? null);
  logger.info('dashboard.listening', { url, upstream: upstream.kind, dataDir: path.resolve(env.dataDir) });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info('dashboard.stopping', { signal });
    setTimeout(() => process.exit(1), 5000).unref();
    await relay?.close().catch(() => {});
    http.closeAllConnections();
    await upstream.close().catch(() => {});
    await shared?.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

function printWelcome(
  url: string,
  adminEmail: string | null,
  created: { email: string; password: string } | null,
  viewerEmail: string | null,
) {
  const lines = [``, `  Jobs Console is running at ${url}`, ``];
  if (created) {
    lines.push(`  A dev admin was created (shown this once; only its hash is kept under the data dir):`);
    lines.push(`    email:    ${created.email}`, `    password: ${created.password}`);
    lines.push(`  Set ADMIN_EMAIL and ADMIN_PASSWORD to choose your own.`);
  } else if (adminEmail) lines.push(`  Log in as ${adminEmail} with ADMIN_PASSWORD.`);
  else
    lines.push(
      `  Log in with the dev admin printed at first start (delete data/dev-admin.json to make a new one).`,
    );
  if (viewerEmail) lines.push(`  Read-only viewer: ${viewerEmail} with VIEWER_PASSWORD.`);
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) process.stderr.write(`${error.message}\n`);
  else
    logger.error('dashboard.boot_failed', {
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  process.exit(1);
});

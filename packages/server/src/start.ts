import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JsonObject } from '@jobs/contracts';
import { type ClusterOptions, startClusterDispatch } from './cluster/node.js';
import { type Dispatcher, InProcessDispatcher } from './engine/dispatcher.js';
import { JobEvents } from './engine/events.js';
import { Runner } from './engine/runner.js';
import { every, startSchedules } from './engine/schedules.js';
import { JobsService } from './engine/service.js';
import { StoreWatch } from './engine/store-watch.js';
import { ClusterFanout } from './fanout/cluster-feed.js';
import { createApiHandler } from './http/api.js';
import { tokenMatcher } from './http/auth.js';
import { jobThreads } from './isolation/job-threads.js';
import type { JobDefinitionInput } from './jobs/define.js';
import { DEMO_UPLOAD_EVENT, demoJobs as demoRegistry } from './jobs/demo/index.js';
import { loadJobDefinitions } from './jobs/load.js';
import { JobRegistry } from './jobs/registry.js';
import { createLogger, type Logger, silentLogger } from './logger.js';
import { attachSocketGateway, type SocketLimits } from './socket/gateway.js';
import { openPostgresStore, redactUrl } from './store/postgres/open.js';
import { PostgresJobStore } from './store/postgres/store.js';
import { SqliteJobStore, type SqliteStoreOptions } from './store/sqlite/store.js';
import type { JobStore } from './store/types.js';

export interface JobsServerOptions {
  /** the service token: `Authorization: Bearer <token>` and socket `auth: { token }` */
  token: string;
  /** the SQLite file (its folder is created); not used when `databaseUrl` is set */
  dbPath: string;
  /** PostgreSQL instead of SQLite (`DATABASE_URL`): created if missing and allowed, migrated at start */
  databaseUrl?: string | undefined;
  /**
   * With `databaseUrl`: Redis (`REDIS_URL`) carries progress and log events between nodes; the
   * lifecycle stream comes from PostgreSQL either way. Without it a node's sockets get the
   * progress of its own runs only.
   */
  redisUrl?: string | undefined;
  /** Redis channel prefix shared by the nodes of one cluster (default `jobs`) */
  redisPrefix?: string | undefined;
  /**
   * PostgreSQL only: dispatch through pg-boss to worker processes (`jobs-worker`), role `api`, or
   * to those and a worker in this process, role `all`. Without it runs execute in this process.
   */
  cluster?: ClusterOptions;
  /** default 127.0.0.1 */
  host?: string;
  /** default 4000; 0 picks a free port */
  port?: number;
  /** default: the demo jobs, unless `demoJobs === false` */
  jobs?: JobDefinitionInput[];
  /** a module exporting job definitions (path or file: URL; see `loadJobDefinitions`); its jobs run in worker threads */
  jobsModule?: string;
  /**
   * where job code runs: `threads` (default) runs the jobs of `jobsModule` and the demo jobs in
   * worker threads, off the event loop that serves the API and the socket; `inline` runs all in it.
   * Jobs given as objects in `jobs` always run inline (no other thread can load them).
   */
  isolation?: 'threads' | 'inline';
  /** load the demo jobs and their cron schedules (default true when `jobs` is not given) */
  demoJobs?: boolean;
  /** `createLogger('engine')` by default (JSON lines on stdout, `LOG_LEVEL`); `false` for none */
  logger?: Logger | false;
  /** sockets per token and messages per second per socket */
  socketLimits?: Partial<SocketLimits>;
  /** how the SQLite store waits for another process's lock (see `SqliteStoreOptions`) */
  storeOptions?: SqliteStoreOptions;
  /** while the store is unavailable, how often queued runs are handed to the dispatcher again (default 1 s) */
  redispatchEveryMs?: number;
  /** cron schedules of the jobs (default true) */
  schedules?: boolean;
  /** runs at once, over all jobs (default 8); each job also has its own `concurrency` */
  concurrency?: number;
  /** default 5 s */
  heartbeatMs?: number;
  /** a RUNNING run with no heartbeat for this long is stalled (default 30 s) */
  stalledAfterMs?: number;
  /** how long a job may ignore cancel or timeout before it is given up on (default 10 s) */
  cancelGraceMs?: number;
  /** how long running jobs get on `close()` (default 5 s) */
  shutdownGraceMs?: number;
}

export interface JobsServer {
  url: string;
  port: number;
  close(): Promise<void>;
  /** fires an event: every job listening to it gets a run with trigger EVENT */
  emit(eventName: string, payload?: JsonObject): Promise<void>;
  service: JobsService;
  /** the store under the service (benchmarks and tests measure it directly) */
  store: JobStore;
}

/** Starts the jobs API and socket gateway over one SQLite file (or PostgreSQL), with the in-process runner. */
export async function startJobsServer(options: JobsServerOptions): Promise<JobsServer> {
  if (typeof options.token !== 'string' || options.token.trim() === '') {
    throw new Error(
      'A service token is required (JOBS_API_TOKEN): the jobs API refuses to start without one.',
    );
  }
  const logger = options.logger === false ? silentLogger : (options.logger ?? createLogger('engine'));
  const useDemo = options.jobs || options.jobsModule ? options.demoJobs === true : options.demoJobs !== false;
  const moduleJobs = options.jobsModule ? await loadJobDefinitions(options.jobsModule) : [];
  const registry = new JobRegistry([
    ...(options.jobs ?? []),
    ...moduleJobs,
    ...(useDemo ? demoRegistry : []),
  ]);
  // An API-only node of a cluster executes nothing: no threads for it.
  const executes = !(options.cluster?.role === 'api' && options.databaseUrl);
  const invoker = executes
    ? jobThreads(
        {
          jobsModule: options.jobsModule,
          moduleJobs,
          demo: useDemo ? demoRegistry : null,
          isolation: options.isolation,
        },
        logger,
      )
    : undefined;
  // Loading tsx and the job modules takes a thread seconds on a busy machine: pay it before serving.
  await invoker?.whenWarm();
  const backing = options.databaseUrl
    ? await openPostgresStore(options.databaseUrl)
    : new SqliteJobStore(options.dbPath, options.storeOptions);
  // Every part talks to the store through the watch, which notices when it is unavailable.
  let sweep: () => Promise<number> = async () => 0;
  const watch = new StoreWatch(() => sweep(), logger, options.redispatchEveryMs ?? 1000);
  const store = watch.wrap(backing);
  const events = new JobEvents(logger);
  const startSeq = await store.currentSeq();
  // Local reordering only where this process sees every seq (SQLite). With PostgreSQL other nodes
  // write seqs too: holding this node's events for them would delay the wake-ups by the gap timer,
  // and the sockets get the ordered stream from the tail anyway.
  if (!options.databaseUrl) events.startAt(startSeq);
  // PostgreSQL: every node's sockets get the cluster's lifecycle stream from run_events, and every
  // node's progress through Redis, not only what this process wrote.
  const fanout = options.databaseUrl
    ? new ClusterFanout({
        databaseUrl: options.databaseUrl,
        redisUrl: options.redisUrl,
        redisPrefix: options.redisPrefix,
        events,
        fromSeq: startSeq,
        logger,
      })
    : null;
  const runner = new Runner(store, registry, events, logger, {
    heartbeatMs: options.heartbeatMs ?? 5000,
    cancelGraceMs: options.cancelGraceMs ?? 10_000,
    shutdownGraceMs: options.shutdownGraceMs ?? 5000,
    invoker,
  });
  const dispatcher: Dispatcher =
    options.cluster && options.databaseUrl && backing instanceof PostgresJobStore
      ? await startClusterDispatch(backing, options.databaseUrl, registry, events, logger, {
          ...options.cluster,
          invoker,
        })
      : new InProcessDispatcher(
          runner,
          { global: options.concurrency ?? 8, perJob: (name) => registry.get(name)?.concurrency ?? 1 },
          logger,
        );
  const service = new JobsService(store, registry, dispatcher, events, logger, {
    stalledAfterMs: options.stalledAfterMs ?? 30_000,
  });
  sweep = () => service.redispatchQueued();
  await store.syncDefinitions(registry.definitions(), new Date());
  // In a cluster, RUNNING runs may belong to live workers elsewhere: the stall sweep judges them.
  if (!options.cluster) await service.recover();

  const isToken = tokenMatcher(options.token);
  const http = createServer(createApiHandler(service, isToken, logger));
  http.keepAliveTimeout = 5000;
  const gateway = attachSocketGateway(http, {
    events: fanout ?? events,
    isToken,
    logger,
    limits: options.socketLimits ?? {},
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 4000, options.host ?? '127.0.0.1', () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const url = `http://${hostForUrl(options.host ?? '127.0.0.1')}:${port}`;

  // Nodes sharing PostgreSQL all run the schedules; one run per tick is created cluster-wide.
  const timers =
    options.schedules === false
      ? []
      : [startSchedules(registry, service, logger, { onceAcrossNodes: Boolean(options.databaseUrl) })];
  if (useDemo && options.schedules !== false) {
    timers.push(
      every(
        DEMO_UPLOAD_EVENT.cron,
        () => service.emitEvent(DEMO_UPLOAD_EVENT.name, { mediaId: `m_${Date.now().toString(36)}` }),
        logger,
      ),
    );
  }
  const prune = setInterval(async () => {
    try {
      await backing.pruneCounters(new Date());
    } catch (err) {
      logger.warn({ err: String(err) }, 'pruning old counters failed; tried again in an hour');
    }
  }, 60 * 60_000);
  prune.unref();
  logger.info(
    {
      event: 'listening',
      url,
      jobs: registry.all().length,
      ...(options.databaseUrl ? { databaseUrl: redactUrl(options.databaseUrl) } : { dbPath: options.dbPath }),
    },
    `jobs server listening on ${url}`,
  );

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    service,
    store,
    emit: async (eventName, payload) => {
      await service.emitEvent(eventName, payload ?? {});
    },
    close: () => {
      closing ??= (async () => {
        for (const t of timers) t.stop();
        clearInterval(prune);
        watch.close();
        await dispatcher.close();
        await invoker?.close();
        events.close();
        http.closeIdleConnections();
        await gateway.close(); // closes the HTTP server too
        await fanout?.close();
        await backing.close();
        logger.info({ event: 'closed', url }, 'jobs server closed');
      })();
      return closing;
    },
  };
}

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

import type { AuditLog } from './audit.server.js';
import type { JobsApi } from './jobs-api.server.js';
import type { LoginThrottle } from './login-throttle.server.js';
import type { RateLimiter } from './rate-limit.server.js';
import type { RelaySnapshot } from './relay-stats.server.js';
import type { Sessions } from './session.server.js';
import type { UserDirectory } from './users.server.js';

/** Everything with state is built once in server.ts and handed to loaders/actions through the load context. */
export interface Services {
  users: UserDirectory;
  sessions: Sessions;
  audit: AuditLog;
  api: JobsApi;
  relayStats(): RelaySnapshot;
  loginThrottle: LoginThrottle;
  rateLimiter: RateLimiter;
  /** Cookies are Secure when a TLS proxy is trusted in front (TRUST_PROXY), whatever the hop says. */
  secureCookies: boolean;
}

declare module '@remix-run/node' {
  interface AppLoadContext {
    services: Services;
    /** This request's Content-Security-Policy nonce (inline scripts carry it). */
    cspNonce: string;
    /** The client's address as Express sees it (trust proxy aware). */
    clientAddress: string;
  }
}

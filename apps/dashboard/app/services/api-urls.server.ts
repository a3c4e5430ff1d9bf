/**
 * Several jobs API nodes behind one dashboard: `JOBS_API_URL=http://a:4001,http://b:4002` (or one
 * load-balanced URL). Calls go to the node that answered last; when it cannot be reached the next
 * one is tried, and it becomes the one used from then on.
 */
export function parseApiUrls(raw: string): string[] {
  const urls = raw
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  if (urls.length === 0) throw new Error('JOBS_API_URL names no URL');
  for (const url of urls) {
    const parsed = new URL(url); // throws on a malformed one
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new Error(`JOBS_API_URL: ${url} is not an http(s) URL`);
  }
  return [...new Set(urls)];
}

/** Whether every comma-separated part is an http(s) URL (for the env schema). */
export function isApiUrlList(raw: string): boolean {
  try {
    parseApiUrls(raw);
    return true;
  } catch {
    return false;
  }
}

export class ApiUrls {
  #current = 0;

  constructor(readonly all: readonly string[]) {
    if (all.length === 0) throw new Error('at least one jobs API URL is needed');
  }

  get current(): string {
    return this.all[this.#current]!;
  }

  /** the order to try them in: the current one first, then the others round the ring */
  order(): string[] {
    return this.all.map((_, i) => this.all[(this.#current + i) % this.all.length]!);
  }

  /** the one that answered is used first from now on */
  answered(url: string): void {
    const at = this.all.indexOf(url);
    if (at >= 0) this.#current = at;
  }

  /** moves past `url` if it is the current one; returns the one to use now */
  failed(url: string): string {
    if (this.current === url) this.#current = (this.#current + 1) % this.all.length;
    return this.current;
  }
}

const UNREACHED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * A fetch that failed before the request could reach the server (nothing listens, no route): any
 * request, even an enqueue, may go to another node. After a timeout or a reset it may have been
 * processed, so only reads are tried again elsewhere.
 */
export function neverReached(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' && UNREACHED.has(cause.code);
}

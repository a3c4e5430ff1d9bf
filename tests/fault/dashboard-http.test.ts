import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWER } from '../e2e/support/accounts.js';
import { type Stack, startStack } from '../e2e/support/stack.js';
import { loginCookie, streamBody, treeRss } from './support/http.js';

const MB = 1024 * 1024;
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('dashboard HTTP hardening (TRUST_PROXY=1, proxy on loopback)', () => {
  let stack: Stack;
  let base: string;
  beforeAll(async () => {
    stack = await startStack({ TRUST_PROXY: '1' });
    base = stack.url;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses 100 MB posts to /login with 413 while streaming, and its memory stays flat', async () => {
    await streamBody(`${base}/login`, 64 * 1024); // warm the route up first
    const before = treeRss(stack.pid());
    const statuses = await Promise.all([
      streamBody(`${base}/login`, 100 * MB),
      streamBody(`${base}/login`, 100 * MB),
      streamBody(`${base}/login`, 100 * MB, { declare: true }),
    ]);
    expect(statuses).toEqual([413, 413, 413]);
    // Buffering even one of these bodies would add 100 MB; the bound leaves room for what the
    // process tree allocates meanwhile (its job threads, the GC's own timing differs by Node version).
    const grewMb = (treeRss(stack.pid()) - before) / MB;
    expect(grewMb).toBeLessThan(40);
  });

  it('refuses a chunked body past the API limit on a resource route with 413', async () => {
    const cookie = await loginCookie(base);
    const status = await streamBody(`${base}/resources/jobs/enqueue`, 3 * MB, {
      headers: { cookie, 'content-type': 'application/json' },
    });
    expect(status).toBe(413);
  });

  it('sends a user back after login only to a same-origin path under /admin', async () => {
    const cookie = await loginCookie(base);
    const hostile = [
      '/\t/evil.example',
      '/\n/x',
      '//evil.example',
      '/\\evil.example',
      'https://evil.example/admin',
    ];
    for (const to of [...hostile, '/%09/evil.example', '/login']) {
      const res = await fetch(`${base}/login?redirectTo=${encodeURIComponent(to)}`, {
        headers: { cookie },
        redirect: 'manual',
      });
      expect(res.status, to).toBe(302);
      expect(res.headers.get('location'), JSON.stringify(to)).toBe('/admin');
    }
    const ok = await fetch(`${base}/login?redirectTo=${encodeURIComponent('/admin/jobs?status=FAILED')}`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(ok.headers.get('location')).toBe('/admin/jobs?status=FAILED');
  });

  it('counts every spelling of a route and an encoded copy of the cookie in one rate-limit bucket', async () => {
    const cookie = await loginCookie(base);
    const [name, value = ''] = cookie.split('=');
    // The same cookie with its first characters percent-encoded: a different text, the same session.
    const hex = (c: string) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
    const encoded = `${name}=${[...value.slice(0, 4)].map(hex).join('')}${value.slice(4)}`;
    const variants: Array<[string, string]> = [
      ['/resources/jobs/enqueue', cookie],
      ['/RESOURCES/JOBS/ENQUEUE', cookie],
      ['/resources/jobs/%65nqueue', cookie],
      ['/resources/jobs/enqueue/', cookie],
      ['/resources/jobs/enqueue', encoded],
    ];
    let reached = 0;
    let limited = 0;
    const statuses: string[] = [];
    for (let i = 0; i < 45; i++) {
      const [path, c] = variants[i % variants.length] ?? ['', ''];
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { cookie: c, origin: base, 'content-type': 'application/json' },
        body: JSON.stringify({ jobName: '', params: {} }), // refused by the action, after the guard
      });
      statuses.push(`${i % variants.length}:${res.status}`);
      if (res.status === 429) limited++;
      else if (res.status === 400) reached++;
    }
    expect(reached, statuses.join(' ')).toBeLessThanOrEqual(30);
    expect(limited, statuses.join(' ')).toBeGreaterThanOrEqual(15);
  });

  it('logs a GET to a POST-only route as one JSON line, never a plain-text stack', async () => {
    const res = await fetch(`${base}/resources/jobs/enqueue`);
    expect([400, 405]).toContain(res.status);
    await new Promise((r) => setTimeout(r, 300));
    const after = stack.logs().slice(stack.output().length);
    const lines = after.split('\n').filter((l) => l.trim());
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
  });

  it('sends a strict CSP with a fresh nonce on every page, and no-store on pages and resources', async () => {
    const a = await fetch(`${base}/login`);
    const html = await a.text();
    const csp = a.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).not.toContain("'unsafe-inline' 'nonce");
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'(;|$)/);
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
    const b = await fetch(`${base}/login`);
    expect(b.headers.get('content-security-policy')).not.toBe(csp);
    expect(a.headers.get('cache-control')).toBe('no-store');
    const cookie = await loginCookie(base);
    for (const path of ['/admin/jobs', '/resources/jobs/active']) {
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('refuses a route-discovery request built to make the manifest endpoint work quadratically', async () => {
    const html = await (await fetch(`${base}/login`)).text();
    const version = /\/assets\/manifest-(\w+)\.js/.exec(html)?.[1] ?? '';
    const ok = await fetch(`${base}/__manifest?version=${version}&p=/admin/jobs`);
    expect(ok.status).toBe(200);
    const deep = `/${'a/'.repeat(1800)}`;
    const res = await fetch(`${base}/__manifest?version=${version}&p=${deep}`);
    expect(res.status).toBe(400);
    const many = Array.from({ length: 500 }, (_, i) => `p=/${i}`).join('&');
    expect((await fetch(`${base}/__manifest?version=${version}&${many}`)).status).toBe(400);
  });

  it('shows the stack of a failed run to admins only, without absolute server paths', async () => {
    const cookie = await loginCookie(base);
    const res = await fetch(`${base}/resources/jobs/enqueue`, {
      method: 'POST',
      headers: { cookie, origin: base, 'content-type': 'application/json' },
      body: JSON.stringify({
        jobName: 'content-features',
        params: { items: 600, batchSize: 300, pauseMs: 10, fail: true },
      }),
    });
    expect(res.status).toBe(201);
    const { run } = (await res.json()) as { run: { id: string } };
    const details = async (c: string) => {
      const r = await fetch(`${base}/admin/jobs/runs/${run.id}.data`, { headers: { cookie: c } });
      return r.text();
    };
    await expect
      .poll(async () => (await details(cookie)).includes('Database timeout'), { timeout: 20_000 })
      .toBe(true);
    const asAdmin = await details(cookie);
    expect(asAdmin).toContain('stack');
    expect(asAdmin).not.toContain(REPO);
    const viewer = await loginCookie(base, VIEWER);
    const asViewer = await details(viewer);
    expect(asViewer).toContain('Database timeout');
    expect(asViewer).not.toContain('stack');
  });

  it('marks cookies Secure under TRUST_PROXY=1 and sends HSTS when the trusted proxy says TLS', async () => {
    const res = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'admin@e2e.test', password: 'admin-password-e2e' }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    expect(res.headers.get('strict-transport-security')).toBeNull();
    const tls = await fetch(`${base}/login`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('refuses a socket whose Origin has the right host but another scheme', async () => {
    const cookie = await loginCookie(base);
    const https = base.replace('http:', 'https:');
    const error = await new Promise<string>((resolve) => {
      const socket = io(base, {
        transports: ['websocket'],
        extraHeaders: { cookie, origin: https },
        reconnection: false,
      });
      socket.on('connect', () => {
        socket.close();
        resolve('connected');
      });
      socket.on('connect_error', (e) => resolve(e.message));
    });
    expect(error).toBe('cross-origin socket refused');
  });

  it('bounds sockets per session and closes a socket that floods messages', async () => {
    const cookie = await loginCookie(base);
    const open = () =>
      new Promise<{ ok: boolean; socket: ReturnType<typeof io> }>((resolve) => {
        const socket = io(base, {
          transports: ['websocket'],
          extraHeaders: { cookie, origin: base },
          reconnection: false,
        });
        socket.on('connect', () => resolve({ ok: true, socket }));
        socket.on('connect_error', () => resolve({ ok: false, socket }));
      });
    const sockets = [];
    for (let i = 0; i < 21; i++) sockets.push(await open());
    expect(sockets.filter((s) => s.ok).length).toBe(20);
    const flooder = sockets[0]?.socket;
    const closed = new Promise<string>((resolve) => flooder?.on('disconnect', (reason) => resolve(reason)));
    for (let i = 0; i < 500; i++) flooder?.emit('logs:unsubscribe', { jobRunId: String(i) });
    expect(await closed).toBe('io server disconnect');
    for (const s of sockets) s.socket.close();
  });
});

describe('failed logins (their own stacks: they spend the address budget)', () => {
  let plain: Stack;
  let proxied: Stack;
  beforeAll(async () => {
    [plain, proxied] = await Promise.all([
      startStack(),
      // A proxy is trusted, but not the loopback peer these requests come from.
      startStack({ TRUST_PROXY: '1', TRUST_PROXY_FROM: '192.0.2.1' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([plain?.stop(), proxied?.stop()]);
  });

  const fail = (stack: Stack, email: string, headers: Record<string, string> = {}) =>
    fetch(`${stack.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: stack.url, 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ email, password: 'wrong-password' }),
    });

  it('are kept apart from the audit log, aggregated, with bidi and control characters shown', async () => {
    const spoof = '\u202Emoc.elpmaxe@a';
    for (let i = 0; i < 3; i++) expect((await fail(plain, spoof)).status).toBe(401);
    const cookie = await loginCookie(plain.url);
    const html = await (await fetch(`${plain.url}/admin/audit`, { headers: { cookie } })).text();
    const page = html.slice(0, html.indexOf('<script'));
    expect(page).not.toContain('\u202E');
    const actions = page.slice(0, page.indexOf('Failed logins'));
    expect(actions).not.toContain('moc.elpmaxe@a');
    const failed = page.slice(page.indexOf('Failed logins'));
    expect(failed).toContain('U+202E');
    expect(failed).toMatch(/moc\.elpmaxe@a<\/bdi><\/td><td>3<\/td>/);
  });

  it('spend one budget per address across emails', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await fail(plain, `guess${i}@example.test`)).status);
    expect(statuses.slice(0, 27).every((s) => s === 401)).toBe(true); // 3 spent by the test above
    expect(statuses.at(-1)).toBe(429);
  });

  it('cannot be reset by a client that is not the proxy sending X-Forwarded-For', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push(
        (await fail(proxied, `guess${i}@example.test`, { 'x-forwarded-for': `198.51.100.${i}` })).status,
      );
    expect(statuses.at(-1)).toBe(429);
  });
});

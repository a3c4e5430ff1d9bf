import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { ADMIN } from '../../e2e/support/accounts.js';

/** Resident memory (bytes) of a process and all its descendants (tsx runs the server in a child). */
export function treeRss(pid: number): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      for (const c of children ? children.split(/\s+/) : []) visit(Number(c));
    } catch {
      // the process ended meanwhile
    }
  };
  visit(pid);
  return total;
}

/** Logs in with the form post and returns the session cookie (name=value). */
export async function loginCookie(
  base: string,
  account: { email: string; password: string } = ADMIN,
  headers: Record<string, string> = {},
): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ email: account.email, password: account.password, redirectTo: '/admin' }),
  });
  if (res.status !== 302) throw new Error(`login answered ${res.status}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] ?? '';
}

/**
 * Streams `totalBytes` of body (chunked unless `declare`) and resolves with the status of the answer
 * as soon as it arrives, even if the server stops reading; resolves 0 if the connection dies first.
 */
export function streamBody(
  url: string,
  totalBytes: number,
  { declare = false, headers = {} as Record<string, string> } = {},
): Promise<number> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const req = httpRequest({
      host: target.hostname,
      port: target.port,
      path: target.pathname + target.search,
      method: 'POST',
      headers: {
        origin: target.origin,
        'content-type': 'application/x-www-form-urlencoded',
        ...(declare ? { 'content-length': String(totalBytes) } : {}),
        ...headers,
      },
    });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', () => {
      if (!answered) resolve(0);
    });
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

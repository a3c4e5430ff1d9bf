/**
 * The one-line result of an action ("Job enqueued: #12850"), carried in the redirect's URL rather
 * than a session flash: a background revalidation can never swallow it, and it works without JS.
 */
const KINDS = {
  enqueued: (id: string) => `Job enqueued: #${id}`,
  rerun: (id: string) => `Job re-run: #${id}`,
  cancel: (id: string) => `Stopping… cancel requested for #${id}`,
} as const;
export type NoticeKind = keyof typeof KINDS;

export function withNotice(path: string, kind: NoticeKind, runId: string): string {
  const [base = '', hash] = path.split('#');
  const url = new URL(base, 'http://x');
  url.searchParams.set('notice', `${kind}:${runId}`);
  return `${url.pathname}${url.search}${hash ? `#${hash}` : ''}`;
}

export function noticeOf(search: string): string | null {
  const raw = new URLSearchParams(search).get('notice');
  const match = raw ? /^(enqueued|rerun|cancel):(\d{1,15})$/.exec(raw) : null;
  if (!match?.[1] || !match[2]) return null;
  return KINDS[match[1] as NoticeKind](match[2]);
}

import type { ShouldRevalidateFunction } from '@remix-run/react';

/**
 * The one-line result of an action ("Job enqueued: #12850"), carried in the redirect's URL rather
 * than a session flash: a background revalidation can never swallow it, and it works without JS.
 * With JS it becomes a toast that expires and leaves the URL at once (ActionNotice.tsx), so a reload
 * or Back never brings an old result back.
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

export interface Notice {
  kind: NoticeKind;
  runId: string;
  text: string;
}

export function noticeOf(search: string): Notice | null {
  const raw = new URLSearchParams(search).get('notice');
  const match = raw ? /^(enqueued|rerun|cancel):(\d{1,15})$/.exec(raw) : null;
  if (!match?.[1] || !match[2]) return null;
  const kind = match[1] as NoticeKind;
  return { kind, runId: match[2], text: KINDS[kind](match[2]) };
}

/** The same search without its notice, once the notice has been shown. */
export function withoutNotice(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('notice');
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}

/**
 * The navigation that only takes a shown notice out of the URL: nothing on the page changes, so
 * the routes' shouldRevalidate skip their loaders. A reload here would also race the live client's
 * revalidations, and an aborted single-fetch logs an error in the browser.
 */
export function onlyNoticeLeft(current: URL, next: URL): boolean {
  return (
    current.pathname === next.pathname &&
    current.searchParams.has('notice') &&
    withoutNotice(current.search) === next.search
  );
}

/** A route's shouldRevalidate: everything as usual, except the navigation that only drops a notice. */
export const revalidateUnlessOnlyNoticeLeft: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  formMethod,
  defaultShouldRevalidate,
}) => (!formMethod && onlyNoticeLeft(currentUrl, nextUrl) ? false : defaultShouldRevalidate);

/** Where a login may send the user back to: pages of this app only. */
const KNOWN_PREFIXES = ['/admin'];
const FALLBACK = '/admin';
const BASE = 'http://dashboard.invalid';

/**
 * Accepts only a same-origin path under a known route prefix, as the browser would parse it. Raw
 * control characters, backslashes and anything that parses to another origin are refused outright
 * (browsers strip tabs and newlines, so `/\t/evil.example` would otherwise become `//evil.example`).
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.length > 2048) return FALLBACK;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== BASE) return FALLBACK;
  const known = KNOWN_PREFIXES.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`));
  if (!known || url.pathname.startsWith('//')) return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}

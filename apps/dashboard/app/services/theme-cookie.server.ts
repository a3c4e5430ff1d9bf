import { parseTheme, THEME_COOKIE, type Theme } from './theme.js';

const ONE_YEAR_S = 365 * 24 * 60 * 60;

/** The theme remembered in the request's cookie; "system" when there is none or it is not one we know. */
export function themeOf(request: Request): Theme {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    // The known values are plain words: anything else (even malformed %-encoding) is just unknown.
    if (name === THEME_COOKIE) return parseTheme(value.join('=')) ?? 'system';
  }
  return 'system';
}

/**
 * A preference, not a credential: readable by nobody's script (HttpOnly, the switch posts a form),
 * sent with top-level navigations only (Lax), kept a year.
 */
export function themeCookie(theme: Theme, { secure }: { secure: boolean }): string {
  return [
    `${THEME_COOKIE}=${theme}`,
    'Path=/',
    `Max-Age=${ONE_YEAR_S}`,
    'SameSite=Lax',
    'HttpOnly',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

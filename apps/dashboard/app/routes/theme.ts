import { apiError } from '@jobs/contracts';
import { data, redirect } from '@remix-run/node';
import { guardedAction } from '../services/action.server.js';
import { formFailure } from '../services/api-errors.server.js';
import { safeRedirect } from '../services/safe-redirect.js';
import { parseTheme } from '../services/theme.js';
import { themeCookie } from '../services/theme-cookie.server.js';

/** Nothing to show: a GET (a prefetch, a typed URL) goes back to the dashboard. */
export const loader = () => redirect('/admin');

/**
 * Remembers the theme picked in the top bar in a cookie, so the server renders `data-theme` and the
 * first paint is right. Without JavaScript the form posts here and the page comes back themed; with
 * JavaScript a fetcher posts (`js=1`, answered with data, not a redirect) and the root shows the
 * choice at once. Open to anyone: a preference, not an action on jobs (the login page reads it too).
 */
export const action = guardedAction(
  { kind: 'page', access: 'anyone', bucket: null, audit: 'theme' },
  async ({ request, context, note }) => {
    const form = await request.formData();
    const theme = parseTheme(form.get('theme'));
    if (!theme)
      return formFailure(
        400,
        apiError('Invalid theme', 'The theme is light, dark or system.', false, 'theme'),
      );
    note.detail = theme;
    const secure = context.services.secureCookies || new URL(request.url).protocol === 'https:';
    const headers = { 'Set-Cookie': themeCookie(theme, { secure }) };
    if (form.get('js') === '1') return data({ ok: true as const, theme }, { headers });
    return redirect(safeRedirect(form.get('redirectTo')), { headers });
  },
);

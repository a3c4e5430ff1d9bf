import { Button } from '@jobs/ui/Button';
import { useFetcher, useLocation } from '@remix-run/react';
import type { FormEvent } from 'react';
import { THEMES, type Theme } from '../services/theme.js';

const LABELS: Record<Theme, string> = { light: 'Light', dark: 'Dark', system: 'System' };

/**
 * Light, dark or the OS's choice, in the top bar. A plain form that posts to /theme and comes back
 * to this page, so it works without JavaScript; once hydrated the same form posts through a fetcher
 * and the root renders the pending choice at once (see root.tsx), with no reload.
 */
export function ThemeSwitch({ theme }: { theme: Theme }) {
  const fetcher = useFetcher({ key: 'theme' });
  const { pathname, search } = useLocation();
  const pending = fetcher.formData?.get('theme');
  const current = typeof pending === 'string' ? pending : theme;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (!submitter?.value) return;
    event.preventDefault();
    fetcher.submit({ theme: submitter.value, js: '1' }, { method: 'post', action: '/theme' });
  };
  return (
    <form method="post" action="/theme" className="theme-switch" onSubmit={onSubmit}>
      <input type="hidden" name="redirectTo" value={`${pathname}${search}`} />
      <fieldset>
        <legend className="jobs-visually-hidden">Theme</legend>
        {THEMES.map((t) => (
          <Button
            key={t}
            type="submit"
            name="theme"
            value={t}
            size="small"
            variant={t === current ? 'primary' : 'ghost'}
            aria-pressed={t === current}
          >
            {LABELS[t]}
          </Button>
        ))}
      </fieldset>
    </form>
  );
}

/**
 * The colour theme a person picks in the top bar. "system" forces nothing: the page then follows
 * the OS through `prefers-color-scheme` in @jobs/ui's tokens, with no script at first paint.
 */
export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = 'jobs-theme';

export function parseTheme(value: unknown): Theme | null {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value) ? (value as Theme) : null;
}

/** The `data-theme` for <html>: none for "system", so the tokens' media query decides. */
export function themeAttribute(theme: Theme): 'light' | 'dark' | undefined {
  return theme === 'system' ? undefined : theme;
}

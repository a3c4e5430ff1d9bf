import { describe, expect, it } from 'vitest';
import { themeCookie, themeOf } from './theme-cookie.server.js';

const withCookie = (cookie?: string) =>
  new Request('http://dashboard.test/admin', cookie ? { headers: { cookie } } : {});

describe('the theme cookie', () => {
  it('reads the remembered theme among other cookies', () => {
    expect(themeOf(withCookie('__session=abc; jobs-theme=dark; x=1'))).toBe('dark');
    expect(themeOf(withCookie('jobs-theme=light'))).toBe('light');
  });

  it('is "system" when missing or not a theme we know', () => {
    expect(themeOf(withCookie())).toBe('system');
    expect(themeOf(withCookie('jobs-theme=purple'))).toBe('system');
    expect(themeOf(withCookie('jobs-theme=%E0%A4%A'))).toBe('system');
  });

  it('is kept a year for the whole site, out of scripts, Secure behind TLS', () => {
    const cookie = themeCookie('dark', { secure: false });
    expect(cookie).toBe('jobs-theme=dark; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly');
    expect(themeCookie('light', { secure: true })).toMatch(/; Secure$/);
  });
});

/**
 * Each colour token is written once as `light-dark()`; the theme comes from `color-scheme`, set by
 * `data-theme` on any ancestor (the OS preference is the fallback on <html>). Checked in Chromium.
 */
import { render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

const LIGHT_BG = 'rgb(255, 255, 255)';
const DARK_BG = 'rgb(11, 17, 32)';

function backgroundUnder(root: 'light' | 'dark' | undefined, wrapper: 'light' | 'dark' | undefined) {
  if (root) document.documentElement.dataset.theme = root;
  const { getByTestId, unmount } = render(
    <div data-theme={wrapper}>
      <div data-testid="probe" style={{ background: 'var(--jobs-bg)', boxShadow: 'var(--jobs-shadow)' }} />
    </div>,
  );
  const style = getComputedStyle(getByTestId('probe'));
  const painted = { bg: style.backgroundColor, shadow: style.boxShadow };
  unmount();
  return painted;
}

describe('theme tokens', () => {
  afterEach(() => {
    delete document.documentElement.dataset.theme;
  });

  it.each([
    ['light', undefined, LIGHT_BG],
    ['dark', undefined, DARK_BG],
    ['light', 'dark', DARK_BG],
    ['dark', 'light', LIGHT_BG],
  ] as const)('<html data-theme=%s>, wrapper data-theme=%s: paints %s', (root, wrapper, expected) => {
    expect(backgroundUnder(root, wrapper).bg).toBe(expected);
  });

  it('switches the shadow colour with the theme, not only the flat colours', () => {
    expect(backgroundUnder('light', undefined).shadow).toContain('rgba(0, 0, 0, 0.16)');
    expect(backgroundUnder('light', 'dark').shadow).toContain('rgba(0, 0, 0, 0.6)');
  });
});

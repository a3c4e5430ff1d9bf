import { describe, expect, it, vi } from 'vitest';
import { preloadable, preloadOnIntent } from './preloadable.js';

const Widget = () => null;

describe('preloadable', () => {
  it('loads once however often hover, focus and render ask', async () => {
    const load = vi.fn(async () => Widget);
    const { preload } = preloadable(load);
    expect(load).not.toHaveBeenCalled(); // nothing loads until something asks
    const handlers = preloadOnIntent(preload);
    handlers.onPointerEnter();
    handlers.onFocus();
    await expect(preload()).resolves.toBe(Widget);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed load instead of keeping the failure', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('network')).mockResolvedValue(Widget);
    const { preload } = preloadable(load);
    preloadOnIntent(preload).onPointerEnter(); // a failed preload on hover is not an unhandled rejection
    await expect(preload()).rejects.toThrow('network');
    await expect(preload()).resolves.toBe(Widget);
    expect(load).toHaveBeenCalledTimes(2);
  });
});

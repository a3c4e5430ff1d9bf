import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/**
 * A component whose code loads on first use, with `preload()` to start that load earlier (on
 * hover or focus of what opens it), so the click that needs it finds it loaded.
 */
export function preloadable<P extends object>(
  load: () => Promise<ComponentType<P>>,
): { Component: LazyExoticComponent<ComponentType<P>>; preload: () => Promise<ComponentType<P>> } {
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    loading ??= load().catch((error: unknown) => {
      loading = null; // a failed load (deploy, network) is tried again on the next use
      throw error;
    });
    return loading;
  };
  const Component = lazy(() => preload().then((component) => ({ default: component })));
  return { Component, preload };
}

/** Props that start a preload when the pointer or the keyboard reaches an element. */
export function preloadOnIntent(preload: () => unknown) {
  const start = () => {
    void Promise.resolve(preload()).catch(() => {});
  };
  return { onPointerEnter: start, onFocus: start, onTouchStart: start };
}

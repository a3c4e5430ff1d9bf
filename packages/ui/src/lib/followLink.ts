import type { MouseEvent } from 'react';

/**
 * Progressive enhancement for links: a plain click on a link that has a handler runs the handler in
 * place of the navigation (the host routes it, opens a dialog…); a modified click (new tab, new
 * window, download) and a click without a handler stay the browser's, so the link works without
 * JavaScript and before hydration.
 */
export function followUnlessHandled(
  event: MouseEvent<HTMLAnchorElement>,
  handler: (() => void) | undefined,
): void {
  if (!handler || event.defaultPrevented) return;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  handler();
}

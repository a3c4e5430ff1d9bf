import { type RefObject, useCallback, useRef } from 'react';
import { useIsoLayoutEffect } from './useIsoLayoutEffect.js';

/**
 * Focus back where it was when a dialog opened. Radix gives it back to the dialog's own Trigger, so a
 * dialog that its host opens from a button of its own (controlled, without a Trigger) dropped focus
 * to <body> on close, and a keyboard user lost their place. Remembered in a layout effect, before
 * Radix moves focus into the dialog; `returnTo` wins when given. Pass the result as the content's
 * `onCloseAutoFocus`; an opener that has left the page leaves Radix its default.
 */
export function useFocusReturn(open: boolean, returnTo?: RefObject<HTMLElement | null>) {
  const opener = useRef<HTMLElement | null>(null);
  useIsoLayoutEffect(() => {
    if (open && typeof document !== 'undefined' && document.activeElement instanceof HTMLElement) {
      opener.current = document.activeElement;
    }
  }, [open]);
  return useCallback(
    (event: Event) => {
      const target = returnTo?.current ?? opener.current;
      if (target?.isConnected) {
        event.preventDefault();
        target.focus();
      }
    },
    [returnTo],
  );
}

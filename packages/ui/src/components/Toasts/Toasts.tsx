import * as Toast from '@radix-ui/react-toast';
import { SafeText } from '../SafeText/SafeText.js';
import styles from './Toasts.module.css';

export type ToastTone = 'info' | 'success' | 'warning' | 'error';

export interface ToastMessage {
  id: string;
  tone: ToastTone;
  title: string;
  description?: string;
  /** One follow-up, e.g. "Retry" or "View run". `altText` says how to do it without the toast. */
  action?: { label: string; altText: string; onClick(): void };
  /** Milliseconds before it closes by itself; errors default to staying until dismissed. */
  durationMs?: number;
}

export interface ToastsProps {
  toasts: readonly ToastMessage[];
  onDismiss(id: string): void;
  /** Label of the notifications region; `{hotkey}` becomes the F8 hint. */
  label?: string;
}

const ICON: Record<ToastTone, string> = { info: 'ℹ', success: '✓', warning: '⚠', error: '✗' };
const STAYS = 1_000_000_000;

/**
 * Notifications on Radix Toast: one labelled region (F8 jumps to it), announced politely (errors
 * assertively), pausing on hover and focus, swipe or Escape to dismiss. The host owns the list.
 */
export function Toasts({ toasts, onDismiss, label = 'Notifications ({hotkey})' }: ToastsProps) {
  return (
    // Provider's label prefixes each announced toast; the region's own label (with the hotkey hint)
    // belongs on the Viewport, or screen readers hear a literal "{hotkey}" before every toast.
    <Toast.Provider swipeDirection="right" label="Notification">
      {toasts.map((toast) => (
        <Toast.Root
          key={toast.id}
          className={styles.toast}
          data-tone={toast.tone}
          type={toast.tone === 'error' ? 'foreground' : 'background'}
          duration={toast.durationMs ?? (toast.tone === 'error' ? STAYS : 5000)}
          onOpenChange={(open) => {
            if (!open) onDismiss(toast.id);
          }}
        >
          <span className={styles.icon} aria-hidden="true">
            {ICON[toast.tone]}
          </span>
          <div className={styles.text}>
            <Toast.Title className={styles.title}>
              <SafeText text={toast.title} />
            </Toast.Title>
            {toast.description && (
              <Toast.Description className={styles.description}>
                <SafeText text={toast.description} />
              </Toast.Description>
            )}
          </div>
          {toast.action && (
            <Toast.Action asChild altText={toast.action.altText}>
              <button type="button" className={styles.action} onClick={toast.action.onClick}>
                {toast.action.label}
              </button>
            </Toast.Action>
          )}
          <Toast.Close className={styles.close} aria-label="Dismiss">
            ×
          </Toast.Close>
        </Toast.Root>
      ))}
      <Toast.Viewport className={styles.viewport} label={label} />
    </Toast.Provider>
  );
}

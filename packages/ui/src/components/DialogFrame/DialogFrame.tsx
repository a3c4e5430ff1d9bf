import * as Dialog from '@radix-ui/react-dialog';
import { type ReactNode, useId } from 'react';
import { followUnlessHandled } from '../../lib/followLink.js';
import { useFocusReturn } from '../../lib/useFocusReturn.js';
import styles from './DialogFrame.module.css';

export interface DialogFrameProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  /** a short description for screen readers; omitted, the dialog has none */
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  size?: 'medium' | 'large';
  /** extra attributes on the content, e.g. `data-state` mirrors for tests and styling */
  dataAttributes?: Record<`data-${string}`, string | undefined>;
  className?: string;
  /**
   * Where closing goes, for a dialog that is a page of its own (a route): Close is then a link, so
   * it closes without JavaScript too; a plain click still calls `onOpenChange(false)`.
   */
  closeHref?: string;
}

/**
 * The modal shell of the run, details and logs dialogs, and of a host's own dialogs (Radix Dialog:
 * focus trap, Escape, aria-modal, scroll lock).
 * The hosts open these dialogs from their own buttons, not from a Radix `Trigger`, and Radix
 * returns focus only to its Trigger, so the frame remembers what had focus when it opened and
 * gives focus back to it on close: closing a modal returns focus to what opened it.
 * No portal: the dialog renders where the host puts it, so the server's HTML already holds it (a
 * dialog route works before hydration and without JavaScript) and hydration finds the same tree.
 */
export function DialogFrame({
  open,
  onOpenChange,
  title,
  description,
  children,
  footer,
  size = 'medium',
  dataAttributes,
  className,
  closeHref,
}: DialogFrameProps) {
  const ids = useId();
  const returnFocus = useFocusReturn(open);

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Overlay className={styles.overlay} />
      <Dialog.Content
        className={[styles.content, className].filter(Boolean).join(' ')}
        data-size={size}
        {...dataAttributes}
        // Named and described by ids of our own: Radix links its title only after an effect, which
        // a server render (the dialog before hydration, or without JavaScript) never runs.
        aria-labelledby={`${ids}title`}
        aria-describedby={description ? `${ids}description` : undefined}
        onCloseAutoFocus={returnFocus}
      >
        <header className={styles.header}>
          <Dialog.Title id={`${ids}title`} className={styles.title}>
            {title}
          </Dialog.Title>
          {closeHref === undefined ? (
            <Dialog.Close className={styles.close} aria-label="Close">
              <span aria-hidden="true">✕</span> Close
            </Dialog.Close>
          ) : (
            <a
              href={closeHref}
              className={styles.close}
              aria-label="Close"
              onClick={(event) => followUnlessHandled(event, () => onOpenChange(false))}
            >
              <span aria-hidden="true">✕</span> Close
            </a>
          )}
        </header>
        {description ? (
          <Dialog.Description id={`${ids}description`} className={styles.description}>
            {description}
          </Dialog.Description>
        ) : null}
        <div className={styles.body}>{children}</div>
        {footer ? <footer className={styles.footer}>{footer}</footer> : null}
      </Dialog.Content>
    </Dialog.Root>
  );
}

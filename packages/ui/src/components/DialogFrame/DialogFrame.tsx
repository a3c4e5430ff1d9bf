import * as Dialog from '@radix-ui/react-dialog';
import { type ReactNode, useRef } from 'react';
import { useIsoLayoutEffect } from '../../lib/useIsoLayoutEffect.js';
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
}

/**
 * The modal shell of the run, details and logs dialogs (Radix Dialog: focus trap, Escape,
 * aria-modal, scroll lock). Internal: no `index.ts`, so it is neither built nor exported alone.
 * The hosts open these dialogs from their own buttons, not from a Radix `Trigger`, and Radix
 * returns focus only to its Trigger, so the frame remembers what had focus when it opened and
 * gives focus back to it on close: closing a modal returns focus to what opened it.
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
}: DialogFrameProps) {
  const opener = useRef<HTMLElement | null>(null);
  useIsoLayoutEffect(() => {
    if (open && typeof document !== 'undefined' && document.activeElement instanceof HTMLElement) {
      opener.current = document.activeElement;
    }
  }, [open]);

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className={styles.overlay} />
        <Dialog.Content
          className={[styles.content, className].filter(Boolean).join(' ')}
          data-size={size}
          {...dataAttributes}
          {...(description ? {} : { 'aria-describedby': undefined })}
          onCloseAutoFocus={(event) => {
            const target = opener.current;
            if (target?.isConnected) {
              event.preventDefault();
              target.focus();
            }
          }}
        >
          <header className={styles.header}>
            <Dialog.Title className={styles.title}>{title}</Dialog.Title>
            <Dialog.Close className={styles.close} aria-label="Close">
              <span aria-hidden="true">✕</span> Close
            </Dialog.Close>
          </header>
          {description ? (
            <Dialog.Description className={styles.description}>{description}</Dialog.Description>
          ) : null}
          <div className={styles.body}>{children}</div>
          {footer ? <footer className={styles.footer}>{footer}</footer> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

import * as AlertDialog from '@radix-ui/react-alert-dialog';
import type { ReactNode } from 'react';
import { Button } from '../Button/Button.js';
import styles from './ConfirmDialog.module.css';

export type ConfirmTone = 'default' | 'danger';

export interface ConfirmDialogProps {
  open?: boolean;
  onOpenChange?(open: boolean): void;
  /** An element that opens the dialog; focus returns to it on close. Omit to control with `open`. */
  trigger?: ReactNode;
  title: string;
  description?: ReactNode;
  /** Extra content between the description and the buttons (e.g. a preview of what will change). */
  children?: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  tone?: ConfirmTone;
  /** The confirmed action is in flight: Confirm shows a spinner and both buttons wait. */
  busy?: boolean;
  /** Disable Confirm (e.g. the preview found nothing to do). */
  confirmDisabled?: boolean;
  onConfirm(): void;
}

/**
 * A question that must be answered before a destructive action, on Radix AlertDialog: focus is
 * trapped, Escape and Cancel close it, and focus returns to what opened it.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  trigger,
  title,
  description,
  children,
  confirmLabel = 'Confirm',
  cancelLabel = 'Cancel',
  tone = 'default',
  busy = false,
  confirmDisabled = false,
  onConfirm,
}: ConfirmDialogProps) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={styles.overlay} />
        <AlertDialog.Content className={styles.content} data-tone={tone}>
          <AlertDialog.Title className={styles.title}>{title}</AlertDialog.Title>
          {description ? (
            <AlertDialog.Description className={styles.description}>{description}</AlertDialog.Description>
          ) : (
            <AlertDialog.Description className="jobs-visually-hidden">{title}</AlertDialog.Description>
          )}
          {children && <div className={styles.body}>{children}</div>}
          <div className={styles.actions}>
            <AlertDialog.Cancel asChild>
              <Button disabled={busy}>{cancelLabel}</Button>
            </AlertDialog.Cancel>
            <Button
              variant={tone === 'danger' ? 'danger' : 'primary'}
              busy={busy}
              disabled={busy || confirmDisabled}
              onClick={onConfirm}
            >
              {confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { Fragment, type MouseEvent, type ReactNode, type RefObject, useId } from 'react';
import { followUnlessHandled } from '../../lib/followLink.js';
import { useFocusReturn } from '../../lib/useFocusReturn.js';
import { Button } from '../Button/Button.js';
import styles from './ConfirmDialog.module.css';

const NO_FIELDS: Readonly<Record<string, string>> = {};

export type ConfirmTone = 'default' | 'danger';

export interface ConfirmDialogProps {
  open?: boolean;
  onOpenChange?(open: boolean): void;
  /** An element that opens the dialog; focus returns to it on close. Omit to control with `open`. */
  trigger?: ReactNode;
  /**
   * Without a `trigger`: where focus returns on close. By default, what had focus when the dialog
   * opened (the host's button that opened it).
   */
  returnFocusTo?: RefObject<HTMLElement | null>;
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
  /**
   * The confirmation as a page of its own (a route), for hosts that must work without JavaScript:
   * Confirm submits a POST form to this address, and once scripts run the submit calls `onConfirm`
   * instead. The dialog renders in place instead of in a portal, so the server's HTML holds it.
   */
  action?: string;
  /** hidden fields the form posts with `action` */
  fields?: Readonly<Record<string, string>>;
  /** where Cancel goes on such a page: a link, so it works without JavaScript too */
  cancelHref?: string;
}

/**
 * A question that must be answered before a destructive action, on Radix AlertDialog: focus is
 * trapped, Escape and Cancel close it, and focus returns to what opened it.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  trigger,
  returnFocusTo,
  title,
  description,
  children,
  confirmLabel = 'Confirm',
  cancelLabel = 'Cancel',
  tone = 'default',
  busy = false,
  confirmDisabled = false,
  onConfirm,
  action,
  fields = NO_FIELDS,
  cancelHref,
}: ConfirmDialogProps) {
  const ids = useId();
  const returnFocus = useFocusReturn(open === true, returnFocusTo);
  // A page-like confirmation renders in place: a portal has no server render.
  const Frame = action === undefined ? AlertDialog.Portal : Fragment;
  const buttons = (
    <div className={styles.actions}>
      <AlertDialog.Cancel asChild>
        {cancelHref === undefined ? (
          <Button disabled={busy}>{cancelLabel}</Button>
        ) : (
          <Button
            href={cancelHref}
            onClick={(event: MouseEvent<HTMLAnchorElement>) =>
              // With a host that controls the dialog, a plain click closes it in place (and the
              // host routes); Radix skips its own close once the default is prevented.
              followUnlessHandled(event, onOpenChange && (() => onOpenChange(false)))
            }
          >
            {cancelLabel}
          </Button>
        )}
      </AlertDialog.Cancel>
      <Button
        type={action === undefined ? 'button' : 'submit'}
        variant={tone === 'danger' ? 'danger' : 'primary'}
        busy={busy}
        disabled={busy || confirmDisabled}
        onClick={action === undefined ? onConfirm : undefined}
      >
        {confirmLabel}
      </Button>
    </div>
  );
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>}
      <Frame>
        <AlertDialog.Overlay className={styles.overlay} />
        {/* Ids of our own: Radix links title and description in an effect, which a server render never runs. */}
        <AlertDialog.Content
          className={styles.content}
          data-tone={tone}
          aria-labelledby={`${ids}title`}
          aria-describedby={`${ids}description`}
          onCloseAutoFocus={returnFocus}
        >
          <AlertDialog.Title id={`${ids}title`} className={styles.title}>
            {title}
          </AlertDialog.Title>
          {description ? (
            <AlertDialog.Description id={`${ids}description`} className={styles.description}>
              {description}
            </AlertDialog.Description>
          ) : (
            <AlertDialog.Description id={`${ids}description`} className="jobs-visually-hidden">
              {title}
            </AlertDialog.Description>
          )}
          {children && <div className={styles.body}>{children}</div>}
          {action === undefined ? (
            buttons
          ) : (
            <form
              method="post"
              action={action}
              onSubmit={(event) => {
                // Scripts running: the host confirms its own way (a routed submit, a request).
                event.preventDefault();
                onConfirm();
              }}
            >
              {Object.entries(fields).map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              {buttons}
            </form>
          )}
        </AlertDialog.Content>
      </Frame>
    </AlertDialog.Root>
  );
}

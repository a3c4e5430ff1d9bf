import type { ReactNode } from 'react';
import { Button, type ButtonSize, type ButtonVariant } from '../components/Button/Button.js';

interface GetButtonProps {
  /** the page this action leads to without JavaScript (e.g. a confirmation) */
  href: string;
  /** once scripts run, a click calls this instead of going to `href` */
  onAction?: (() => void) | undefined;
  variant?: ButtonVariant;
  size?: ButtonSize;
  'aria-label'?: string;
  children: ReactNode;
}

/**
 * An action that stays a button (it does something, it is not a place to go) but still works without
 * JavaScript: a GET form to `href`, whose query travels as hidden fields. With scripts, a click runs
 * `onAction` in place, e.g. a confirmation dialog instead of the confirmation page.
 */
export function GetButton({ href, onAction, children, ...button }: GetButtonProps) {
  const [path = '', query = ''] = href.split('?', 2);
  return (
    <form method="get" action={path} style={{ display: 'contents' }}>
      {[...new URLSearchParams(query)].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button
        type="submit"
        {...button}
        onClick={(event) => {
          if (!onAction) return;
          event.preventDefault();
          onAction();
        }}
      >
        {children}
      </Button>
    </form>
  );
}

import {
  type AnchorHTMLAttributes,
  type ButtonHTMLAttributes,
  cloneElement,
  forwardRef,
  isValidElement,
  type ReactElement,
  type ReactNode,
  type Ref,
} from 'react';
import styles from './Button.module.css';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';
export type ButtonSize = 'small' | 'medium';

interface ButtonLook {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner and marks the button busy; pair with `disabled` to stop repeat clicks. */
  busy?: boolean;
}

interface AsButton extends ButtonLook, ButtonHTMLAttributes<HTMLButtonElement> {
  href?: undefined;
  /**
   * Lends the button's look to its one child element instead of rendering a `<button>`: a host's
   * router link (`<Button asChild><Link to="/runs/1">Details</Link></Button>`).
   */
  asChild?: boolean;
}

interface AsLink extends ButtonLook, AnchorHTMLAttributes<HTMLAnchorElement> {
  /**
   * Renders a real link that looks like a button: it works before hydration and without JavaScript.
   * An `onClick` that calls `event.preventDefault()` turns it into an in-page action once scripts run.
   */
  href: string;
  asChild?: undefined;
  disabled?: undefined;
}

export type ButtonProps = AsButton | AsLink;

/**
 * The one button every component uses, so focus rings, sizes and disabled states agree. With `href`
 * it is a link (navigation, or the no-JavaScript form of an action), with `asChild` the host's own
 * link component; the look, sizes and `data-*` state are the same in all three.
 */
export const Button = forwardRef<HTMLButtonElement | HTMLAnchorElement, ButtonProps>(
  function Button(props, ref) {
    const { variant = 'secondary', size = 'medium', busy = false, className, children, ...rest } = props;
    const look = {
      className: [styles.button, className].filter(Boolean).join(' '),
      'data-variant': variant,
      'data-size': size,
      'data-busy': busy || undefined,
      'aria-busy': busy || undefined,
    };
    const spinner = busy ? <span className={styles.spinner} aria-hidden="true" data-jobs-animated /> : null;

    if ('href' in rest && typeof rest.href === 'string') {
      const { asChild: _none, ...anchor } = rest as Omit<AsLink, keyof ButtonLook | 'className' | 'children'>;
      return (
        <a ref={ref as Ref<HTMLAnchorElement>} {...look} {...anchor}>
          {spinner}
          {children}
        </a>
      );
    }

    const {
      asChild,
      type = 'button',
      ...button
    } = rest as Omit<AsButton, keyof ButtonLook | 'className' | 'children'>;
    if (asChild && isValidElement(children)) {
      const child = children as ReactElement<{ className?: string; children?: ReactNode }>;
      return cloneElement(child, {
        ...button,
        ...look,
        className: [look.className, child.props.className].filter(Boolean).join(' '),
        // Without a ref of its own the button keeps the child's (cloneElement preserves it).
        ...(ref ? { ref } : {}),
        children: (
          <>
            {spinner}
            {child.props.children}
          </>
        ),
      } as Record<string, unknown>);
    }
    return (
      <button ref={ref as Ref<HTMLButtonElement>} type={type} {...look} {...button}>
        {spinner}
        {children}
      </button>
    );
  },
);

import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorFallback } from './ErrorFallback.js';

export interface ErrorBoundaryProps {
  children: ReactNode;
  /** Replaces the default fallback; gets the error and a reset that re-renders the children. */
  fallback?(props: { error: Error; reset(): void }): ReactNode;
  /** Report the crash (logging, telemetry). */
  onError?(error: Error, info: ErrorInfo): void;
  /** Changing any of these after a crash resets the boundary (e.g. the route or the run id). */
  resetKeys?: readonly unknown[];
  title?: string;
}

interface State {
  error: Error | null;
  keys: readonly unknown[] | undefined;
}

/** Keeps one crashing section from blanking the page: the rest stays usable, this part offers a retry. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null, keys: this.props.resetKeys };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: State): Partial<State> | null {
    const changed =
      props.resetKeys !== state.keys &&
      (props.resetKeys?.length !== state.keys?.length ||
        (props.resetKeys ?? []).some((key, i) => !Object.is(key, state.keys?.[i])));
    return changed ? { error: null, keys: props.resetKeys } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  reset = (): void => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    if (this.props.fallback) return this.props.fallback({ error, reset: this.reset });
    return <ErrorFallback error={error} onRetry={this.reset} title={this.props.title} />;
  }
}

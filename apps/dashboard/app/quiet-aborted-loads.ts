/**
 * Remix's single fetch logs with `console.error` every load it could not decode, including one the
 * router itself aborted because a newer navigation or revalidation replaced it (a click while socket
 * news is being loaded). An aborted load is the router doing its job, not an error: that exact case
 * (one argument, a DOMException named AbortError) is not logged; everything else is, unchanged.
 * The upstream fix is pending in react-router (isAbortError in single fetch).
 */
export function quietAbortedLoads(): void {
  const error = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const [only] = args;
    if (args.length === 1 && only instanceof DOMException && only.name === 'AbortError') return;
    error(...args);
  };
}

import { useLocation } from '@remix-run/react';
import { useEffect, useState } from 'react';

/**
 * A route action's answer, kept on screen until the address changes. The router drops action data
 * at the next load it completes, and the Job Manager reloads its data on socket news (any run
 * starting or finishing, often the very runs the action touched): without this, a dialog's result
 * or an error under its form flashed and was gone. Every dialog route that shows its action's
 * answer takes it through here.
 */
export function useKeptActionAnswer<T>(posted: T | undefined): T | undefined {
  const { pathname, search } = useLocation();
  const address = pathname + search;
  const [kept, setKept] = useState<{ answer: T; address: string } | null>(null);
  useEffect(() => {
    if (posted !== undefined) setKept({ answer: posted, address });
  }, [posted, address]);
  if (posted !== undefined) return posted;
  return kept?.address === address ? kept.answer : undefined;
}

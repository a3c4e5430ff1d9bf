import { afterEach, describe, expect, it, vi } from 'vitest';
import { quietAbortedLoads } from './quiet-aborted-loads.js';

describe('quietAbortedLoads', () => {
  const original = console.error;
  afterEach(() => {
    console.error = original;
  });

  it('drops only a lone AbortError, as Remix logs an aborted load; every other error is logged', () => {
    const logged = vi.fn();
    console.error = logged;
    quietAbortedLoads();
    const aborted = new AbortController();
    aborted.abort();
    console.error(aborted.signal.reason);
    expect(logged).not.toHaveBeenCalled();
    const timeout = new DOMException('The operation timed out.', 'TimeoutError');
    const failure = new Error('Unable to decode turbo-stream response');
    console.error(timeout);
    console.error(failure);
    console.error('while loading', aborted.signal.reason);
    expect(logged.mock.calls).toEqual([[timeout], [failure], ['while loading', aborted.signal.reason]]);
  });
});

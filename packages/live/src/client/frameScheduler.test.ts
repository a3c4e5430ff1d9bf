import { describe, expect, it } from 'vitest';
import { createFrameScheduler } from './frameScheduler.js';

describe('frame scheduler', () => {
  it('coalesces any number of requests into one flush per frame', () => {
    const frames: (() => void)[] = [];
    let flushes = 0;
    const scheduler = createFrameScheduler(
      () => {
        flushes += 1;
      },
      (run) => {
        frames.push(run);
        return () => frames.splice(frames.indexOf(run), 1);
      },
    );
    for (let i = 0; i < 1000; i += 1) scheduler.schedule();
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(flushes).toBe(1);
    scheduler.schedule();
    scheduler.flushNow();
    expect(flushes).toBe(2);
    expect(frames).toHaveLength(0); // flushNow cancelled the pending frame
  });
});

import { describe, expect, it } from 'vitest';
import { splitLogMessage } from './logSegments.js';

describe('splitLogMessage', () => {
  it('finds JSON after a prefix and keeps the tail', () => {
    expect(splitLogMessage('batch done {"n": 3, "ok": true} in 20ms')).toEqual([
      { kind: 'text', text: 'batch done ' },
      { kind: 'json', text: '{"n": 3, "ok": true}' },
      { kind: 'text', text: ' in 20ms' },
    ]);
  });

  it('leaves text that only looks like JSON alone', () => {
    expect(splitLogMessage('set {a} to [b')).toEqual([{ kind: 'text', text: 'set {a} to [b' }]);
    expect(splitLogMessage('<img src=x onerror=alert(1)>')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
  });
});

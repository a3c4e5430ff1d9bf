import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('writes one JSON shape: level label, ISO time, name, the fields, msg', () => {
    const { lines, destination } = capture();
    const logger = createLogger('engine', { level: 'info', destination });
    logger.info({ event: 'job_completed', runId: '7' }, 'run 7 done');
    logger.debug({ event: 'hidden' }, 'below the level');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      name: 'engine',
      event: 'job_completed',
      runId: '7',
      msg: 'run 7 done',
    });
  });

  it('is silent under Vitest unless a level is given', () => {
    const { lines, destination } = capture();
    const previous = process.env.LOG_LEVEL;
    delete process.env.LOG_LEVEL;
    try {
      createLogger('engine', { destination }).error({ event: 'x' }, 'not shown');
    } finally {
      if (previous !== undefined) process.env.LOG_LEVEL = previous;
    }
    expect(lines).toEqual([]);
  });
});

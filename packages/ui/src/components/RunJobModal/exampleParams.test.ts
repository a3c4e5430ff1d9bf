import { describe, expect, it } from 'vitest';
import { paramsFromExample } from './exampleParams.js';

describe('paramsFromExample', () => {
  it('reads CLI flags, numbers and booleans typed', () => {
    expect(
      paramsFromExample(
        'tsx scripts/runJobs.ts match-scores --userId=8 --batchSize=100 --dryRun=true --since=2024-01-01',
      ),
    ).toEqual({ userId: 8, batchSize: 100, dryRun: true, since: '2024-01-01' });
  });

  it("reads a curl body's params", () => {
    const curl = `curl -X POST $JOBS_API_URL/api/admin/jobs/enqueue -H "Content-Type: application/json" -d '{"jobName":"trending","params":{"slow":true}}'`;
    expect(paramsFromExample(curl)).toEqual({ slow: true });
  });

  it('takes a JSON object as it is', () => {
    expect(paramsFromExample('{"userId": 8}')).toEqual({ userId: 8 });
  });

  it('has nothing to load from prose or a command without flags', () => {
    expect(paramsFromExample('tsx scripts/runJobs.ts feed-presort')).toBeNull();
    expect(paramsFromExample('Run it nightly')).toBeNull();
    expect(paramsFromExample('{"broken": ')).toBeNull();
  });

  it('never assigns a prototype key', () => {
    const params = paramsFromExample('run --__proto__=1');
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
  });
});

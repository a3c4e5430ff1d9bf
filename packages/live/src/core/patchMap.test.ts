import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PatchMap } from './patchMap.js';

describe('PatchMap', () => {
  it('behaves like a Map with insertion order, and never changes an older version', () => {
    const key = fc.integer({ min: 0, max: 300 }).map(String);
    const batch = fc.array(fc.tuple(key, fc.option(fc.nat(), { nil: null })), { maxLength: 80 });
    fc.assert(
      fc.property(fc.array(batch, { maxLength: 30 }), (batches) => {
        let table = PatchMap.of<number>();
        const model = new Map<string, number>();
        const removed = new Set<string>();
        for (const writes of batches) {
          // Keys are not re-added after removal in this domain (run ids are unique).
          const applicable = writes.filter(([k]) => !removed.has(k));
          const before = [...table.entries()];
          const next = table.with(new Map(applicable));
          expect([...table.entries()]).toEqual(before);
          for (const [k, v] of new Map(applicable)) {
            if (v === null) {
              if (model.delete(k)) removed.add(k);
            } else model.set(k, v);
          }
          table = next;
          expect([...table.entries()]).toEqual([...model.entries()]);
          expect(table.keyList()).toEqual([...model.keys()]);
          expect(table.size).toBe(model.size);
          for (const k of ['0', '1', '150']) expect(table.get(k)).toBe(model.get(k));
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });
});

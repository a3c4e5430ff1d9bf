/**
 * A persistent string-keyed map for the reducer's large collections (10,000 active runs). A new
 * version shares the big `base` and copies only a small `patch` of changes, compacting when the
 * patch outgrows an eighth of the base: a frame's batch costs about its own size, not 10,000
 * copies, and every older version stays intact (the reducer remains pure). Iteration keeps
 * insertion order (keys are never re-added after removal in this domain).
 */
export class PatchMap<V> implements ReadonlyMap<string, V> {
  private constructor(
    private readonly base: ReadonlyMap<string, V>,
    private readonly patch: ReadonlyMap<string, V | null>,
    readonly size: number,
  ) {}

  static of<V>(entries: Iterable<readonly [string, V]> = []): PatchMap<V> {
    const base = new Map(entries);
    return new PatchMap(base, new Map(), base.size);
  }

  get(key: string): V | undefined {
    const patched = this.patch.get(key);
    if (patched !== undefined) return patched ?? undefined;
    return this.base.get(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** A new version with `writes` applied (`null` removes). */
  with(writes: ReadonlyMap<string, V | null>): PatchMap<V> {
    if (writes.size === 0) return this;
    const patch = new Map(this.patch);
    let size = this.size;
    for (const [key, value] of writes) {
      const had = this.has(key);
      if (value === null) {
        if (had) size -= 1;
        if (this.base.has(key)) patch.set(key, null);
        else patch.delete(key);
      } else {
        if (!had) size += 1;
        patch.set(key, value);
      }
    }
    if (patch.size > 64 && patch.size * 8 > this.base.size) {
      // Native Map cloning is far cheaper than iterating; `set` on a present key keeps its place.
      const merged = new Map(this.base);
      for (const [key, value] of patch) {
        if (value === null) merged.delete(key);
        else merged.set(key, value);
      }
      return new PatchMap(merged, new Map(), merged.size);
    }
    return new PatchMap(this.base, patch, size);
  }

  *entries(): MapIterator<[string, V]> {
    for (const [key, value] of this.base) {
      const patched = this.patch.get(key);
      if (patched === undefined) yield [key, value];
      else if (patched !== null) yield [key, patched];
    }
    for (const [key, value] of this.patch) if (value !== null && !this.base.has(key)) yield [key, value];
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

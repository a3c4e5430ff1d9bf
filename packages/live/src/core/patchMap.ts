/** Layers kept before they are merged into one; reads look through at most this many. */
const MAX_LAYERS = 8;

/**
 * A persistent string-keyed map for the reducer's large collections (10,000 active runs). A new
 * version shares the big `base` and the earlier change layers, adding only its own small layer of
 * writes; layers merge every few versions, and into a new base once they outgrow an eighth of it.
 * So a frame's batch costs about its own size however many runs there are, and every older version
 * stays intact (the reducer remains pure). Iteration keeps insertion order (in this domain a key is
 * never re-added after removal: run ids are unique).
 */
export class PatchMap<V> implements ReadonlyMap<string, V> {
  private constructor(
    private readonly base: ReadonlyMap<string, V>,
    private readonly layers: readonly ReadonlyMap<string, V | null>[],
    readonly size: number,
  ) {}

  static of<V>(entries: Iterable<readonly [string, V]> = []): PatchMap<V> {
    const base = new Map(entries);
    return new PatchMap(base, [], base.size);
  }

  get(key: string): V | undefined {
    for (let i = this.layers.length - 1; i >= 0; i -= 1) {
      const value = (this.layers[i] as ReadonlyMap<string, V | null>).get(key);
      if (value !== undefined) return value ?? undefined;
    }
    return this.base.get(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /**
   * A new version with `writes` applied (`null` removes). The map is adopted as a layer, not
   * copied: the caller must not change it afterwards. A caller that tracked membership itself
   * passes the resulting size and saves a lookup per write.
   */
  with(writes: ReadonlyMap<string, V | null>, knownSize?: number): PatchMap<V> {
    if (writes.size === 0) return this;
    let size = knownSize ?? this.size;
    if (knownSize === undefined) {
      for (const [key, value] of writes) {
        const had = this.has(key);
        if (value === null && had) size -= 1;
        else if (value !== null && !had) size += 1;
      }
    }
    if (this.layers.length < MAX_LAYERS) return new PatchMap(this.base, [...this.layers, writes], size);
    // `set` on a present key keeps its first position: new keys stay in arrival order.
    const merged = new Map<string, V | null>();
    for (const layer of [...this.layers, writes]) {
      for (const [key, value] of layer) {
        if (value === null && !this.base.has(key)) merged.delete(key);
        else merged.set(key, value);
      }
    }
    if (merged.size <= 64 || merged.size * 8 <= this.base.size)
      return new PatchMap(this.base, [merged], size);
    // Native Map cloning is far cheaper than iterating entry by entry.
    const base = new Map(this.base);
    for (const [key, value] of merged) {
      if (value === null) base.delete(key);
      else base.set(key, value);
    }
    return new PatchMap(base, [], base.size);
  }

  *entries(): MapIterator<[string, V]> {
    if (this.layers.length === 0) {
      yield* this.base.entries();
      return;
    }
    for (const [key, value] of this.base) {
      const latest = this.latest(key);
      if (latest === undefined) yield [key, value];
      else if (latest !== null) yield [key, latest];
    }
    const added = new Set<string>();
    for (const layer of this.layers) {
      for (const [key, value] of layer) if (value !== null && !this.base.has(key)) added.add(key);
    }
    for (const key of added) {
      const value = this.latest(key);
      if (value !== undefined && value !== null) yield [key, value];
    }
  }

  *keys(): MapIterator<string> {
    yield* this.keyList();
  }

  /**
   * The keys in order, without looking each one up through the layers (10,000 keys in well under a
   * millisecond). The active ids list is rebuilt from this on every membership change.
   */
  keyList(): string[] {
    if (this.layers.length === 0) return [...this.base.keys()];
    const removed = new Set<string>();
    const added = new Set<string>();
    for (const layer of this.layers) {
      for (const [key, value] of layer) {
        if (value === null) {
          removed.add(key);
          added.delete(key);
        } else {
          removed.delete(key); // only a key that never existed can come back after a null
          if (!this.base.has(key)) added.add(key);
        }
      }
    }
    const keys: string[] = [];
    for (const key of this.base.keys()) if (!removed.has(key)) keys.push(key);
    for (const key of added) if (!removed.has(key)) keys.push(key);
    return keys;
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

  /** The newest layer's word on `key`: a value, null (removed) or undefined (no layer has it). */
  private latest(key: string): V | null | undefined {
    for (let i = this.layers.length - 1; i >= 0; i -= 1) {
      const value = (this.layers[i] as ReadonlyMap<string, V | null>).get(key);
      if (value !== undefined) return value;
    }
    return undefined;
  }
}

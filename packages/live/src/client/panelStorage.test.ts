import { makeSummary } from '@jobs/contracts/testing';
import { describe, expect, it } from 'vitest';
import { createLiveClient, panelRunsAtom } from '../index.js';
import { httpHost, until } from '../testing/host.js';
import { startLiveServer } from '../testing/liveServer.js';
import { MemoryStorage } from '../testing/memoryStorage.js';
import { iso, justQueued, T0 } from '../testing/runs.js';
import { loadPanel, PANEL_KEY, savePanel } from './panelStorage.js';

const runs = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    makeSummary({ ...justQueued, id: `r${i}`, queuedAt: iso(T0 + i * 1000), status: 'SUCCESS' }),
  );

describe('panel persistence', () => {
  it('round-trips, bounded to the last 100 runs', () => {
    const storage = new MemoryStorage();
    savePanel(storage, runs(150));
    const loaded = loadPanel(storage);
    expect(loaded).toHaveLength(100);
    expect(loaded[0]).toEqual(runs(1)[0]);
  });

  it.each([
    ['corrupt JSON', '{"version":1,"runs":[{'],
    ['an old version', JSON.stringify({ version: 0, runs: runs(2) })],
    ['a shape that no longer parses', JSON.stringify({ version: 1, runs: [{ id: 1, status: 'WEIRD' }] })],
    ['not an object', '"hello"'],
  ])('drops %s instead of crashing, and removes it', (_label, value) => {
    const storage = new MemoryStorage();
    storage.setItem(PANEL_KEY, value);
    expect(loadPanel(storage)).toEqual([]);
    expect(storage.getItem(PANEL_KEY)).toBeNull();
  });

  it('removes panels stored under an older versioned key', () => {
    const storage = new MemoryStorage();
    storage.setItem('jobs-live:panel:v0', JSON.stringify({ version: 0, runs: runs(2) }));
    storage.setItem('jobs-live:panel', '[]');
    storage.setItem('unrelated', 'kept');
    expect(PANEL_KEY).toBe('jobs-live:panel:v1');
    expect(loadPanel(storage)).toEqual([]);
    expect(storage.getItem('jobs-live:panel:v0')).toBeNull();
    expect(storage.getItem('jobs-live:panel')).toBeNull();
    expect(storage.getItem('unrelated')).toBe('kept');
  });

  it('survives storage that throws (privacy mode, quota)', () => {
    const hostile = new MemoryStorage();
    hostile.getItem = () => {
      throw new Error('SecurityError');
    };
    hostile.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(loadPanel(hostile)).toEqual([]);
    expect(() => savePanel(hostile, runs(1))).not.toThrow();
  });

  it('restores the panel on start, merges the history seed and persists what changed', async () => {
    const server = await startLiveServer();
    const storage = new MemoryStorage();
    savePanel(storage, runs(3));
    const fromHistory = server.enqueue();
    const client = createLiveClient(httpHost(server.url, { storage, tuning: { persistEveryMs: 10 } }));
    const stop = client.start();
    try {
      await until(() =>
        expect(client.store.get(panelRunsAtom).map((r) => r.id)).toEqual([fromHistory.id, 'r2', 'r1', 'r0']),
      );
      await until(() => expect(loadPanel(storage).map((r) => r.id)).toContain(fromHistory.id));
    } finally {
      stop();
      await server.close();
    }
  });
});

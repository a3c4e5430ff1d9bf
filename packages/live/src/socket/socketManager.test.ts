import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSocketManager } from './socketManager.js';
import type { ConnectionStatus } from './status.js';

/** A socket whose attempts neither connect nor fail until the test says so (a relay that hangs). */
function fakeSocket() {
  const handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  const socket = {
    connected: false,
    /** socket.io's "connect() was called and not undone" */
    active: false,
    attempts: 0,
    disconnects: 0,
    io: { reconnection: () => {} },
    on(name: string, handler: (...args: unknown[]) => void) {
      handlers.set(name, [...(handlers.get(name) ?? []), handler]);
      return socket;
    },
    off(name: string, handler: (...args: unknown[]) => void) {
      handlers.set(
        name,
        (handlers.get(name) ?? []).filter((h) => h !== handler),
      );
      return socket;
    },
    connect() {
      socket.attempts += 1;
      return socket;
    },
    disconnect() {
      socket.disconnects += 1;
      socket.connected = false;
      return socket;
    },
    emit: () => socket,
    fire(name: string, ...args: unknown[]) {
      if (name === 'connect') socket.connected = true;
      if (name === 'disconnect') socket.connected = false;
      for (const handler of handlers.get(name) ?? []) handler(...args);
    },
  };
  return socket;
}

describe('socket manager attempts', () => {
  let socket: ReturnType<typeof fakeSocket>;
  let statuses: ConnectionStatus[];
  let connected: number;
  const make = () =>
    createSocketManager({
      connect: () => socket as unknown as Socket,
      onEvent: () => {},
      onConnected: () => {
        connected += 1;
      },
      onStatus: (status) => statuses.push(status),
      backoff: () => 3000,
      attemptTimeoutMs: 5000,
      now: Date.now,
    });
  const last = () => statuses[statuses.length - 1];

  beforeEach(() => {
    vi.useFakeTimers();
    socket = fakeSocket();
    statuses = [];
    connected = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('gives up an attempt that hangs and schedules the next with a real countdown', () => {
    const manager = make();
    manager.start();
    socket.fire('connect');
    socket.fire('disconnect', 'transport close');
    expect(last()).toMatchObject({ state: 'reconnecting', attempt: 1, nextAttemptAt: Date.now() + 3000 });
    vi.advanceTimersByTime(3000);
    expect(socket.attempts).toBe(2);
    // The relay accepted the connection and never answered: the page is not held on this attempt.
    vi.advanceTimersByTime(5000);
    expect(socket.disconnects).toBe(1);
    expect(last()).toMatchObject({ state: 'reconnecting', attempt: 2, nextAttemptAt: Date.now() + 3000 });
    vi.advanceTimersByTime(3000);
    expect(socket.attempts).toBe(3);
    socket.fire('connect');
    expect(last()).toMatchObject({ state: 'live' });
    expect(connected).toBe(2);
    // Connected: the abandoned attempt's timer does not fire later.
    vi.advanceTimersByTime(10_000);
    expect(socket.disconnects).toBe(1);
    manager.stop();
  });

  it('"Retry now" starts an attempt at once instead of waiting for the scheduled one', () => {
    const manager = make();
    manager.start();
    socket.fire('connect_error', new Error('refused'));
    expect(last()).toMatchObject({ state: 'reconnecting', attempt: 1 });
    expect(socket.attempts).toBe(1);
    manager.retryNow();
    expect(socket.attempts).toBe(2);
    // The waiting attempt was replaced, not added to.
    vi.advanceTimersByTime(3000);
    expect(socket.attempts).toBe(2);
    // Pressed again while that attempt hangs: a fresh one replaces it.
    manager.retryNow();
    expect(socket.disconnects).toBe(1);
    expect(socket.attempts).toBe(3);
    socket.fire('connect');
    expect(last()).toMatchObject({ state: 'live' });
    manager.retryNow();
    expect(socket.attempts).toBe(3);
    manager.stop();
  });

  it('takes over a socket the host connected early: live at once, no second attempt', () => {
    socket.connected = true;
    socket.active = true;
    const manager = make();
    manager.start();
    expect(last()).toMatchObject({ state: 'live' });
    expect(connected).toBe(1);
    expect(socket.attempts).toBe(0);
    manager.stop();
  });

  it('waits for a socket the host is still connecting, within the attempt timeout', () => {
    socket.active = true;
    const manager = make();
    manager.start();
    expect(last()).toMatchObject({ state: 'connecting' });
    expect(socket.attempts).toBe(0);
    // That early attempt hangs: it is given up like any other and the next one is a real attempt.
    vi.advanceTimersByTime(5000);
    expect(socket.disconnects).toBe(1);
    expect(last()).toMatchObject({ state: 'reconnecting', attempt: 1 });
    socket.active = false;
    vi.advanceTimersByTime(3000);
    expect(socket.attempts).toBe(1);
    socket.fire('connect');
    expect(last()).toMatchObject({ state: 'live' });
    expect(connected).toBe(1);
    manager.stop();
  });
});

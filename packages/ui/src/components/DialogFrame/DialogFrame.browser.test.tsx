import { act, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { DialogFrame } from './DialogFrame.js';

const onOpenChange = () => {};

function Route() {
  return (
    <main>
      <a href="/admin/jobs">Back</a>
      <DialogFrame open onOpenChange={onOpenChange} title="Bulk operations" closeHref="/admin/jobs">
        <form method="post" aria-label="Start multiple">
          <select name="jobName" aria-label="Job">
            <option>trending</option>
          </select>
        </form>
      </DialogFrame>
    </main>
  );
}

/** A page whose link opens a dialog, as a router opens a dialog route. */
function Page() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <a
        href="/runs/1"
        onClick={(event) => {
          event.preventDefault();
          setOpen(true);
        }}
      >
        Details of match-scores #1
      </a>
      {open ? (
        <DialogFrame open onOpenChange={setOpen} title="Job Run Details" closeHref="/admin/jobs">
          <p>Parameters</p>
        </DialogFrame>
      ) : null}
    </>
  );
}

describe('DialogFrame in Chromium', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is in the server HTML, named by its title, and hydrates to the same tree', async () => {
    const errors = vi.spyOn(console, 'error');
    const host = document.createElement('div');
    host.innerHTML = renderToString(<Route />);
    document.body.append(host);
    // Before any script: an open, named dialog with a working Close link and a real form.
    const dialog = screen.getByRole('dialog', { name: 'Bulk operations' });
    expect(screen.getByRole('link', { name: 'Close' })).toHaveAttribute('href', '/admin/jobs');
    expect(dialog.querySelector('form')).toHaveAttribute('method', 'post');
    const before = dialog;
    const root = await act(async () => hydrateRoot(host, <Route />));
    // The same element: hydration adopted the server's markup instead of replacing it.
    expect(screen.getByRole('dialog', { name: 'Bulk operations' })).toBe(before);
    // React's warnings about layout effects in a server render (made here, in a browser) are not
    // hydration errors; a mismatch would be.
    const mismatches = errors.mock.calls.filter(
      (call) => !String(call[0]).includes('useLayoutEffect does nothing on the server'),
    );
    expect(mismatches).toEqual([]);
    act(() => root.unmount());
    host.remove();
  });

  it('gives focus back to the link that opened it when Escape closes it', async () => {
    render(<Page />);
    const link = screen.getByRole('link', { name: 'Details of match-scores #1' });
    link.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('dialog', { name: 'Job Run Details' })).toBeVisible());
    await waitFor(() => expect(link).not.toHaveFocus());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(link).toHaveFocus());
  });
});

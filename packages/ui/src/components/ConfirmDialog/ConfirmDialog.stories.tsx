import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, screen, userEvent, waitFor } from 'storybook/test';
import { HOSTILE_TEXT, LONG_NAME, RTL_TEXT } from '../../testing/fixtures.js';
import { Button } from '../Button/Button.js';
import { ConfirmDialog, type ConfirmDialogProps } from './ConfirmDialog.js';

const meta = {
  title: 'Feedback/ConfirmDialog',
  component: ConfirmDialog,
  args: {
    open: true,
    title: 'Cancel this run?',
    description: 'match-scores (#12847) will stop at its next checkpoint.',
    confirmLabel: 'Cancel run',
    cancelLabel: 'Keep running',
    tone: 'danger',
    onConfirm: fn(),
    onOpenChange: fn(),
  },
  parameters: {
    docs: {
      description: {
        component:
          'Asks before a destructive action. Built on Radix AlertDialog (focus trap, Escape, focus return). Use `trigger` for an uncontrolled dialog, or `open`/`onOpenChange`.',
      },
      story: { inline: false, height: '320px' },
    },
  },
} satisfies Meta<typeof ConfirmDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Busy: Story = { args: { busy: true } };
export const Neutral: Story = {
  args: { tone: 'default', title: 'Re-run this job?', confirmLabel: 'Re-run', description: undefined },
};
/** A confirmation that is a page of its own: a POST form (works without JavaScript), Cancel a link back. */
export const AsPage: Story = {
  args: {
    title: 'Cancel match-scores (#12847)?',
    action: '/admin/jobs/runs/12847/cancel',
    cancelHref: '/admin/jobs',
  },
  play: async ({ args }) => {
    const dialog = screen.getByRole('alertdialog', { name: 'Cancel match-scores (#12847)?' });
    await expect(dialog.querySelector('form')).toHaveAttribute('action', '/admin/jobs/runs/12847/cancel');
    await expect(screen.getByRole('link', { name: 'Keep running' })).toHaveAttribute('href', '/admin/jobs');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel run' }));
    await expect(args.onConfirm).toHaveBeenCalledOnce();
  },
};
export const WithPreview: Story = {
  args: {
    title: 'Clean up 2 stalled jobs?',
    description: 'These runs stopped sending heartbeats and will be marked FAILED:',
    confirmLabel: 'Clean up',
    children: (
      <ul>
        <li>media-metadata (#12850)</li>
        <li>trending (#12851)</li>
      </ul>
    ),
  },
};

function WithTrigger(args: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  return (
    <ConfirmDialog
      {...args}
      open={open}
      onOpenChange={setOpen}
      trigger={<Button>Cancel run…</Button>}
      onConfirm={() => {
        args.onConfirm();
        setOpen(false);
      }}
    />
  );
}

/** Escape closes it and focus returns to the button that opened it. */
export const EscapeReturnsFocus: Story = {
  args: { open: false },
  render: (args) => <WithTrigger {...args} />,
  play: async ({ canvas, args }) => {
    const trigger = canvas.getByRole('button', { name: 'Cancel run…' });
    await userEvent.click(trigger);
    const dialog = await screen.findByRole('alertdialog');
    await expect(dialog).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await expect(trigger).toHaveFocus();
    await expect(args.onConfirm).not.toHaveBeenCalled();
    await userEvent.click(trigger);
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel run' }));
    await expect(args.onConfirm).toHaveBeenCalledOnce();
    await waitFor(() => expect(trigger).toHaveFocus());
  },
};

function WithHostButton(args: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Cancel run (host button)</Button>
      <ConfirmDialog {...args} open={open} onOpenChange={setOpen} />
    </>
  );
}

/**
 * Opened by the host's own button (controlled, no `trigger`), as the run cards and the details
 * dialog do: closing it gives focus back to that button, not to the page's body.
 */
export const HostButtonGetsFocusBack: Story = {
  args: { open: false },
  render: (args) => <WithHostButton {...args} />,
  play: async ({ canvas }) => {
    const opener = canvas.getByRole('button', { name: 'Cancel run (host button)' });
    await userEvent.click(opener);
    await userEvent.click(await screen.findByRole('button', { name: 'Keep running' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(opener).toHaveFocus());
    await userEvent.click(opener);
    await screen.findByRole('alertdialog');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(opener).toHaveFocus());
  },
};

/** The closed triggers, and the danger dialog open over them: what a user sees after the click. */
export const AllStates: Story = {
  args: { open: false },
  render: (args) => (
    <div style={{ display: 'flex', gap: 8 }}>
      <ConfirmDialog {...args} open trigger={<Button>Danger</Button>} />
      <ConfirmDialog {...args} tone="default" trigger={<Button>Default</Button>} />
      <ConfirmDialog {...args} busy trigger={<Button>Busy</Button>} />
    </div>
  ),
};

export const Hostile: Story = {
  args: {
    title: `${HOSTILE_TEXT} ${RTL_TEXT}`,
    description: LONG_NAME.slice(0, 3000),
    confirmLabel: HOSTILE_TEXT,
  },
  play: async () => {
    const dialog = await screen.findByRole('alertdialog');
    await expect(dialog.querySelector('img')).toBeNull();
  },
};

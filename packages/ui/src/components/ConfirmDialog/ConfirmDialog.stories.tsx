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

import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, screen, userEvent, waitFor } from 'storybook/test';
import { HOSTILE_TEXT, RTL_TEXT } from '../../testing/fixtures.js';
import { Button } from '../Button/Button.js';
import { DialogFrame, type DialogFrameProps } from './DialogFrame.js';

const meta = {
  title: 'Feedback/DialogFrame',
  component: DialogFrame,
  args: {
    open: true,
    onOpenChange: fn(),
    title: 'Bulk operations',
    children: <p>Start several runs of one job, or cancel every active run.</p>,
  },
  parameters: {
    docs: {
      description: {
        component:
          'The modal shell of every dialog (Radix Dialog): title, Close, body, optional footer. Renders in place, so a server render already holds it; `closeHref` makes Close a link for dialog routes.',
      },
      story: { inline: false, height: '360px' },
    },
  },
} satisfies Meta<typeof DialogFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const WithFooter: Story = {
  args: {
    description: 'Runs already finished are not touched.',
    footer: (
      <>
        <Button>Keep running</Button>
        <Button variant="danger">Cancel 3 runs</Button>
      </>
    ),
  },
};
export const Large: Story = { args: { size: 'large', title: 'Logs: match-scores (#12847)' } };

/** A dialog route: Close is a link to the page behind (it works without JavaScript); a click still closes in place. */
export const CloseAsLink: Story = {
  args: { closeHref: '/admin/jobs?page=2' },
  play: async ({ args }) => {
    const close = screen.getByRole('link', { name: 'Close' });
    await expect(close).toHaveAttribute('href', '/admin/jobs?page=2');
    await userEvent.click(close);
    await expect(args.onOpenChange).toHaveBeenCalledWith(false);
  },
};

function Opener(args: DialogFrameProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Open bulk operations</Button>
      <DialogFrame {...args} open={open} onOpenChange={setOpen} />
    </>
  );
}

/** Escape closes it and focus goes back to the button that opened it. */
export const EscapeReturnsFocus: Story = {
  args: { open: false },
  render: (args) => <Opener {...args} />,
  play: async ({ canvas }) => {
    const opener = canvas.getByRole('button', { name: 'Open bulk operations' });
    await userEvent.click(opener);
    await waitFor(() => expect(screen.getByRole('dialog')).toBeVisible());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(opener).toHaveFocus());
  },
};

export const Hostile: Story = {
  args: { title: `${HOSTILE_TEXT} ${RTL_TEXT}`, children: <p dir="auto">{RTL_TEXT}</p> },
};

export const AllStates: Story = {
  args: {
    closeHref: '/admin/jobs',
    description: 'One of each: description, body, footer.',
    footer: <Button>Done</Button>,
  },
};

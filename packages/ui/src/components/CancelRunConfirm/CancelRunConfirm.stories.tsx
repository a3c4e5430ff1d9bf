import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent } from 'storybook/test';
import { hostileRun, longNameRun, runningRun } from '../../testing/fixtures.js';
import { CancelRunConfirm } from './CancelRunConfirm.js';

const meta = {
  title: 'Feedback/CancelRunConfirm',
  component: CancelRunConfirm,
  args: { run: runningRun, onConfirm: fn(), onOpenChange: fn() },
  parameters: {
    docs: {
      description: {
        component:
          'The one "cancel this run?" question, on ConfirmDialog: the same title, description and buttons wherever Cancel was pressed (a card, the details dialog, the jobs panel, the page that confirms without JavaScript). `CANCEL_RUN_COPY` and `cancelRunTitle` hold the words.',
      },
      story: { inline: false, height: '320px' },
    },
  },
} satisfies Meta<typeof CancelRunConfirm>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Confirming hands the run back to the host. */
export const Default: Story = {
  play: async ({ args }) => {
    const dialog = await screen.findByRole('alertdialog', {
      name: `Cancel match-scores (#${runningRun.id})?`,
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel run' }));
    await expect(args.onConfirm).toHaveBeenCalledWith(runningRun);
    await expect(dialog).toHaveTextContent('work done so far is kept');
  },
};

/** The cancel request is in flight: both buttons wait. */
export const Busy: Story = { args: { busy: true } };

/**
 * The page form the confirmation page renders without JavaScript (a POST form, Keep running a
 * link back), in place rather than in a portal: the other form of the same question.
 */
export const AllStates: Story = {
  args: { action: '/admin/jobs/runs/12847/cancel', cancelHref: '/admin/jobs' },
  play: async () => {
    const dialog = await screen.findByRole('alertdialog', {
      name: `Cancel match-scores (#${runningRun.id})?`,
    });
    await expect(dialog.querySelector('form')).toHaveAttribute('action', '/admin/jobs/runs/12847/cancel');
    await expect(screen.getByRole('link', { name: 'Keep running' })).toHaveAttribute('href', '/admin/jobs');
  },
};

export const LongName: Story = { args: { run: longNameRun } };

export const Hostile: Story = {
  args: { run: hostileRun },
  play: async () => {
    const dialog = await screen.findByRole('alertdialog');
    await expect(dialog.querySelector('img')).toBeNull();
  },
};

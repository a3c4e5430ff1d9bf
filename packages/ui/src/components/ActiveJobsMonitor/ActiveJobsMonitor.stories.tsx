import type { JobRunSummary } from '@jobs/contracts';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import {
  cancelRequestedRun,
  hostileRun,
  indeterminateRun,
  longNameRun,
  manyRuns,
  NOW,
  queuedRun,
  runningRun,
} from '../../testing/fixtures.js';
import { JobRunCard } from '../JobRunCard/JobRunCard.js';
import { ActiveJobsMonitor } from './ActiveJobsMonitor.js';

function rowsFor(runs: readonly JobRunSummary[]) {
  const byId = new Map(runs.map((run) => [run.id, run]));
  return {
    runIds: runs.map((run) => run.id),
    renderRun: (id: string) => {
      const run = byId.get(id);
      return run ? (
        <JobRunCard run={run} variant="active" now={NOW} onCancel={() => {}} onViewDetails={() => {}} />
      ) : null;
    },
  };
}

const few = [runningRun, indeterminateRun, queuedRun, cancelRequestedRun];

const meta = {
  title: 'Jobs/ActiveJobsMonitor',
  component: ActiveJobsMonitor,
  args: { ...rowsFor(few), onStartProcessing: fn() },
  decorators: [(Story) => <div style={{ maxWidth: 760 }}>{Story()}</div>],
  parameters: {
    docs: {
      description: {
        component:
          "The live list of QUEUED and RUNNING runs. It takes run **ids** and a `renderRun(id)` so the host can give each row its own subscription (e.g. a Jotai atom per run): one run's update re-renders one row. Virtualized with @tanstack/react-virtual; rows are keyed by run id.",
      },
    },
  },
} satisfies Meta<typeof ActiveJobsMonitor>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const WithAnnouncement: Story = {
  args: { announcement: 'match-scores #12846 finished' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('match-scores #12846 finished');
  },
};
export const Loading: Story = { args: { runIds: [], loading: true } };
export const Empty: Story = {
  args: { runIds: [] },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('(No active jobs)')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Start Processing' })).toBeEnabled();
  },
};
export const EmptyWithoutAction: Story = { args: { runIds: [], onStartProcessing: undefined } };

const tenThousand = rowsFor(manyRuns(10_000));
export const TenThousandRuns: Story = {
  args: { ...tenThousand, maxHeight: 480 },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('li').length).toBeGreaterThan(0));
    // Only the rows in view (plus overscan) exist in the DOM.
    await expect(canvasElement.querySelectorAll('li').length).toBeLessThan(30);
    await expect(canvasElement.querySelector('[data-field="count"]')).toHaveTextContent('10,000');
  },
};

export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 16 }}>
      <ActiveJobsMonitor {...args} />
      <ActiveJobsMonitor {...args} runIds={[]} loading title="Loading" />
      <ActiveJobsMonitor {...args} runIds={[]} title="Empty" />
    </div>
  ),
};

export const Hostile: Story = {
  args: rowsFor([hostileRun, { ...longNameRun, status: 'RUNNING', finishedAt: null }]),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img, script')).toBeNull();
  },
};

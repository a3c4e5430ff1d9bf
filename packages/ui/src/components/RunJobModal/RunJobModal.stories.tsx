import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent, waitFor } from 'storybook/test';
import { definitions, HOSTILE_TEXT, RTL_TEXT } from '../../testing/fixtures.js';
import { RunJobModal } from './RunJobModal.js';

const meta = {
  title: 'Jobs/RunJobModal',
  component: RunJobModal,
  args: { open: true, definitions, onOpenChange: fn(), onSubmit: fn() },
  parameters: {
    docs: {
      description: {
        component:
          'The "Run New Job" dialog: a native job `<select>`, description and examples, a raw JSON `<textarea>` with "Load Defaults", a client-side syntax check with line and column, server `ApiError`s inline on their field when `retryable`, and a non-blocking duplicate warning. Fields are named `jobName` and `params` so a Remix `<Form>` can post them without JavaScript. `onSubmit({ jobName, params })`.',
      },
      story: { inline: false, height: '720px' },
    },
  },
} satisfies Meta<typeof RunJobModal>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const JobSelected: Story = { args: { defaultJobName: 'match-scores' } };
export const NoDefaults: Story = { args: { defaultJobName: 'feed-presort' } };
export const DuplicateRunning: Story = {
  args: { defaultJobName: 'match-scores', runningJobNames: new Set(['match-scores']) },
};
export const Submitting: Story = { args: { defaultJobName: 'match-scores', submitting: true } };
export const ServerErrorOnField: Story = {
  args: {
    defaultJobName: 'match-scores',
    serverError: {
      error: 'Invalid parameters',
      details: 'must be > 0',
      field: 'parameters.batchSize',
      retryable: true,
    },
  },
  play: async () => {
    const textarea = await screen.findByLabelText('Parameters (JSON)');
    await expect(textarea).toHaveAttribute('aria-invalid', 'true');
    await expect(screen.getByRole('alert')).toHaveTextContent('batchSize: must be > 0');
  },
};
/** Re-run with changes: the editor starts from a finished run's params. */
export const InitialParams: Story = {
  args: { defaultJobName: 'match-scores', initialParams: { userId: 8, batchSize: 50 } },
  play: async () => {
    const textarea = await screen.findByLabelText('Parameters (JSON)');
    await expect(textarea).toHaveValue('{\n  "userId": 8,\n  "batchSize": 50\n}');
  },
};
/** A retryable failure with no field keeps the params and offers Retry, which sends them again. */
export const RetryableServerError: Story = {
  args: {
    defaultJobName: 'match-scores',
    initialParams: { userId: 8 },
    serverError: {
      error: 'Jobs API unavailable',
      details: 'The jobs API cannot be reached.',
      retryable: true,
    },
  },
  play: async ({ args }) => {
    await userEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(args.onSubmit).toHaveBeenCalledWith({ jobName: 'match-scores', params: { userId: 8 } }),
    );
  },
};
/** Typed text is never replaced without asking. */
export const ReplaceTypedText: Story = {
  args: { defaultJobName: 'match-scores' },
  play: async () => {
    const textarea = await screen.findByLabelText('Parameters (JSON)');
    await userEvent.type(textarea, '{{"userId": 99}');
    await userEvent.click(screen.getByRole('button', { name: 'Load Defaults' }));
    await expect(await screen.findByRole('button', { name: 'Keep mine' })).toBeVisible();
  },
};
export const PermanentServerError: Story = {
  args: {
    defaultJobName: 'media-metadata',
    serverError: {
      error: 'Job disabled',
      details: 'media-metadata is disabled in this environment',
      retryable: false,
    },
  },
};

/** Load Defaults fills the textarea with the job's defaults, pretty printed. */
export const LoadDefaults: Story = {
  args: { defaultJobName: 'match-scores' },
  play: async () => {
    await userEvent.click(await screen.findByRole('button', { name: 'Load Defaults' }));
    await expect(screen.getByLabelText('Parameters (JSON)')).toHaveValue(
      '{\n  "userId": 8,\n  "batchSize": 100,\n  "candidateBatchSize": 500\n}',
    );
  },
};

/** A missing comma is refused before any request, naming its line and column. */
export const BadJson: Story = {
  args: { defaultJobName: 'match-scores' },
  play: async ({ args }) => {
    const textarea = await screen.findByLabelText('Parameters (JSON)');
    await userEvent.clear(textarea);
    await userEvent.type(textarea, '{{\n  "userId": 8\n  "batchSize": 100\n}');
    await userEvent.click(screen.getByRole('button', { name: 'Enqueue Job' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Invalid JSON at line 3, column 3'),
    );
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** Choosing a job and submitting calls onSubmit with parsed params (the e2e test's path). */
export const Submit: Story = {
  play: async ({ args }) => {
    await userEvent.selectOptions(await screen.findByLabelText('Select Job'), 'match-scores');
    await userEvent.type(screen.getByLabelText('Parameters (JSON)'), '{{"userId": 8}');
    await userEvent.click(screen.getByRole('button', { name: 'Enqueue Job' }));
    await waitFor(() =>
      expect(args.onSubmit).toHaveBeenCalledWith({ jobName: 'match-scores', params: { userId: 8 } }),
    );
  },
};

export const AllStates: Story = {
  args: {
    defaultJobName: 'match-scores',
    runningJobNames: new Set(['match-scores']),
    submitting: true,
    serverError: {
      error: 'Invalid parameters',
      details: 'userId must be an integer',
      field: 'parameters',
      retryable: true,
    },
  },
};

export const Hostile: Story = {
  args: {
    defaultJobName: HOSTILE_TEXT,
    definitions: [
      {
        id: HOSTILE_TEXT,
        name: HOSTILE_TEXT,
        description: `${RTL_TEXT} ${HOSTILE_TEXT} ${'d'.repeat(10_000)}`,
        examples: [HOSTILE_TEXT, RTL_TEXT],
        defaultParams: { [HOSTILE_TEXT]: RTL_TEXT },
        cancellable: true,
      },
      ...definitions,
    ],
    serverError: { error: HOSTILE_TEXT, details: HOSTILE_TEXT, retryable: false },
  },
  play: async () => {
    await screen.findByRole('dialog');
    await expect(document.querySelector('[role="dialog"] img')).toBeNull();
  },
};

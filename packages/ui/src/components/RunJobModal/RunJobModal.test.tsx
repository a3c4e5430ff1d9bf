import type { ApiError } from '@jobs/contracts';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { definitions } from '../../testing/fixtures.js';
import { RunJobModal, type RunJobModalProps } from './RunJobModal.js';
import { placeServerError } from './runJobForm.js';

function setup(overrides: Partial<RunJobModalProps> = {}) {
  const onSubmit = vi.fn();
  const props: RunJobModalProps = { open: true, onOpenChange: vi.fn(), definitions, onSubmit, ...overrides };
  const view = render(<RunJobModal {...props} />);
  const select = () => screen.getByLabelText('Select Job') as HTMLSelectElement;
  const textarea = () => screen.getByLabelText('Parameters (JSON)') as HTMLTextAreaElement;
  return { ...view, onSubmit, props, select, textarea };
}

const submit = () => act(async () => fireEvent.click(screen.getByRole('button', { name: 'Enqueue Job' })));

describe('RunJobModal', () => {
  it('shows the chosen job description and fills its defaults, pretty printed', async () => {
    const { select, textarea } = setup();
    fireEvent.change(select(), { target: { value: 'match-scores' } });
    expect(await screen.findByText('Compute match scores between users')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Load Defaults' }));
    await waitFor(() =>
      expect(textarea().value).toBe('{\n  "userId": 8,\n  "batchSize": 100,\n  "candidateBatchSize": 500\n}'),
    );
  });

  it('disables Load Defaults for a job without defaults', async () => {
    const { select } = setup({ defaultJobName: 'feed-presort' });
    expect(select().value).toBe('feed-presort');
    expect(screen.getByRole('button', { name: 'Load Defaults' })).toBeDisabled();
  });

  it('refuses bad JSON with its line and column and does not submit', async () => {
    const { textarea, onSubmit } = setup({ defaultJobName: 'match-scores' });
    fireEvent.change(textarea(), { target: { value: '{\n  "userId": 8\n  "batchSize": 100\n}' } });
    await submit();
    expect(await screen.findByText(/Invalid JSON at line 3, column 3/)).toBeInTheDocument();
    expect(textarea()).toHaveAttribute('aria-invalid', 'true');
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Show error in the text' }));
    expect(textarea()).toHaveFocus();
    expect(textarea().selectionStart).toBe(18);
  });

  it('refuses JSON that is not an object', async () => {
    const { textarea, onSubmit } = setup({ defaultJobName: 'match-scores' });
    fireEvent.change(textarea(), { target: { value: '[1, 2]' } });
    await submit();
    expect(await screen.findByText(/must be a JSON object/)).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits the job name and parsed params', async () => {
    const { select, textarea, onSubmit } = setup();
    fireEvent.change(select(), { target: { value: 'match-scores' } });
    fireEvent.change(textarea(), { target: { value: '{"userId": 8}' } });
    await submit();
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({ jobName: 'match-scores', params: { userId: 8 } }),
    );
  });

  it('asks for a job before submitting', async () => {
    const { onSubmit } = setup();
    await submit();
    expect(await screen.findByText('Choose a job to run')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('warns, without blocking, when the job is already running', async () => {
    const { onSubmit } = setup({
      defaultJobName: 'match-scores',
      runningJobNames: new Set(['match-scores']),
    });
    expect(screen.getByText(/Another instance of this job is currently running\./)).toBeInTheDocument();
    await submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ jobName: 'match-scores', params: {} }));
  });

  it('shows a retryable server error on the params field, and hides it once edited', async () => {
    const serverError: ApiError = {
      error: 'Invalid parameters',
      details: 'must be > 0',
      field: 'parameters.batchSize',
      retryable: true,
    };
    const { textarea } = setup({ defaultJobName: 'match-scores', serverError });
    expect(screen.getByText('batchSize: must be > 0')).toBeInTheDocument();
    expect(textarea()).toHaveAttribute('aria-invalid', 'true');
    fireEvent.change(textarea(), { target: { value: '{"batchSize": 10}' } });
    await waitFor(() => expect(screen.queryByText('batchSize: must be > 0')).not.toBeInTheDocument());
  });

  it('shows a permanent server error above the buttons', () => {
    setup({ serverError: { error: 'Unknown job', details: 'no job "x"', retryable: false } });
    expect(screen.getByRole('alert')).toHaveTextContent('Job cannot be run: no job "x"');
  });

  it('disables Enqueue Job while submitting', () => {
    setup({ submitting: true });
    expect(screen.getByRole('button', { name: 'Enqueue Job' })).toBeDisabled();
  });
});

describe('RunJobModal: adjusting and retrying', () => {
  it('starts from the params it is given (a finished run, to run again with changes)', () => {
    const { select, textarea } = setup({ defaultJobName: 'match-scores', initialParams: { userId: 42 } });
    expect(select().value).toBe('match-scores');
    expect(textarea().value).toBe('{\n  "userId": 42\n}');
  });

  it("does not keep the previous job's params when another job is chosen", async () => {
    const { select, textarea } = setup({ defaultJobName: 'match-scores' });
    fireEvent.change(textarea(), { target: { value: '{"userId": 42}' } });
    fireEvent.change(select(), { target: { value: 'media-metadata' } });
    await waitFor(() => expect(textarea().value).toBe(''));
  });

  it('asks before Load Defaults replaces typed text, and Keep mine keeps it', async () => {
    const { textarea } = setup({ defaultJobName: 'match-scores' });
    fireEvent.change(textarea(), { target: { value: '{"userId": 99}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Load Defaults' }));
    const ask = await screen.findByText('Replace the parameters you typed with the defaults?');
    expect(textarea().value).toBe('{"userId": 99}');
    fireEvent.click(screen.getByRole('button', { name: 'Keep mine' }));
    expect(ask).not.toBeInTheDocument();
    expect(textarea().value).toBe('{"userId": 99}');
    fireEvent.click(screen.getByRole('button', { name: 'Load Defaults' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Replace' }));
    await waitFor(() => expect(textarea().value).toContain('"candidateBatchSize": 500'));
  });

  it('loads an example into an empty editor with one click', async () => {
    const { textarea } = setup({ defaultJobName: 'media-metadata' });
    fireEvent.click(screen.getByRole('button', { name: 'Use example 1 in the editor' }));
    await waitFor(() => expect(textarea().value).toBe('{\n  "since": "2024-01-01"\n}'));
  });

  it('offers Retry on a retryable error above the buttons, resubmitting the same params', async () => {
    const { textarea, onSubmit } = setup({
      defaultJobName: 'match-scores',
      initialParams: { userId: 8 },
      serverError: {
        error: 'Jobs API unavailable',
        details: 'The jobs API cannot be reached.',
        retryable: true,
      },
    });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Jobs API unavailable: The jobs API cannot be reached.');
    expect(textarea().value).toBe('{\n  "userId": 8\n}');
    await act(async () => fireEvent.click(within(alert).getByRole('button', { name: 'Retry' })));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({ jobName: 'match-scores', params: { userId: 8 } }),
    );
  });

  it('offers no Retry for an error retrying cannot fix', () => {
    setup({ serverError: { error: 'Unknown job', details: 'no job "x"', retryable: false } });
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });
});

describe('placeServerError', () => {
  it('routes errors by field and retryability', () => {
    expect(placeServerError({ error: 'e', details: 'd', field: 'parameters', retryable: true })).toBe(
      'params',
    );
    expect(placeServerError({ error: 'e', details: 'd', field: 'parameters.a.b', retryable: true })).toBe(
      'params',
    );
    expect(placeServerError({ error: 'e', details: 'd', field: 'jobName', retryable: true })).toBe('jobName');
    expect(placeServerError({ error: 'e', details: 'd', field: 'parameters', retryable: false })).toBe(
      'form',
    );
    expect(placeServerError({ error: 'e', details: 'd', field: 'parametersX', retryable: true })).toBe(
      'form',
    );
  });
});

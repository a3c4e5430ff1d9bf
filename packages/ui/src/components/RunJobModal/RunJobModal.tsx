import { zodResolver } from '@hookform/resolvers/zod';
import type { ApiError, JobDefinition, JsonObject } from '@jobs/contracts';
import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { visibleText } from '../../lib/visibleText.js';
import { Button } from '../Button/index.js';
import { DialogFrame } from '../DialogFrame/DialogFrame.js';
import { SafeText } from '../SafeText/SafeText.js';
import { checkJsonSyntax } from './jsonSyntax.js';
import styles from './RunJobModal.module.css';
import {
  defaultParamsText,
  paramPath,
  parseParamsText,
  placeServerError,
  type RunJobFormValues,
  runJobFormSchema,
} from './runJobForm.js';

export interface RunJobRequest {
  jobName: string;
  params: JsonObject;
}

export interface RunJobModalProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  definitions: JobDefinition[];
  defaultJobName?: string;
  /** names of jobs with a run in progress, for the non-blocking duplicate warning */
  runningJobNames?: ReadonlySet<string>;
  submitting?: boolean;
  /** the last enqueue's ApiError; retryable ones show inline on their field */
  serverError?: ApiError | null;
  onSubmit: (request: RunJobRequest) => void;
  /** where a `<Form>` host posts without JavaScript */
  action?: string;
}

const NO_RUNNING: ReadonlySet<string> = new Set();

/** The "Run New Job" dialog: job picker, description, examples, raw JSON params, Load Defaults. */
export function RunJobModal({
  open,
  onOpenChange,
  definitions,
  defaultJobName,
  runningJobNames = NO_RUNNING,
  submitting = false,
  serverError = null,
  onSubmit,
  action,
}: RunJobModalProps) {
  const id = useId();
  const form = useForm<RunJobFormValues>({
    resolver: zodResolver(runJobFormSchema),
    mode: 'onTouched',
    defaultValues: { jobName: defaultJobName ?? '', params: '' },
  });
  const { register, handleSubmit, setValue, watch, reset, formState, getValues, setFocus } = form;
  useEffect(() => {
    if (open) reset({ jobName: defaultJobName ?? '', params: '' });
  }, [open, defaultJobName, reset]);

  // A server error describes what was sent; once that field is edited it no longer applies.
  const [editedSince, setEditedSince] = useState<ApiError | null>(null);
  const shownServerError = serverError && serverError !== editedSince ? serverError : null;
  const placement = shownServerError ? placeServerError(shownServerError) : null;

  const jobName = watch('jobName');
  const definition = definitions.find((d) => d.name === jobName);
  const defaults = defaultParamsText(definition);
  const duplicate = jobName !== '' && runningJobNames.has(jobName);

  const paramsError =
    formState.errors.params?.message ?? (placement === 'params' ? serverMessage(shownServerError) : null);
  const jobError =
    formState.errors.jobName?.message ?? (placement === 'jobName' ? serverMessage(shownServerError) : null);

  const submit = handleSubmit((values) => {
    const parsed = parseParamsText(values.params);
    if (parsed.ok) onSubmit({ jobName: values.jobName, params: parsed.params });
  });
  const editing = { onChange: () => setEditedSince(serverError) };
  // Puts the caret on the offending character, so a long params text needs no counting.
  const showSyntaxError = (text: string) => {
    const result = checkJsonSyntax(text);
    if (result.ok) return;
    setFocus('params');
    const textarea = document.getElementById(`${id}params`);
    if (textarea instanceof HTMLTextAreaElement)
      textarea.setSelectionRange(result.position, result.position + 1);
  };

  return (
    <DialogFrame
      open={open}
      onOpenChange={onOpenChange}
      title="Run New Job"
      dataAttributes={{ 'data-component': 'run-job-modal' }}
    >
      <form
        id={`${id}form`}
        className={styles.form}
        method="post"
        action={action}
        noValidate
        onSubmit={submit}
      >
        <div className={styles.field} data-invalid={jobError ? true : undefined}>
          <label htmlFor={`${id}job`}>Select Job</label>
          <select
            id={`${id}job`}
            className={styles.select}
            aria-invalid={jobError ? true : undefined}
            aria-describedby={jobError ? `${id}job-error` : undefined}
            {...register('jobName', editing)}
          >
            <option value="">Choose a job…</option>
            {definitions.map((d) => (
              <option key={d.id} value={d.name}>
                {visibleText(d.name)}
              </option>
            ))}
          </select>
          {jobError ? <FieldError id={`${id}job-error`} message={jobError} /> : null}
        </div>

        {duplicate ? (
          <p className={styles.warning} role="status" data-kind="duplicate">
            <span aria-hidden="true">⚠</span> Another instance of this job is currently running.
          </p>
        ) : null}

        {definition ? <DefinitionInfo definition={definition} /> : null}

        <div className={styles.field} data-invalid={paramsError ? true : undefined}>
          <div className={styles.labelRow}>
            <label htmlFor={`${id}params`}>Parameters (JSON)</label>
            <Button
              size="small"
              disabled={defaults === null}
              onClick={() => {
                if (defaults === null) return;
                setEditedSince(serverError);
                setValue('params', defaults, { shouldValidate: true, shouldDirty: true, shouldTouch: true });
              }}
            >
              Load Defaults
            </Button>
          </div>
          <textarea
            id={`${id}params`}
            className={styles.params}
            rows={8}
            spellCheck={false}
            placeholder={'{\n  "userId": 8\n}'}
            aria-invalid={paramsError ? true : undefined}
            aria-describedby={`${paramsError ? `${id}params-error ` : ''}${id}params-hint`}
            {...register('params', editing)}
          />
          {paramsError ? <FieldError id={`${id}params-error`} message={paramsError} /> : null}
          {formState.errors.params?.message?.startsWith('Invalid JSON') ? (
            <Button
              size="small"
              className={styles.showError}
              onClick={() => showSyntaxError(getValues('params'))}
            >
              Show error in the text
            </Button>
          ) : null}
          <p id={`${id}params-hint`} className={styles.hint}>
            <span aria-hidden="true">⚠</span> Server-side validation on submit
          </p>
        </div>

        {placement === 'form' && shownServerError ? (
          <div className={styles.formError} role="alert">
            <strong>{shownServerError.retryable ? shownServerError.error : 'Job cannot be run'}</strong>:{' '}
            <SafeText text={shownServerError.details} />
          </div>
        ) : null}

        <div className={styles.actions}>
          <Button onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={submitting} busy={submitting}>
            Enqueue Job
          </Button>
        </div>
      </form>
    </DialogFrame>
  );
}

function serverMessage(error: ApiError | null): string | null {
  if (!error) return null;
  const path = paramPath(error.field);
  return path && !error.details.includes(path) ? `${path}: ${error.details}` : error.details;
}

function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} className={styles.error} role="alert">
      <SafeText text={message} />
    </p>
  );
}

function DefinitionInfo({ definition }: { definition: JobDefinition }) {
  return (
    <div className={styles.info}>
      <h3 className={styles.subhead}>Description</h3>
      <p className={styles.description}>
        <SafeText text={definition.description} />
      </p>
      <h3 className={styles.subhead}>Example Usage</h3>
      {definition.examples.map((example, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: examples are static text that may repeat.
        <pre key={index} className={styles.example}>
          <code>{example}</code>
        </pre>
      ))}
    </div>
  );
}

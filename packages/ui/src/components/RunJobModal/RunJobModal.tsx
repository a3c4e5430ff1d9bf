import { zodResolver } from '@hookform/resolvers/zod';
import type { ApiError, JobDefinition, JsonObject } from '@jobs/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { visibleText } from '../../lib/visibleText.js';
import { Button } from '../Button/index.js';
import { DialogFrame } from '../DialogFrame/DialogFrame.js';
import { SafeText } from '../SafeText/SafeText.js';
import { paramsFromExample } from './exampleParams.js';
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
  /** params the editor starts with, e.g. a finished run's, to run it again with changes */
  initialParams?: JsonObject | null;
  /** names of jobs with a run in progress, for the non-blocking duplicate warning */
  runningJobNames?: ReadonlySet<string>;
  submitting?: boolean;
  /** the last enqueue's ApiError; retryable ones show inline on their field */
  serverError?: ApiError | null;
  onSubmit: (request: RunJobRequest) => void;
  /** where a `<Form>` host posts without JavaScript */
  action?: string;
  /** where Close goes when the dialog is a page of its own: a link that works without JavaScript */
  closeHref?: string;
}

const NO_RUNNING: ReadonlySet<string> = new Set();

/** The "Run New Job" dialog: job picker, description, examples, raw JSON params, Load Defaults. */
export function RunJobModal({
  open,
  onOpenChange,
  definitions,
  defaultJobName,
  initialParams = null,
  runningJobNames = NO_RUNNING,
  submitting = false,
  serverError = null,
  onSubmit,
  action,
  closeHref,
}: RunJobModalProps) {
  const id = useId();
  const initialText = initialParams ? JSON.stringify(initialParams, null, 2) : '';
  const form = useForm<RunJobFormValues>({
    resolver: zodResolver(runJobFormSchema),
    mode: 'onTouched',
    defaultValues: { jobName: defaultJobName ?? '', params: initialText },
  });
  const { register, handleSubmit, setValue, watch, reset, formState, getValues, setFocus } = form;
  // Text the person typed (not loaded from defaults or an example): replacing it asks first.
  const [typed, setTyped] = useState(false);
  const [replacing, setReplacing] = useState<{ text: string; source: string } | null>(null);
  const firstOpening = useRef(true);
  useEffect(() => {
    if (!open) return;
    // What was chosen or typed into the server's HTML before hydration is kept, not reset away
    // (only on the first opening: later ones start from the defaults).
    const early = firstOpening.current;
    firstOpening.current = false;
    const typedJob = early ? document.getElementById(`${id}job`) : null;
    const typedParams = early ? document.getElementById(`${id}params`) : null;
    reset({
      jobName: (typedJob instanceof HTMLSelectElement && typedJob.value) || (defaultJobName ?? ''),
      params: (typedParams instanceof HTMLTextAreaElement && typedParams.value) || initialText,
    });
    setTyped(false);
    setReplacing(null);
  }, [open, defaultJobName, initialText, reset, id]);

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
  // Another job's params rarely fit this one: switching jobs starts from an empty editor.
  const switching = {
    onChange: () => {
      setEditedSince(serverError);
      setValue('params', '', { shouldValidate: false });
      setTyped(false);
      setReplacing(null);
    },
  };
  const typing = {
    onChange: () => {
      setEditedSince(serverError);
      setTyped(true);
    },
  };
  const loadParams = (text: string) => {
    setEditedSince(serverError);
    setValue('params', text, { shouldValidate: true, shouldDirty: true, shouldTouch: true });
    setTyped(false);
    setReplacing(null);
  };
  const offerParams = (text: string, source: string) => {
    const current = getValues('params');
    if (typed && current.trim() !== '' && current !== text) setReplacing({ text, source });
    else loadParams(text);
  };
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
      {...(closeHref === undefined ? {} : { closeHref })}
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
            {...register('jobName', switching)}
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

        {definition ? (
          <DefinitionInfo definition={definition} onUse={(text, n) => offerParams(text, `example ${n}`)} />
        ) : null}

        <div className={styles.field} data-invalid={paramsError ? true : undefined}>
          <div className={styles.labelRow}>
            <label htmlFor={`${id}params`}>Parameters (JSON)</label>
            <Button
              size="small"
              disabled={defaults === null}
              onClick={() => {
                if (defaults !== null) offerParams(defaults, 'the defaults');
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
            {...register('params', typing)}
          />
          {replacing ? (
            <div className={styles.replace} role="alert" data-kind="replace-params">
              <span>Replace the parameters you typed with {replacing.source}?</span>
              <Button size="small" variant="primary" onClick={() => loadParams(replacing.text)}>
                Replace
              </Button>
              <Button size="small" onClick={() => setReplacing(null)}>
                Keep mine
              </Button>
            </div>
          ) : null}
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
            {shownServerError.retryable ? (
              // The params stay as they are: fix them if need be and send again.
              <Button type="submit" size="small" disabled={submitting} className={styles.retry}>
                Retry
              </Button>
            ) : null}
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

function DefinitionInfo({
  definition,
  onUse,
}: {
  definition: JobDefinition;
  onUse: (text: string, n: number) => void;
}) {
  return (
    <div className={styles.info}>
      <h3 className={styles.subhead}>Description</h3>
      <p className={styles.description}>
        <SafeText text={definition.description} />
      </p>
      <h3 className={styles.subhead}>Example Usage</h3>
      {definition.examples.map((example, index) => {
        const params = paramsFromExample(example);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: examples are static text that may repeat.
          <div key={index} className={styles.exampleRow}>
            <pre className={styles.example}>
              <code>{example}</code>
            </pre>
            {params ? (
              <Button
                size="small"
                aria-label={`Use example ${index + 1} in the editor`}
                onClick={() => onUse(JSON.stringify(params, null, 2), index + 1)}
              >
                Use
              </Button>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

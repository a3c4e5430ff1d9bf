import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JobDefinitionInput } from './define.js';

/** A file path (relative to the working directory) or a `file:` URL, as one `file:` URL. */
export function jobsModuleUrl(specifier: string): string {
  if (specifier.startsWith('file:')) return specifier;
  return pathToFileURL(isAbsolute(specifier) ? specifier : resolve(process.cwd(), specifier)).href;
}

function isDefinition(value: unknown): value is JobDefinitionInput {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { name?: unknown }).name === 'string' &&
    typeof (value as { run?: unknown }).run === 'function'
  );
}

/**
 * The job definitions a module exports: its default export (one definition or an array of them)
 * and every named export that is a definition or an array of definitions, each once. The API, the
 * worker threads and the worker processes all load definitions through this one function, so they
 * agree on what a module offers.
 */
export async function loadJobDefinitions(specifier: string): Promise<JobDefinitionInput[]> {
  const mod = (await import(jobsModuleUrl(specifier))) as Record<string, unknown>;
  const found: JobDefinitionInput[] = [];
  const seen = new Set<JobDefinitionInput>();
  const add = (value: unknown) => {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (isDefinition(item) && !seen.has(item)) {
        seen.add(item);
        found.push(item);
      }
    }
  };
  add(mod.default);
  for (const [name, value] of Object.entries(mod)) if (name !== 'default') add(value);
  if (found.length === 0) {
    throw new Error(
      `${specifier} exports no job definitions (export defineJob(...) results, or an array of them)`,
    );
  }
  return found;
}

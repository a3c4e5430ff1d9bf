import { apiError, RawField } from '@jobs/contracts';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { errorResponse } from '../services/api-errors.server.js';
import { requireApiUser } from '../services/auth.server.js';
import { JobsApiError } from '../services/jobs-api.server.js';

/** The whole stored value as a download (what a `tooLarge` marker links to), streamed through. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireApiUser(request, context);
  const field = RawField.safeParse(params.field);
  if (!field.success)
    throw errorResponse(400, apiError('Invalid field', 'Use params, metadata or error.', false));
  const id = params.id ?? '';
  try {
    const upstream = await context.services.api.raw(id, field.data);
    const safeId = id.replace(/[^\w.-]/g, '_');
    return new Response(upstream.body, {
      headers: {
        'content-type': 'application/json',
        'content-disposition': `attachment; filename="run-${safeId}-${field.data}.json"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (JobsApiError.is(error)) return errorResponse(error.status, error.body);
    throw error;
  }
}

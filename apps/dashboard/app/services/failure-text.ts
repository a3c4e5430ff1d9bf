import * as light from '@jobs/contracts/light';
import { isRouteErrorResponse } from '@remix-run/react';

/**
 * What a failed load says on screen. The jobs API's ApiError is written for people and is shown as
 * is; anything else (a dropped connection, a proxy's 503 page that the framework cannot decode) is
 * a transport detail, so the screen says what it means instead of quoting it.
 */
export function failureText(error: unknown): { status: number | null; message: string } {
  if (isRouteErrorResponse(error)) {
    const body = light.ApiError.safeParse(error.data);
    if (body.success) return { status: error.status, message: `${body.data.error}: ${body.data.details}` };
    if (error.status === 404) return { status: 404, message: 'There is nothing at this address.' };
    return { status: error.status, message: unreachable(error.status) };
  }
  return { status: null, message: unreachable(null) };
}

function unreachable(status: number | null): string {
  return status !== null && status < 500
    ? `The dashboard refused the request (${status}).`
    : 'The dashboard could not be reached or did not answer properly. Check the connection and retry.';
}

/**
 * Server rendering with this request's CSP nonce on every inline script Remix writes (the hydration
 * context, streamed single-fetch chunks, scroll restoration), and errors logged as JSON lines.
 */
import { PassThrough } from 'node:stream';
import {
  type AppLoadContext,
  createReadableStreamFromReadable,
  type EntryContext,
  type HandleErrorFunction,
} from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { NonceContext } from './nonce.js';
import { logger } from './services/logger.server.js';
import { trimPaths } from './services/trim-paths.server.js';

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
      resolve(
        new Response(createReadableStreamFromReadable(body), {
          headers: responseHeaders,
          status: responseStatusCode,
        }),
      );
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        ...(waitForAll ? { onAllReady: ready } : { onShellReady: ready }),
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) handleError(error, { request, params: {}, context: loadContext });
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/** Remix's errors as one JSON line each (a GET to a POST-only route included), paths trimmed. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  const url = new URL(request.url);
  const status =
    typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const fields = { method: request.method, path: url.pathname, status, message: trimPaths(message) };
  if (status !== undefined && status < 500) logger.warn('dashboard.request_error', fields);
  else
    logger.error('dashboard.request_error', {
      ...fields,
      stack: error instanceof Error && error.stack ? trimPaths(error.stack) : undefined,
    });
};

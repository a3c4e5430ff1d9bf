import {
  type AppLoadContext,
  createRequestHandler,
  type ServerBuild,
  writeReadableStreamToWritable,
} from '@remix-run/node';
import type { Request as ExpressRequest, RequestHandler } from 'express';

/**
 * Remix behind Express, like @remix-run/express's handler, with one difference: the body is the
 * buffer `bodyLimits()` already read within its limit, never the raw socket stream.
 */
export function remixHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: string;
  getLoadContext: (req: ExpressRequest, res: Parameters<RequestHandler>[1]) => AppLoadContext;
}): RequestHandler {
  const handle = createRequestHandler(options.build, options.mode);
  return async (req, res, next) => {
    try {
      const controller = new AbortController();
      let finished = false;
      res.on('finish', () => {
        finished = true;
      });
      res.on('close', () => {
        if (!finished) controller.abort();
      });
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) for (const v of value) headers.append(key, v);
        else if (value !== undefined) headers.set(key, value);
      }
      const body = res.locals.body as Buffer | undefined;
      const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
      const request = new Request(url.href, {
        method: req.method,
        headers,
        signal: controller.signal,
        ...(req.method !== 'GET' && req.method !== 'HEAD'
          ? { body: new Uint8Array(body ?? Buffer.alloc(0)) }
          : {}),
      });
      const response = await handle(request, options.getLoadContext(req, res));
      res.statusMessage = response.statusText;
      res.status(response.status);
      // Pages and resources show or change a logged-in user's data: never stored by any cache.
      res.setHeader('Cache-Control', 'no-store');
      for (const [key, value] of response.headers.entries()) {
        if (key === 'cache-control') res.setHeader(key, value);
        else res.append(key, value);
      }
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}

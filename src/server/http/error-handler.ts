import type { ApiErrorBody } from '../../contracts/api-error';
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import type { Logger } from '../infra/logger';
import { AppError } from '../errors';
import { wasAnsweredUnavailable } from './unavailable-gate';

/** Maps every failure to a JSON `{code, message}`; unknown errors become 500 and are logged without request data. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    // The answer is out (the gate answered 503 while Redis was down, or a stream failed midway): nothing more
    // can be said to this client, and a second answer would throw ERR_HTTP_HEADERS_SENT.
    if (res.headersSent) {
      if (!wasAnsweredUnavailable(res)) log.warn({ err: { name: error?.name, message: error?.message } }, 'error after the answer was sent');
      return;
    }
    if (error instanceof AppError) {
      res.status(error.httpStatus).json({ code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) });
      return;
    }
    if (error instanceof ZodError) {
      res.status(400).json({ code: 'invalid_request', message: 'The request is not valid.', issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) } satisfies ApiErrorBody);
      return;
    }
    const status = typeof error?.status === 'number' ? error.status : typeof error?.statusCode === 'number' ? error.statusCode : 500;
    if (status === 413) {
      res.status(413).json({ code: 'payload_too_large', message: 'The request body is larger than allowed.' } satisfies ApiErrorBody);
      return;
    }
    if (status >= 400 && status < 500) {
      res.status(status).json({ code: 'bad_request', message: 'The request could not be read.' } satisfies ApiErrorBody);
      return;
    }
    log.error({ err: { name: error?.name, message: error?.message, stack: error?.stack } }, 'unhandled error');
    res.status(500).json({ code: 'internal_error', message: 'Something went wrong on our side. Try again in a minute.' } satisfies ApiErrorBody);
  };
}

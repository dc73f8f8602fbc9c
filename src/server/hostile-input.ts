import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { FORBIDDEN_TEXT_MESSAGE, findForbiddenText } from '../contracts/common';
import { AppError } from '../services/errors';
import type { App } from './app';

/**
 * Enforces the common text rule (src/contracts/common.ts) on every request, before validation:
 * a string anywhere in the JSON body, the query string or the path parameters with a control
 * character or a lone surrogate is a 400 naming the field. One place, so a route added later is
 * covered without its contract having to remember ZText; PostgreSQL would refuse a NUL with a 500.
 */
export function registerHostileInputGuard(app: App): void {
  app.addHook('preValidation', async (req) => {
    for (const [where, value] of [
      ['params', req.params],
      ['querystring', req.query],
      ['body', req.body],
    ] as const) {
      const field = findForbiddenText(value);
      if (field !== null) {
        throw new AppError(
          'validation_failed',
          `${where}${field ? `.${field}` : ''}: ${FORBIDDEN_TEXT_MESSAGE}`,
          field || undefined,
        );
      }
    }
  });
}

/**
 * Errors Fastify meets before routing (a URL it cannot decode, e.g. `%ud800`; a bad content-type
 * header) bypass the error handler and would answer in Fastify's own shape without the security
 * headers: answered here as the API's JSON error body instead.
 */
export function frameworkErrorHandler(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
  void reply
    .status(status)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'")
    .type('application/json; charset=utf-8')
    .send({
      error: {
        code: status === 415 ? 'unsupported_media_type' : 'bad_request',
        message: err.code === 'FST_ERR_BAD_URL' ? 'The URL is not valid' : 'The request is not valid',
      },
    });
}

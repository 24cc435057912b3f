/**
 * The Celonis Event Subscription API on the reference target (prefix
 * /subscription/intelligence/api): knowledge models, triggers and subscriptions over real
 * in-memory state. Every request passes the same gates in the same order:
 *   identify (401s) → rate limit per identity, anonymous callers sharing one bucket (429)
 *   → API disabled for the caller's team (403, empty body) → route (404 path, 405)
 *   → per handler: knowledge model 404/403 → trigger or subscription 404 → 403 access/ownership
 *   → 400 parameters and body → 403 quota / 400 status.
 * Every response carries the caller's x-ratelimit-* headers. An unexpected fault is answered as
 * the Common catalog's ADMIN_FATAL_ERROR (and logged), never with a stack trace.
 */
import { randomUUID } from 'node:crypto';
import type { ApiModule } from '../../api.js';
import { ApiError, type RefRequest, type RefResponse } from '../../http.js';
import { dispatch, type Routing } from '../../router.js';
import { ACTION_ROUTES } from './actions.js';
import { identify } from './auth.js';
import { ENTRIES, fail, Reply } from './errors.js';
import { DEFAULT_RATE, DISABLED_TEAMS } from './fixtures.js';
import { KM_ROUTES } from './knowledge-models.js';
import { RateLimiter } from './ratelimit.js';
import { methodNotAllowed, notFound, type Ctx } from './routes.js';
import { SubscriptionState } from './state.js';
import { SUBSCRIPTION_ROUTES } from './subscriptions.js';

export const ROUTING: Routing<Ctx> = { routes: [...KM_ROUTES, ...SUBSCRIPTION_ROUTES, ...ACTION_ROUTES], notFound, methodNotAllowed };
export const PREFIX = '/subscription/intelligence/api';

export const subscription: ApiModule = {
  api: 'subscription',
  entries: ENTRIES,
  create: (ctx) => {
    const state = new SubscriptionState(ctx.now);
    const limiter = new RateLimiter(ctx.now);

    function serve(req: RefRequest): RefResponse {
      const who = identify(req);
      const user = who instanceof ApiError ? undefined : who;
      const verdict = limiter.take(user?.id ?? 'anonymous', user?.rate ?? DEFAULT_RATE);
      const withRate = (res: RefResponse): RefResponse => ({ ...res, headers: { ...verdict.headers, ...res.headers } });
      try {
        if (!user) throw who;
        if (!verdict.allowed) throw fail('LIMIT_RATE_EXCEEDED', { title: 'Rate limit exceeded', detail: 'Too many requests; retry after the time in Retry-After.' });
        if (DISABLED_TEAMS.has(user.team)) throw fail('common-api-disabled');
        return withRate(dispatch(ROUTING, req, { user, state }));
      } catch (err) {
        if (err instanceof Reply) return withRate(err.response);
        if (err instanceof ApiError) throw new ApiError(err.entryId, err.fields, { ...verdict.headers, ...err.headers }, err.status);
        const support = randomUUID();
        process.stderr.write(`subscription reference target: internal error (support id ${support}): ${(err as Error).stack ?? String(err)}\n`);
        throw new ApiError(ENTRIES.id('ADMIN_FATAL_ERROR'), { title: 'Unexpected error.', status: 500, detail: `An unexpected error occurred. Celonis Support ID: ${support}` }, verdict.headers);
      }
    }

    return { api: 'subscription', prefix: PREFIX, handle: serve };
  },
};

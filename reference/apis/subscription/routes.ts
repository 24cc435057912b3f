/**
 * The subscription API's routing (reference/router.ts's table shape): an unknown path is the
 * Common catalog's GENERAL_NOTFOUND_PATH; a known path with another method is an (undocumented)
 * 405 with `Allow`. HEAD is answered as GET (node:http drops the body).
 */
import type { RefRequest, RefResponse } from '../../http.js';
import type { Call as RouterCall, Route as RouterRoute } from '../../router.js';
import { fail, problemReply } from './errors.js';
import type { User } from './fixtures.js';
import type { SubscriptionState } from './state.js';

export interface Ctx { user: User; state: SubscriptionState }
export type Call = RouterCall<Ctx>;
export type Route = RouterRoute<Ctx>;

/** How the API names its own paths: the mount prefix of the shared server is not part of it. */
export const API_ROOT = '/intelligence/api';

export function notFound(req: RefRequest): RefResponse {
  throw fail('GENERAL_NOTFOUND_PATH', { title: 'Path not found.', detail: `Path ${API_ROOT}${req.path} not found` });
}

export function methodNotAllowed(req: RefRequest, allow: string): RefResponse {
  throw problemReply(405, 'Method not allowed.', `Method ${req.method} is not supported for ${API_ROOT}${req.path}.`, { Allow: allow });
}

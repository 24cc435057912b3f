/**
 * CloudPirates' routing (reference/router.ts's table shape). The page documents no 405: a URL
 * that serves no such request is "invalid" in its 404 sense, so an unknown path and a known one
 * with another method are both 404. A trailing slash is ignored.
 */
import type { RefResponse } from '../../http.js';
import type { Call as RouterCall, Route as RouterRoute } from '../../router.js';
import { notFound as notFoundError } from './errors.js';
import type { Caller, Identities } from './identities.js';
import type { Store } from './store.js';

/** What every handler gets besides the request. */
export interface Ctx {
  caller: Caller;
  store: Store;
  ids: Identities;
  now(): number;
}
export type Call = RouterCall<Ctx>;
export type Route = RouterRoute<Ctx>;

export function notFound(): RefResponse {
  throw notFoundError();
}

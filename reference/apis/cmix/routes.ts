/**
 * cmix's routing (reference/router.ts's table shape): an unknown path is 404; a known path with
 * another method is 405 with `Allow` listing exactly what the path supports (HEAD wherever GET
 * is, since node:http answers HEAD from the GET response without its body).
 */
import type { RefRequest, RefResponse } from '../../http.js';
import type { Call as RouterCall, Route as RouterRoute } from '../../router.js';
import { cmixError } from './errors.js';
import type { Identity } from './fixtures.js';
import type { CmixState } from './state.js';

export interface Ctx { who: Identity; state: CmixState }
export type Call = RouterCall<Ctx>;
export type Route = RouterRoute<Ctx>;

export function notFound(req: RefRequest): RefResponse {
  throw cmixError('not-found', `No resource exists at ${req.originalPath}.`);
}

export function methodNotAllowed(req: RefRequest, allow: string): RefResponse {
  throw cmixError('method-not-allowed', `Method ${req.method} is not permitted for ${req.originalPath}.`, undefined, { Allow: allow });
}

/** Integer ids as cmix uses them; anything else names no resource. */
export function parseId(text: string | undefined): number | undefined {
  return text !== undefined && /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : undefined;
}

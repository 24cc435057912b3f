/** What each API module of the reference target provides to the server. */
import type { LoadedCatalog } from '../src/catalog/types.js';
import type { EntrySet } from './entries.js';
import type { RefRequest, RefResponse } from './http.js';

export interface ReferenceOptions {
  /** how long a CloudPirates write stays invisible to reads, in ms */
  lagMs: number;
}

export interface ApiContext {
  catalog: LoadedCatalog;
  options: ReferenceOptions;
  /** current time in ms; injectable for tests */
  now(): number;
}

export interface ReferenceApi {
  /** catalog api name, e.g. `cmix` */
  api: string;
  /** mount prefix on the shared server, e.g. `/cmix`; the base URL is origin + prefix */
  prefix: string;
  /** handle a request below the prefix; throw or return ApiError for documented errors */
  handle(req: RefRequest): Promise<RefResponse> | RefResponse;
}

/**
 * One API module: its catalog name, the catalog entries it answers with (the server checks them
 * against the catalog before `create`), and how to build its handler over fresh state.
 */
export interface ApiModule {
  api: string;
  entries: EntrySet<string>;
  create(ctx: ApiContext): ReferenceApi;
}

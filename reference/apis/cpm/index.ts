/**
 * Celonis Process Management on the reference target (prefix /cpm/faultline/default/_api/rest,
 * i.e. collection `faultline`, storage `default`). Gates: 401 without a valid token (header
 * `symbio-auth-token`, or the query parameter of the same name) → 404 for unknown paths,
 * facets, views and elements → 400 for malformed listing options ($filter, $select, $page...).
 */
import type { ApiModule } from '../../api.js';
import { header, type RefRequest } from '../../http.js';
import { dispatch } from '../../router.js';
import { READER_TOKEN } from './data.js';
import { ROUTING } from './elements.js';
import { ENTRIES, unauthorized } from './errors.js';

const TOKENS = new Set([READER_TOKEN]);

export const cpm: ApiModule = {
  api: 'cpm',
  entries: ENTRIES,
  create: () => {
    return {
      api: 'cpm',
      prefix: '/cpm/faultline/default/_api/rest',
      handle: (req: RefRequest) => {
        // The header wins over the query parameter when both are given.
        const token = header(req, 'symbio-auth-token') ?? req.query.get('symbio-auth-token') ?? '';
        if (!TOKENS.has(token.trim())) throw unauthorized();
        return dispatch(ROUTING, req, {});
      },
    };
  },
};

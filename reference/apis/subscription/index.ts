/** subscription on the reference target. PLACEHOLDER until its module is written: answers 501 to everything. */
import type { ApiModule } from '../../api.js';

export const subscription: ApiModule = {
  api: 'subscription',
  create: () => ({
    api: 'subscription',
    prefix: '/subscription/intelligence/api',
    handle: () => ({ status: 501, body: 'not implemented yet', contentType: 'text/plain' }),
  }),
};

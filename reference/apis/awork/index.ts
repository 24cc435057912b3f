/** awork on the reference target. PLACEHOLDER until its module is written: answers 501 to everything. */
import type { ApiModule } from '../../api.js';

export const awork: ApiModule = {
  api: 'awork',
  create: () => ({
    api: 'awork',
    prefix: '/awork/api/v1',
    handle: () => ({ status: 501, body: 'not implemented yet', contentType: 'text/plain' }),
  }),
};

/** cpm on the reference target. PLACEHOLDER until its module is written: answers 501 to everything. */
import type { ApiModule } from '../../api.js';

export const cpm: ApiModule = {
  api: 'cpm',
  create: () => ({
    api: 'cpm',
    prefix: '/cpm/faultline/default/_api/rest',
    handle: () => ({ status: 501, body: 'not implemented yet', contentType: 'text/plain' }),
  }),
};

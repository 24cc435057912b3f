/** cloudpirates on the reference target. PLACEHOLDER until its module is written: answers 501 to everything. */
import type { ApiModule } from '../../api.js';

export const cloudpirates: ApiModule = {
  api: 'cloudpirates',
  create: () => ({
    api: 'cloudpirates',
    prefix: '/cloudpirates/v1',
    handle: () => ({ status: 501, body: 'not implemented yet', contentType: 'text/plain' }),
  }),
};

/** cmix on the reference target. PLACEHOLDER until its module is written: answers 501 to everything. */
import type { ApiModule } from '../../api.js';

export const cmix: ApiModule = {
  api: 'cmix',
  create: () => ({
    api: 'cmix',
    prefix: '/cmix',
    handle: () => ({ status: 501, body: 'not implemented yet', contentType: 'text/plain' }),
  }),
};

/** What the API shows of its resources. Callback header values may be secrets: only names are shown. */
import type { Json } from '../../../src/catalog/types.js';
import type { KnowledgeModel, Subscription } from './state.js';

export const KM_SORTABLE = ['id', 'name'] as const;
export const TRIGGER_SORTABLE = ['id', 'name'] as const;
export const SUBSCRIPTION_SORTABLE = ['id', 'name', 'status', 'createdAt', 'knowledgeModelId', 'triggerId'] as const;

export const kmView = (km: KnowledgeModel): Record<string, Json> => ({ id: km.id, name: km.name });

export const triggerView = (km: KnowledgeModel, t: { id: string; name: string }): Record<string, Json> =>
  ({ id: t.id, name: t.name, knowledgeModelId: km.id });

export function subscriptionView(s: Subscription): Record<string, Json> {
  return {
    id: s.id, name: s.name, knowledgeModelId: s.knowledgeModelId, triggerId: s.triggerId, owner: s.owner,
    status: s.status, createdAt: s.createdAt, latestOffset: s.latestOffset, nextOffset: s.nextOffset,
    callbackInfo: { uri: s.callbackInfo.uri, protocol: s.callbackInfo.protocol, headers: Object.keys(s.callbackInfo.headers) },
    configurations: s.configurations,
  };
}

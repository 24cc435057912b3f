/**
 * The subscription API's in-memory state: knowledge models with their triggers, and
 * subscriptions with status and offsets. Handlers run synchronously on one thread, so a check
 * and the change it guards (quota, then insert) can never interleave with another request.
 * Permission rules live here, next to the data they guard.
 */
import { randomUUID } from 'node:crypto';
import type { User } from './fixtures.js';
import { KM_ID, SEED_KMS, SEED_SUBSCRIPTIONS, TEAM, TRIGGER_ID } from './fixtures.js';
import { fail } from './errors.js';

export type Status = 'ACTIVE' | 'PAUSED' | 'FAILED' | 'SUSPENDED';

export interface CallbackInfo { uri: string; protocol: 'HTTPS'; headers: Record<string, string> }
export interface SubscriptionSpec { name: string; callbackInfo: CallbackInfo; configurations: string[] }

export interface Subscription extends SubscriptionSpec {
  id: string;
  team: string;
  knowledgeModelId: string;
  triggerId: string;
  owner: string;
  status: Status;
  createdAt: string;
  /** offset of the latest event received for the subscription */
  latestOffset: number;
  /** offset the next delivery starts from (moved by replay and resume-from-latest) */
  nextOffset: number;
  /** offsets of events whose delivery failed, oldest first; extracted manually page by page */
  failedEvents: number[];
}

export interface KnowledgeModel { id: string; name: string; team: string; triggers: Map<string, { id: string; name: string }> }

export class SubscriptionState {
  readonly kms = new Map<string, KnowledgeModel>();
  readonly subscriptions = new Map<string, Subscription>();

  constructor(private readonly now: () => number) {
    for (const k of SEED_KMS) this.kms.set(k.id, { ...k, triggers: new Map(k.triggers.map((t) => [t.id, t])) });
    for (const s of SEED_SUBSCRIPTIONS) {
      const failedEvents = Array.from({ length: s.failedEvents }, (_, i) => s.latestOffset - s.failedEvents + 1 + i);
      this.subscriptions.set(s.id, {
        id: s.id, name: s.name, team: TEAM, knowledgeModelId: KM_ID, triggerId: TRIGGER_ID, owner: s.owner,
        status: s.status, createdAt: new Date(0).toISOString(), latestOffset: s.latestOffset, nextOffset: failedEvents[0] ?? s.latestOffset,
        failedEvents, callbackInfo: { uri: 'https://callback.faultline.example/hook', protocol: 'HTTPS', headers: {} }, configurations: [],
      });
    }
  }

  /** A knowledge model the user may use: 404 when the team has none by that id, 403 without permission. */
  knowledgeModel(user: User, id: string): KnowledgeModel {
    const km = this.kms.get(id);
    if (!km || km.team !== user.team) throw fail('KM_MODEL_NOTFOUND');
    if (user.deniedKms.includes(id)) throw fail('ADMIN_ACCESS_ERROR');
    return km;
  }

  canSee(user: User, s: Subscription): boolean {
    return s.team === user.team && !user.deniedKms.includes(s.knowledgeModelId);
  }

  /** A subscription the user may change: it exists in the team, its model is open to the user, and the user owns it or is an admin. */
  changeable(user: User, id: string): Subscription {
    const s = this.subscriptions.get(id);
    if (!s || s.team !== user.team) throw fail('SUBSCRIPTION_SUBSCRIPTION_NOTFOUND');
    if (!this.canSee(user, s)) throw fail('SUBSCRIPTION_SUBSCRIPTION_ACCESSDENIED');
    if (!user.admin && s.owner !== user.id) throw fail('SUBSCRIPTION_FORBIDDEN');
    return s;
  }

  owned(user: User): number {
    let n = user.preexisting;
    for (const s of this.subscriptions.values()) if (s.owner === user.id) n++;
    return n;
  }

  create(user: User, km: KnowledgeModel, triggerId: string, spec: SubscriptionSpec): Subscription {
    const s: Subscription = {
      ...spec, id: randomUUID(), team: user.team, knowledgeModelId: km.id, triggerId, owner: user.id, status: 'ACTIVE',
      createdAt: new Date(this.now()).toISOString(), latestOffset: 0, nextOffset: 0, failedEvents: [],
    };
    this.subscriptions.set(s.id, s);
    return s;
  }
}

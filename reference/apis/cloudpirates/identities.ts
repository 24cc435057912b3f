/**
 * Who may call the CloudPirates reference target: fixed users with fixed credentials (the values
 * env/reference.env hands to the suite), plus API keys created at run time. Authentication reads
 * this store directly, not an eventually consistent read model, so a new key works at once.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { fixture } from '../../fixtures.js';

export type Scheme = 'ApiKey' | 'Bearer';
export interface Identity { id: string; name: string; email: string }
export interface ApiKey { id: string; label: string; key: string; identityId: string; createdAt: string }
export interface Caller { identity: Identity; scheme: Scheme }

export const USERS = {
  owner: { id: '0b5c7c4e-5d1a-4c59-9a51-0f1e2a3b4c01', name: 'Olivia Owner', email: 'olivia.owner@faultline.test' },
  viewer: { id: '0b5c7c4e-5d1a-4c59-9a51-0f1e2a3b4c02', name: 'Vera Viewer', email: 'vera.viewer@faultline.test' },
  member: { id: '0b5c7c4e-5d1a-4c59-9a51-0f1e2a3b4c03', name: 'Max Member', email: 'max.member@faultline.test' },
} satisfies Record<string, Identity>;

/**
 * Fixture credentials: API keys (the owner's and viewer's are env/reference.env's
 * CLOUDPIRATES_TOKEN_*; the member's is used by no recipe) and Bearer tokens (as if from a login).
 */
export const FIXTURE_KEYS = { owner: fixture('CLOUDPIRATES_TOKEN_OWNER'), viewer: fixture('CLOUDPIRATES_TOKEN_VIEWER'), member: 'cp_key_member_8a03f5e6b1' };
export const FIXTURE_BEARERS = { owner: 'cp_bearer_owner_93c1e7d45a', viewer: 'cp_bearer_viewer_5e2f0b9c83', member: 'cp_bearer_member_c47a1d6e02' };

const FIXTURE_KEY_SET = new Set<string>(Object.values(FIXTURE_KEYS));

/** Created keys kept per identity; older ones are forgotten, so repeated runs never exhaust anything. */
export const KEYS_KEPT = 50;

export class Identities {
  private readonly byId = new Map<string, Identity>();
  private readonly keys = new Map<string, ApiKey>();
  private readonly bearers = new Map<string, string>();

  constructor(private readonly now: () => number) {
    for (const [role, user] of Object.entries(USERS) as [keyof typeof USERS, Identity][]) {
      this.byId.set(user.id, user);
      this.keys.set(FIXTURE_KEYS[role], { id: randomUUID(), label: 'fixture', key: FIXTURE_KEYS[role], identityId: user.id, createdAt: new Date(0).toISOString() });
      this.bearers.set(FIXTURE_BEARERS[role], user.id);
    }
  }

  byEmail(email: string): Identity | undefined {
    const e = email.toLowerCase();
    for (const u of this.byId.values()) if (u.email === e) return u;
    return undefined;
  }

  get(id: string): Identity | undefined {
    return this.byId.get(id);
  }

  /** The caller a credential names, or undefined when the credential is unknown. */
  resolve(scheme: Scheme, credential: string): Caller | undefined {
    const id = scheme === 'ApiKey' ? this.keys.get(credential)?.identityId : this.bearers.get(credential);
    const identity = id === undefined ? undefined : this.byId.get(id);
    return identity ? { identity, scheme } : undefined;
  }

  listKeys(identityId: string): ApiKey[] {
    return [...this.keys.values()].filter((k) => k.identityId === identityId);
  }

  createKey(identityId: string, label: string): ApiKey {
    const key: ApiKey = { id: randomUUID(), label, key: `cp_key_${randomBytes(12).toString('hex')}`, identityId, createdAt: new Date(this.now()).toISOString() };
    this.keys.set(key.key, key);
    const created = this.listKeys(identityId).filter((k) => !FIXTURE_KEY_SET.has(k.key));
    for (const old of created.slice(0, Math.max(0, created.length - KEYS_KEPT))) this.keys.delete(old.key);
    return key;
  }
}

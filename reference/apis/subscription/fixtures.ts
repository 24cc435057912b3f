/**
 * The subscription reference target's fixtures: identities (by token), knowledge models with
 * their triggers, and the subscriptions no recipe can create (a suspended one, a failed one).
 * Tokens and the ids recipes name are env/reference.env's (subscription section), read through
 * `fixture`; nothing here is a secret.
 */
import { fixture } from '../../fixtures.js';

/** Subscriptions a user may own (docs/apis.md: quota 10,000). */
export const QUOTA = 10_000;

/** A token bucket: `limit` requests, refilled evenly over `windowSec`. */
export interface Rate { limit: number; windowSec: number }
/** Generous enough that no test but the 429 one ever meets it. */
export const DEFAULT_RATE: Rate = { limit: 10_000, windowSec: 60 };

export interface User {
  id: string;
  team: string;
  admin: boolean;
  /** knowledge models this user has no permission on */
  deniedKms: readonly string[];
  /** subscriptions owned outside this target's memory: counts toward the quota */
  preexisting: number;
  rate: Rate;
}

export const TEAM = 'faultline';
export const KM_ID = fixture('SUBSCRIPTION_KM_ID');
export const TRIGGER_ID = fixture('SUBSCRIPTION_TRIGGER_ID');
export const RESTRICTED_KM_ID = fixture('SUBSCRIPTION_RESTRICTED_KM_ID');
export const RESTRICTED_TRIGGER_ID = fixture('SUBSCRIPTION_RESTRICTED_TRIGGER_ID');
export const SUSPENDED_ID = fixture('SUBSCRIPTION_SUSPENDED_ID');
export const FAILED_ID = 'faultline-failed';
/** Teams for which the Intelligence API is switched off. */
export const DISABLED_TEAMS: ReadonlySet<string> = new Set(['faultline-api-off']);

const user = (id: string, more: Partial<User> = {}): User =>
  ({ id, team: TEAM, admin: false, deniedKms: [], preexisting: 0, rate: DEFAULT_RATE, ...more });

export const USERS_BY_TOKEN: ReadonlyMap<string, User> = new Map([
  [fixture('SUBSCRIPTION_TOKEN_ADMIN'), user('faultline-admin', { admin: true })],
  [fixture('SUBSCRIPTION_TOKEN_MEMBER'), user('faultline-member')],
  [fixture('SUBSCRIPTION_TOKEN_RESTRICTED'), user('faultline-restricted', { deniedKms: [RESTRICTED_KM_ID] })],
  [fixture('SUBSCRIPTION_TOKEN_AT_QUOTA'), user('faultline-at-quota', { preexisting: QUOTA })],
  [fixture('SUBSCRIPTION_TOKEN_RATE_LIMITED'), user('faultline-rate-limited', { rate: { limit: 5, windowSec: 60 } })],
  [fixture('SUBSCRIPTION_TOKEN_API_DISABLED'), user('faultline-api-off-user', { team: 'faultline-api-off' })],
]);

export interface SeedKm { id: string; name: string; team: string; triggers: { id: string; name: string }[] }

export const SEED_KMS: readonly SeedKm[] = [
  {
    id: KM_ID, name: 'faultline fixture knowledge model', team: TEAM,
    triggers: [
      { id: TRIGGER_ID, name: 'Order blocked' },
      { id: 'faultline-trigger-late-payment', name: 'Late payment' },
      { id: 'faultline-trigger-duplicate-invoice', name: 'Duplicate invoice' },
    ],
  },
  { id: RESTRICTED_KM_ID, name: 'faultline restricted knowledge model', team: TEAM, triggers: [{ id: RESTRICTED_TRIGGER_ID, name: 'Restricted trigger' }] },
];

export interface SeedSubscription { id: string; name: string; status: 'FAILED' | 'SUSPENDED'; owner: string; latestOffset: number; failedEvents: number }

/** Both can only come about by failing deliveries, which this target never attempts. */
export const SEED_SUBSCRIPTIONS: readonly SeedSubscription[] = [
  { id: SUSPENDED_ID, name: 'faultline suspended fixture', status: 'SUSPENDED', owner: 'faultline-admin', latestOffset: 42, failedEvents: 12 },
  { id: FAILED_ID, name: 'faultline failed fixture', status: 'FAILED', owner: 'faultline-member', latestOffset: 7, failedEvents: 3 },
];

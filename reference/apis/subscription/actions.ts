/**
 * PATCH /subscriptions/{id}/{action}: the status machine. Which statuses each action accepts,
 * and what it does:
 *   pause               ACTIVE, FAILED             → PAUSED
 *   resume              PAUSED, FAILED, SUSPENDED  → ACTIVE
 *   resume-from-latest  PAUSED, FAILED, SUSPENDED  → ACTIVE, skipping to the latest offset
 *   replay?fromOffset=N ACTIVE, PAUSED, FAILED     → delivery restarts at N (0..latest offset)
 *   events              FAILED, SUSPENDED          → the next page of failed events (manual extract)
 * A refused action is SUBSCRIPTION_CANT_EXTRACT for events, SUBSCRIPTION_SUSPENDED on a suspended
 * subscription, else SUBSCRIPTION_ILLEGAL_STATUS.
 */
import type { Json } from '../../../src/catalog/types.js';
import { json, type RefRequest } from '../../http.js';
import { fail, missing, typeMismatch } from './errors.js';
import type { Route } from './routes.js';
import type { Status, Subscription } from './state.js';
import { subscriptionView } from './views.js';

const EVENTS_PAGE = 10;
const LONG_MAX = 2n ** 63n - 1n;

type Effect = (s: Subscription, fromOffset?: bigint) => Json | void;

const ACTIONS: Record<string, { from: readonly Status[]; effect: Effect }> = {
  pause: { from: ['ACTIVE', 'FAILED'], effect: (s) => { s.status = 'PAUSED'; } },
  resume: { from: ['PAUSED', 'FAILED', 'SUSPENDED'], effect: (s) => { s.status = 'ACTIVE'; } },
  'resume-from-latest': {
    from: ['PAUSED', 'FAILED', 'SUSPENDED'],
    effect: (s) => { s.status = 'ACTIVE'; s.nextOffset = s.latestOffset; s.failedEvents = []; },
  },
  replay: {
    from: ['ACTIVE', 'PAUSED', 'FAILED'],
    effect: (s, from) => {
      if (from! < 0n || from! > BigInt(s.latestOffset)) throw fail('SUBSCRIPTION_OFFSET_ILLEGAL', { detail: `The offset: ${from} is not available` });
      s.nextOffset = Number(from);
    },
  },
  events: {
    from: ['FAILED', 'SUSPENDED'],
    effect: (s) => {
      const page = s.failedEvents.splice(0, EVENTS_PAGE);
      return { events: page.map((offset) => ({ offset })), remaining: s.failedEvents.length };
    },
  },
};

/** replay's fromOffset: mandatory, a 64-bit integer; checked before the subscription is looked up. */
function fromOffset(req: RefRequest): bigint {
  const raw = req.query.get('fromOffset');
  if (raw === null || raw === '') throw missing('fromOffset');
  if (!/^[+-]?\d{1,19}$/.test(raw) || BigInt(raw) > LONG_MAX || BigInt(raw) < -LONG_MAX - 1n) throw typeMismatch('fromOffset', 'Long');
  return BigInt(raw);
}

export const ACTION_ROUTES: readonly Route[] = Object.entries(ACTIONS).map(([name, action]) => ({
  pattern: `/subscriptions/:id/${name}`,
  methods: {
    PATCH: ({ req, params, user, state }) => {
      const from = name === 'replay' ? fromOffset(req) : undefined;
      const s = state.changeable(user, params.id!);
      if (!action.from.includes(s.status)) {
        if (name === 'events') throw fail('SUBSCRIPTION_CANT_EXTRACT');
        throw fail(s.status === 'SUSPENDED' ? 'SUBSCRIPTION_SUBSCRIPTION_SUSPENDED' : 'SUBSCRIPTION_SUBSCRIPTION_ILLEGAL_STATUS');
      }
      return json(200, action.effect(s, from) ?? subscriptionView(s));
    },
  },
}));

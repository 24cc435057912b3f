/**
 * Creating, listing, replacing and deleting subscriptions. Order of checks on create: the
 * knowledge model (404, 403), the trigger (404), the body (400s), then the caller's quota (403).
 */
import { json } from '../../http.js';
import { fail } from './errors.js';
import { QUOTA } from './fixtures.js';
import { pageOf, pageQuery } from './paging.js';
import type { Route } from './routes.js';
import { subscriptionSpec } from './spec.js';
import { SUBSCRIPTION_SORTABLE, subscriptionView } from './views.js';

export const SUBSCRIPTION_ROUTES: readonly Route[] = [
  {
    pattern: '/knowledge-models/:km/triggers/:trigger/subscriptions',
    methods: {
      POST: ({ req, params, user, state }) => {
        const km = state.knowledgeModel(user, params.km!);
        if (!km.triggers.has(params.trigger!)) throw fail('SUBSCRIPTION_TRIGGER_NOTFOUND');
        const spec = subscriptionSpec(req);
        if (state.owned(user) >= QUOTA) throw fail('SUBSCRIPTION_LIMIT_EXCEEDED');
        const s = state.create(user, km, params.trigger!, spec);
        return json(201, { id: s.id });
      },
    },
  },
  {
    pattern: '/subscriptions',
    methods: {
      GET: ({ req, user, state }) => {
        const q = pageQuery(req, SUBSCRIPTION_SORTABLE);
        const visible = [...state.subscriptions.values()].filter((s) => state.canSee(user, s));
        return json(200, pageOf(visible.map(subscriptionView), q));
      },
    },
  },
  {
    pattern: '/subscriptions/:id',
    methods: {
      PUT: ({ req, params, user, state }) => {
        const s = state.changeable(user, params.id!);
        Object.assign(s, subscriptionSpec(req));
        return json(200, subscriptionView(s));
      },
      DELETE: ({ params, user, state }) => {
        state.changeable(user, params.id!);
        state.subscriptions.delete(params.id!);
        return { status: 204 };
      },
    },
  },
];

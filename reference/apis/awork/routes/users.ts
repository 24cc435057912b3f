/**
 * Users of the caller's team: who am I, the user list, and activation, which takes a seat.
 *   activate:   admin → exists → already active is a no-op → a free seat (insufficient-seats)
 *   deactivate: admin → exists → not oneself (invalid-operation) → not already (deactivated-user)
 */
import { requireRole } from '../auth.js';
import { fail } from '../fail.js';
import { listResponse } from '../query/list.js';
import { find, noContent, ok, type Route } from '../router.js';
import { USER_FIELDS, userView } from '../views.js';

export const USER_ROUTES: readonly Route[] = [
  { pattern: '/me', methods: { GET: ({ p }) => ok(userView(p.user)) } },
  {
    pattern: '/users',
    methods: { GET: ({ req, p, store }) => listResponse(req, store.all(store.users, p.team.id).map(userView), USER_FIELDS) },
  },
  { pattern: '/users/:id', methods: { GET: ({ params, p, store }) => ok(userView(find(store, store.users, p, params.id!, 'user'))) } },
  {
    pattern: '/users/:id/activate',
    methods: {
      POST: ({ params, p, store }) => {
        requireRole(p, 'admin', 'activate users');
        const user = find(store, store.users, p, params.id!, 'user');
        if (user.status === 'active') return noContent();
        if (store.seatsUsed(p.team.id) >= p.team.seats) {
          throw fail('insufficient-seats', `All ${p.team.seats} seats of the team are taken; free a seat or upgrade the plan to activate ${user.email}.`);
        }
        user.status = 'active';
        return noContent();
      },
    },
  },
  {
    pattern: '/users/:id/deactivate',
    methods: {
      POST: ({ params, p, store }) => {
        requireRole(p, 'admin', 'deactivate users');
        const user = find(store, store.users, p, params.id!, 'user');
        if (user.id === p.user.id) throw fail('invalid-operation', 'You cannot deactivate yourself; the team would lose the user making this request.');
        if (user.status === 'deactivated') throw fail('deactivated-user', `The user ${user.id} is already deactivated.`);
        user.status = 'deactivated';
        return noContent();
      },
    },
  },
];

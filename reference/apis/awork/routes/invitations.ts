/**
 * Inviting people into the team. The page's own description example belongs here: "Identity
 * cannot be invited to this workspace. The identity is already part of the workspace."
 *   admin → model (validation-failed) → email of a deactivated user (deactivated-user: activate
 *   them instead) → email already in the team or invited (already-exist-error) → a free seat
 *   (insufficient-seats) → 200 with the invitation, which takes a seat until revoked.
 */
import type { RefResponse } from '../../../http.js';
import { requireRole } from '../auth.js';
import { readObject } from '../body.js';
import { Check } from '../check.js';
import { fail } from '../fail.js';
import type { Invitation } from '../model.js';
import { listResponse } from '../query/list.js';
import { find, noContent, ok, type Call, type Route } from '../router.js';
import { INVITATION_FIELDS, invitationView } from '../views.js';

function invite({ req, p, store }: Call): RefResponse {
  requireRole(p, 'admin', 'invite users');
  const c = new Check(readObject(req));
  const email = c.email('email', { required: true });
  const firstName = c.string('firstName', { required: true, max: 100 });
  const lastName = c.string('lastName', { max: 100 });
  c.done();
  const key = email!.toLowerCase();
  const user = store.all(store.users, p.team.id).find((u) => u.email.toLowerCase() === key);
  if (user?.status === 'deactivated') throw fail('deactivated-user', `${email} belongs to the deactivated user ${user.id}; activate that user instead of inviting them again.`);
  if (user) throw fail('already-exist-error', 'Identity cannot be invited to this workspace. The identity is already part of the workspace.');
  if (store.all(store.invitations, p.team.id).some((i) => i.email.toLowerCase() === key)) {
    throw fail('already-exist-error', `${email} has already been invited to this workspace.`);
  }
  if (store.seatsUsed(p.team.id) >= p.team.seats) {
    throw fail('insufficient-seats', `All ${p.team.seats} seats of the team are taken; free a seat or upgrade the plan to invite ${email}.`);
  }
  const inv: Invitation = { id: store.newId(), teamId: p.team.id, email: email!, firstName: firstName!, lastName: lastName ?? '', createdOn: store.now() };
  store.invitations.set(inv.id, inv);
  return ok(invitationView(inv));
}

export const INVITATION_ROUTES: readonly Route[] = [
  {
    pattern: '/invitations',
    methods: {
      GET: ({ req, p, store }) => {
        requireRole(p, 'admin', 'list invitations');
        return listResponse(req, store.all(store.invitations, p.team.id).map(invitationView), INVITATION_FIELDS);
      },
      POST: invite,
    },
  },
  {
    pattern: '/invitations/:id',
    methods: {
      DELETE: ({ params, p, store }) => {
        requireRole(p, 'admin', 'revoke invitations');
        store.invitations.delete(find(store, store.invitations, p, params.id!, 'invitation').id);
        return noContent();
      },
    },
  },
];

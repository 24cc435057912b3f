/**
 * Team settings: types of work, and custom field definitions, a feature of the business plan
 * and above (insufficient-subscription-level below it, even for reading).
 */
import type { RefResponse } from '../../../http.js';
import { requireRole, type Principal } from '../auth.js';
import { readObject } from '../body.js';
import { Check } from '../check.js';
import { fail } from '../fail.js';
import { PLANS, type CustomFieldDefinition, type Plan } from '../model.js';
import { listResponse } from '../query/list.js';
import { find, noContent, ok, type Call, type Route } from '../router.js';
import { CUSTOM_FIELD_FIELDS, customFieldView, NAMED_FIELDS, typeOfWorkView } from '../views.js';

const CUSTOM_FIELDS_PLAN: Plan = 'business';

function requirePlan(p: Principal, min: Plan, feature: string): void {
  if (PLANS.indexOf(p.team.plan) < PLANS.indexOf(min)) {
    throw fail('insufficient-subscription-level', `${feature} need the ${min} plan or higher; the team is on the ${p.team.plan} plan.`);
  }
}

function defineField({ req, p, store }: Call): RefResponse {
  requireRole(p, 'admin', 'define custom fields');
  requirePlan(p, CUSTOM_FIELDS_PLAN, 'Custom fields');
  const c = new Check(readObject(req));
  const name = c.string('name', { required: true, max: 100 });
  const type = c.oneOf('type', ['text', 'number', 'date'] as const, { required: true });
  c.done();
  const taken = store.all(store.customFields, p.team.id).find((d) => d.name.toLowerCase() === name!.trim().toLowerCase());
  if (taken) throw fail('duplication-violation', `A custom field named '${taken.name}' already exists; names are unique in a team.`);
  const def: CustomFieldDefinition = { id: store.newId(), teamId: p.team.id, name: name!.trim(), type: type! };
  store.customFields.set(def.id, def);
  return ok(customFieldView(def));
}

export const TEAM_ROUTES: readonly Route[] = [
  { pattern: '/typeofwork', methods: { GET: ({ req, p, store }) => listResponse(req, store.all(store.typesOfWork, p.team.id).map(typeOfWorkView), NAMED_FIELDS) } },
  {
    pattern: '/customfielddefinitions',
    methods: {
      GET: ({ req, p, store }) => {
        requirePlan(p, CUSTOM_FIELDS_PLAN, 'Custom fields');
        return listResponse(req, store.all(store.customFields, p.team.id).map(customFieldView), CUSTOM_FIELD_FIELDS);
      },
      POST: defineField,
    },
  },
  {
    pattern: '/customfielddefinitions/:id',
    methods: {
      DELETE: ({ params, p, store }) => {
        requireRole(p, 'admin', 'delete custom fields');
        requirePlan(p, CUSTOM_FIELDS_PLAN, 'Custom fields');
        store.customFields.delete(find(store, store.customFields, p, params.id!, 'custom field').id);
        return noContent();
      },
    },
  },
];

/** GET /knowledge-models, /knowledge-models/{km}/triggers and /knowledge-models/{km}/triggers/{trigger}. */
import { json } from '../../http.js';
import { fail } from './errors.js';
import { pageOf, pageQuery } from './paging.js';
import type { Route } from './routes.js';
import { KM_SORTABLE, kmView, TRIGGER_SORTABLE, triggerView } from './views.js';

export const KM_ROUTES: readonly Route[] = [
  {
    pattern: '/knowledge-models',
    methods: {
      GET: ({ req, user, state }) => {
        const q = pageQuery(req, KM_SORTABLE);
        const open = [...state.kms.values()].filter((k) => k.team === user.team && !user.deniedKms.includes(k.id));
        return json(200, pageOf(open.map(kmView), q));
      },
    },
  },
  {
    pattern: '/knowledge-models/:km/triggers',
    methods: {
      GET: ({ req, params, user, state }) => {
        const km = state.knowledgeModel(user, params.km!);
        const q = pageQuery(req, TRIGGER_SORTABLE);
        return json(200, pageOf([...km.triggers.values()].map((t) => triggerView(km, t)), q));
      },
    },
  },
  {
    pattern: '/knowledge-models/:km/triggers/:trigger',
    methods: {
      GET: ({ params, user, state }) => {
        const km = state.knowledgeModel(user, params.km!);
        const t = km.triggers.get(params.trigger!);
        if (!t) throw fail('SUBSCRIPTION_TRIGGER_NOTFOUND');
        return json(200, triggerView(km, t));
      },
    },
  },
];

/** /auth/me and /auth/api-keys. API keys can be listed and created only with a Bearer token. */
import { requireBearer } from './auth.js';
import type { Route } from './routes.js';
import { body } from './validate.js';

export const ACCOUNT_ROUTES: readonly Route[] = [
  {
    pattern: '/auth/me',
    methods: {
      GET: ({ caller }) => ({ status: 200, body: { ...caller.identity, authenticatedWith: caller.scheme } }),
    },
  },
  {
    pattern: '/auth/api-keys',
    methods: {
      GET: ({ caller, ids }) => {
        requireBearer(caller);
        // The secret itself is shown once, at creation; lists show only a recognisable prefix.
        const keys = ids.listKeys(caller.identity.id).map((k) => ({ id: k.id, label: k.label, prefix: k.key.slice(0, 10), createdAt: k.createdAt }));
        return { status: 200, headers: { 'x-Total': String(keys.length) }, body: keys };
      },
      POST: ({ req, caller, ids }) => {
        requireBearer(caller);
        const input = body<{ label: string }>(req, 'createApiKey');
        const k = ids.createKey(caller.identity.id, input.label);
        return { status: 201, body: { id: k.id, label: k.label, key: k.key, createdAt: k.createdAt } };
      },
    },
  },
];

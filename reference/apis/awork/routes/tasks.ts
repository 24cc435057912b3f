/**
 * Tasks: list, create, read, replace, delete. A guest sees project tasks and only their own
 * private tasks, like everyone else: private tasks are visible to their owner alone.
 *   create:  member → model (task-model.ts) → 200 with ETag
 *   replace: member → exists → project not archived → If-Match → model → 200 with ETag
 */
import type { RefResponse } from '../../../http.js';
import type { Item } from '../query/evaluate.js';
import type { FieldSpec } from '../query/fields.js';
import { requireRole, type Principal } from '../auth.js';
import { checkIfMatch, etagOf, touch } from '../etag.js';
import { fail } from '../fail.js';
import type { Task } from '../model.js';
import { listResponse } from '../query/list.js';
import { noContent, ok, type Call, type Route } from '../router.js';
import type { Store } from '../store.js';
import { TASK_FIELDS, taskView } from '../views.js';
import { readNewTask, readTaskUpdate } from './task-model.js';
import { writable } from './task-rules.js';

const withTag = (t: Task): RefResponse => ok(taskView(t), { ETag: etagOf(t) });

const visible = (p: Principal, t: Task): boolean => t.baseType === 'projecttask' || t.entityId === p.user.id;

/** A GET handler listing what hangs off one task the caller may see (its files, its comments). */
export function taskItems<T extends { taskId: string }>(items: (store: Store) => Map<string, T>, view: (x: T) => Item, spec: FieldSpec) {
  return ({ req, params, p, store }: Call): RefResponse => {
    const task = visibleTask(store, p, params.id!);
    return listResponse(req, [...items(store).values()].filter((x) => x.taskId === task.id).map(view), spec);
  };
}

/** A task the caller may see, or not-found. */
export function visibleTask(store: Store, p: Principal, id: string): Task {
  const t = store.inTeam(store.tasks, p.team.id, id.toLowerCase());
  if (!t || !visible(p, t)) throw fail('not-found', `No task with id ${id} exists.`);
  return t;
}

function create({ req, p, store }: Call): RefResponse {
  requireRole(p, 'member', 'create tasks');
  const input = readNewTask(req, store, p);
  const now = store.now();
  const task: Task = { id: store.newId(), teamId: p.team.id, ...input, assigneeIds: [], createdOn: now, updatedOn: now, version: 1 };
  store.tasks.set(task.id, task);
  return withTag(task);
}

function replace({ req, params, p, store }: Call): RefResponse {
  requireRole(p, 'member', 'change tasks');
  const task = writable(store, visibleTask(store, p, params.id!));
  checkIfMatch(req, task);
  Object.assign(task, readTaskUpdate(req, store, p, task));
  touch(task, store.now());
  return withTag(task);
}

export const TASK_ROUTES: readonly Route[] = [
  {
    pattern: '/tasks',
    methods: {
      GET: ({ req, p, store }) => listResponse(req, store.all(store.tasks, p.team.id).filter((t) => visible(p, t)).map(taskView), TASK_FIELDS),
      POST: create,
    },
  },
  {
    pattern: '/tasks/:id',
    methods: {
      GET: ({ params, p, store }) => withTag(visibleTask(store, p, params.id!)),
      PUT: replace,
      DELETE: ({ params, p, store }) => {
        requireRole(p, 'member', 'delete tasks');
        store.deleteTask(visibleTask(store, p, params.id!).id);
        return noContent();
      },
    },
  },
];

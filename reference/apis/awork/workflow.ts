/**
 * Task status workflows. Each project (and each user, for private tasks) has its own statuses;
 * a task's status must come from its entity's workflow. One transition is refused: a done task cannot jump straight back to a todo
 * status; it is reopened through any other status first (so "done" keeps meaning something in
 * the history). Everything else may move freely, as on awork's boards.
 */
import type { StatusType, TaskStatus } from './model.js';
import type { Store } from './store.js';

const DEFAULT_WORKFLOW: readonly { name: string; type: StatusType }[] = [
  { name: 'To do', type: 'todo' },
  { name: 'In progress', type: 'progress' },
  { name: 'Review', type: 'review' },
  { name: 'Done', type: 'done' },
];

/** Create the default workflow of a project or user; `ids` fixes the ids (fixtures), in order. */
export function createWorkflow(store: Store, entityId: string, ids: readonly string[] = []): TaskStatus[] {
  return DEFAULT_WORKFLOW.map((s, i) => {
    const status: TaskStatus = { id: ids[i] ?? store.newId(), entityId, name: s.name, type: s.type, order: i + 1 };
    store.statuses.set(status.id, status);
    return status;
  });
}

/** A user's private workflow, created the first time it is needed. */
export function privateWorkflow(store: Store, userId: string): TaskStatus[] {
  const have = store.statusesOf(userId);
  return have.length ? have : createWorkflow(store, userId);
}

export function transitionAllowed(from: StatusType, to: StatusType): boolean {
  return !(from === 'done' && to === 'todo');
}

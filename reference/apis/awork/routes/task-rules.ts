/**
 * Rules every task operation shares: which task the caller may touch, that its project is not
 * archived, and which status it may move to.
 *   status id unknown to the caller's team      → not-found
 *   status of another workflow than the task's  → invalid-operation (a task on a board it is not on)
 *   done → todo                                 → illegal-property-transition (workflow.ts)
 */
import type { Principal } from '../auth.js';
import { fail } from '../fail.js';
import type { Task, TaskStatus } from '../model.js';
import type { Store } from '../store.js';
import { transitionAllowed } from '../workflow.js';

/** The task, refusing changes while its project is archived. */
export function writable(store: Store, task: Task): Task {
  const project = task.baseType === 'projecttask' ? store.projects.get(task.entityId) : undefined;
  if (project?.isArchived) throw fail('entity-archived', `The task ${task.id} belongs to the archived project ${project.id}; unarchive the project first.`);
  return task;
}

/** The team a status belongs to, through its project or its user. */
function teamOf(store: Store, s: TaskStatus): string | undefined {
  return store.projects.get(s.entityId)?.teamId ?? store.users.get(s.entityId)?.teamId;
}

/** A status of `entityId`'s workflow, named by id; `where` prefixes details inside batches. */
export function statusFor(store: Store, p: Principal, entityId: string, statusId: string, where = ''): TaskStatus {
  const status = store.statuses.get(statusId.toLowerCase());
  if (!status || teamOf(store, status) !== p.team.id) throw fail('not-found', `${where}No task status with id ${statusId} exists.`);
  if (status.entityId !== entityId) {
    throw fail('invalid-operation', `${where}The task status ${status.id} belongs to another workflow than the task's (${entityId}).`);
  }
  return status;
}

/** Check moving `task` to `statusId`; returns the change to apply (so batches apply all or none). */
export function planStatusChange(store: Store, p: Principal, task: Task, statusId: string, where = ''): () => void {
  const to = statusFor(store, p, task.entityId, statusId, where);
  const from = store.statuses.get(task.taskStatusId);
  if (from && !transitionAllowed(from.type, to.type)) {
    throw fail('illegal-property-transition', `${where}A task that is ${from.type} ('${from.name}') cannot move straight to ${to.type} ('${to.name}'); reopen it through another status first.`);
  }
  return () => {
    task.taskStatusId = to.id;
    task.version++;
    task.updatedOn = store.now();
  };
}

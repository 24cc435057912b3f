/**
 * Status changes: the setStatus business operation (204), its batch form (202, all or nothing),
 * and the caller's private workflow. awork documents 202 for batch operations but no batch
 * endpoint; `POST /tasks/batch/setStatus` with `[{taskId, statusId}]` is this target's design.
 *   batch: member → JSON (invalid-model) → an array of 1..100 objects with distinct taskIds
 *   (invalid-batch-operation) → each item's model (validation-failed, properties `[i].TaskId`)
 *   → each item as setStatus (not-found, entity-archived, invalid-operation,
 *   illegal-property-transition, details prefixed with the item) → apply all → 202.
 */
import type { RefResponse } from '../../../http.js';
import { requireRole } from '../auth.js';
import { isObject, readJson, readObject } from '../body.js';
import { Check, failed } from '../check.js';
import { fail, type ValidationError } from '../fail.js';
import { listResponse } from '../query/list.js';
import { noContent, type Call, type Route } from '../router.js';
import { STATUS_FIELDS, statusView } from '../views.js';
import { privateWorkflow } from '../workflow.js';
import { planStatusChange, writable } from './task-rules.js';
import { visibleTask } from './tasks.js';

export const MAX_BATCH = 100;

function setStatus({ req, params, p, store }: Call): RefResponse {
  requireRole(p, 'member', 'change task statuses');
  const task = writable(store, visibleTask(store, p, params.id!));
  const c = new Check(readObject(req));
  const statusId = c.guid('statusId', { required: true });
  c.done();
  planStatusChange(store, p, task, statusId!)();
  return noContent();
}

function batchSetStatus({ req, p, store }: Call): RefResponse {
  requireRole(p, 'member', 'change task statuses');
  const body = readJson(req);
  if (!Array.isArray(body)) throw fail('invalid-batch-operation', 'A batch is a JSON array of operations: [{"taskId": "...", "statusId": "..."}].');
  if (body.length === 0 || body.length > MAX_BATCH) throw fail('invalid-batch-operation', `A batch holds 1 to ${MAX_BATCH} operations; this one holds ${body.length}.`);
  const bad = body.findIndex((item) => !isObject(item));
  if (bad >= 0) throw fail('invalid-batch-operation', `Operation [${bad}] is not a JSON object.`);
  const errors: ValidationError[] = [];
  const items = body.map((item, i) => {
    const c = new Check(isObject(item) ? item : {}, `[${i}].`);
    const op = { taskId: c.guid('taskId', { required: true }), statusId: c.guid('statusId', { required: true }) };
    errors.push(...c.errors);
    return op;
  });
  if (errors.length) throw failed(errors);
  const seen = new Set<string>();
  for (const [i, op] of items.entries()) {
    if (seen.has(op.taskId!)) throw fail('invalid-batch-operation', `Operation [${i}] changes the task ${op.taskId} a second time; each task may appear once per batch.`);
    seen.add(op.taskId!);
  }
  const changes = items.map((op, i) => {
    const where = `Operation [${i}]: `;
    return planStatusChange(store, p, writable(store, visibleTask(store, p, op.taskId!)), op.statusId!, where);
  });
  for (const apply of changes) apply();
  return { status: 202 };
}

export const STATUS_ROUTES: readonly Route[] = [
  // Before /tasks/:id/setStatus, which would otherwise take "batch" for a task id.
  { pattern: '/tasks/batch/setStatus', methods: { POST: batchSetStatus } },
  { pattern: '/tasks/:id/setStatus', methods: { POST: setStatus } },
  {
    pattern: '/me/taskstatuses',
    methods: { GET: ({ req, p, store }) => listResponse(req, privateWorkflow(store, p.user.id).map(statusView), STATUS_FIELDS) },
  },
];

/**
 * Who works on a task and what they say about it: the setAssignees business operation (204)
 * and comments.
 *   setAssignees: member → task visible, project not archived → a JSON array (invalid-model)
 *   of at most 50 GUIDs (validation-failed) → no id twice (duplication-violation) → each a user
 *   of the team (not-found) → none deactivated (deactivated-user) → replace the assignees.
 */
import type { RefResponse } from '../../../http.js';
import { requireRole } from '../auth.js';
import { readJson, readObject } from '../body.js';
import { Check, failed, isGuid } from '../check.js';
import { fail, type ValidationError } from '../fail.js';
import type { Comment } from '../model.js';
import { find, noContent, ok, type Call, type Route } from '../router.js';
import { COMMENT_FIELDS, commentView } from '../views.js';
import { writable } from './task-rules.js';
import { taskItems, visibleTask } from './tasks.js';

export const MAX_ASSIGNEES = 50;

function setAssignees({ req, params, p, store }: Call): RefResponse {
  requireRole(p, 'member', 'assign tasks');
  const task = writable(store, visibleTask(store, p, params.id!));
  const body = readJson(req);
  if (!Array.isArray(body)) throw fail('invalid-model', 'The request body must be a JSON array of user ids.');
  const errors: ValidationError[] = [];
  body.forEach((v, i) => { if (typeof v !== 'string' || !isGuid(v)) errors.push({ property: `[${i}]`, message: `'[${i}]' must be a valid GUID.` }); });
  if (body.length > MAX_ASSIGNEES) errors.push({ property: '', message: `A task has at most ${MAX_ASSIGNEES} assignees.` });
  if (errors.length) throw failed(errors);
  const ids = (body as string[]).map((v) => v.toLowerCase());
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw fail('duplication-violation', `The user ${twice} is listed twice; each assignee appears once.`);
  for (const id of ids) {
    const user = find(store, store.users, p, id, 'user');
    if (user.status === 'deactivated') throw fail('deactivated-user', `The user ${user.id} is deactivated and cannot be assigned to tasks.`);
  }
  task.assigneeIds = ids;
  task.version++;
  task.updatedOn = store.now();
  return noContent();
}

function addComment({ req, params, p, store }: Call): RefResponse {
  requireRole(p, 'member', 'comment on tasks');
  const task = writable(store, visibleTask(store, p, params.id!));
  const c = new Check(readObject(req));
  const message = c.string('message', { required: true, max: 10_000 });
  c.done();
  const comment: Comment = { id: store.newId(), taskId: task.id, userId: p.user.id, message: message!, createdOn: store.now() };
  store.comments.set(comment.id, comment);
  return ok(commentView(comment));
}

export const PEOPLE_ROUTES: readonly Route[] = [
  { pattern: '/tasks/:id/setAssignees', methods: { POST: setAssignees } },
  {
    pattern: '/tasks/:id/comments',
    methods: {
      GET: taskItems((s) => s.comments, commentView, COMMENT_FIELDS),
      POST: addComment,
    },
  },
];

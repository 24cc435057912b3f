/**
 * The task model of POST /tasks (all fields) and PUT /tasks/{id} (the editable ones). Shape
 * first (validation-failed), then references (not-found, entity-archived, invalid-operation),
 * then dates (date-out-of-range, date-dependency) and durations (value-out-of-range).
 */
import type { RefRequest } from '../../../http.js';
import type { Principal } from '../auth.js';
import { readObject, type JsonObject } from '../body.js';
import { Check } from '../check.js';
import { checkOrder, checkRange, normalise } from '../dates.js';
import { fail } from '../fail.js';
import type { BaseType, Task } from '../model.js';
import { find } from '../router.js';
import type { Store } from '../store.js';
import { privateWorkflow } from '../workflow.js';
import { checkSeconds } from './project-model.js';
import { statusFor } from './task-rules.js';

export type EditableTask = Pick<Task, 'name' | 'description' | 'typeOfWorkId' | 'plannedDuration' | 'startOn' | 'dueOn'>;
export type NewTask = EditableTask & Pick<Task, 'baseType' | 'entityId' | 'taskStatusId'>;
const BASE_TYPES: readonly BaseType[] = ['projecttask', 'private'];

function editable(c: Check): Partial<EditableTask> {
  return {
    name: c.string('name', { required: true, max: 200 }),
    description: c.string('description', { max: 10_000 }) ?? null,
    typeOfWorkId: c.guid('typeOfWorkId', { required: true }),
    plannedDuration: c.integer('plannedDuration') ?? null,
    startOn: c.date('startOn') ?? null,
    dueOn: c.date('dueOn') ?? null,
  };
}

/** References, dates and durations of a model that passed its shape checks. */
function finish(store: Store, p: Principal, t: Partial<EditableTask>): EditableTask {
  find(store, store.typesOfWork, p, t.typeOfWorkId!, 'type of work');
  checkRange({ StartOn: t.startOn, DueOn: t.dueOn });
  checkOrder('StartOn', t.startOn, 'DueOn', t.dueOn);
  checkSeconds('PlannedDuration', t.plannedDuration ?? undefined);
  return { name: t.name!.trim(), description: t.description ?? null, typeOfWorkId: t.typeOfWorkId!, plannedDuration: t.plannedDuration ?? null, startOn: normalise(t.startOn), dueOn: normalise(t.dueOn) };
}

export function readNewTask(req: RefRequest, store: Store, p: Principal): NewTask {
  const c = new Check(readObject(req));
  const fields = editable(c);
  const baseType = c.oneOf('baseType', BASE_TYPES, { required: true });
  const taskStatusId = c.guid('taskStatusId', { required: true });
  const entityId = c.guid('entityId', { required: true });
  c.done();
  if (baseType === 'projecttask') {
    const project = find(store, store.projects, p, entityId!, 'project');
    if (project.isArchived) throw fail('entity-archived', `The project ${project.id} is archived; tasks cannot be added to it.`);
  } else {
    // A private task lives in its owner's own list; nobody can create one for someone else.
    if (entityId !== p.user.id) throw fail('invalid-operation', `A private task belongs to the user who creates it (${p.user.id}), not to ${entityId}.`);
    privateWorkflow(store, p.user.id);
  }
  statusFor(store, p, entityId!, taskStatusId!);
  return { ...finish(store, p, fields), baseType: baseType!, entityId: entityId!, taskStatusId: taskStatusId! };
}

/** PUT may not change what a task is: a different baseType is a refused transition. */
export function readTaskUpdate(req: RefRequest, store: Store, p: Principal, task: Task): EditableTask {
  const body: JsonObject = readObject(req);
  const c = new Check(body);
  const fields = editable(c);
  const baseType = c.oneOf('baseType', BASE_TYPES);
  c.done();
  if (baseType !== undefined && baseType !== task.baseType) {
    throw fail('illegal-property-transition', `A task's baseType cannot change from ${task.baseType} to ${baseType}; create a new task instead.`);
  }
  return finish(store, p, fields);
}

/**
 * What clients see of each entity (camelCase JSON, as awork answers), and the properties each
 * list can be filtered and ordered by. Internal bookkeeping (teamId, version) stays inside.
 */
import type { Item } from './query/evaluate.js';
import type { FieldSpec } from './query/fields.js';
import type { Comment, CustomFieldDefinition, Invitation, Project, Task, TaskFile, TaskStatus, TypeOfWork, User } from './model.js';

export const USER_FIELDS: FieldSpec = { id: 'guid', firstName: 'string', lastName: 'string', email: 'string', role: 'string', status: 'string', createdOn: 'date' };
export const userView = (u: User): Item => ({
  id: u.id, firstName: u.firstName, lastName: u.lastName, email: u.email, role: u.role, status: u.status, createdOn: u.createdOn,
});

export const INVITATION_FIELDS: FieldSpec = { id: 'guid', email: 'string', firstName: 'string', lastName: 'string', createdOn: 'date' };
export const invitationView = (i: Invitation): Item => ({ id: i.id, email: i.email, firstName: i.firstName, lastName: i.lastName, createdOn: i.createdOn });

export const PROJECT_FIELDS: FieldSpec = {
  id: 'guid', name: 'string', description: 'string', startDate: 'date', dueDate: 'date', timeBudget: 'number',
  isArchived: 'boolean', createdOn: 'date', updatedOn: 'date',
};
export const projectView = (p: Project): Item => ({
  id: p.id, name: p.name, description: p.description, startDate: p.startDate, dueDate: p.dueDate, timeBudget: p.timeBudget,
  isArchived: p.isArchived, createdOn: p.createdOn, updatedOn: p.updatedOn,
});

export const STATUS_FIELDS: FieldSpec = { id: 'guid', name: 'string', type: 'string', order: 'number' };
export const statusView = (s: TaskStatus): Item => ({ id: s.id, name: s.name, type: s.type, order: s.order });

export const TASK_FIELDS: FieldSpec = {
  id: 'guid', name: 'string', description: 'string', baseType: 'string', entityId: 'guid', typeOfWorkId: 'guid',
  taskStatusId: 'guid', plannedDuration: 'number', startOn: 'date', dueOn: 'date', createdOn: 'date', updatedOn: 'date',
};
export const taskView = (t: Task): Item => ({
  id: t.id, name: t.name, description: t.description, baseType: t.baseType, entityId: t.entityId, typeOfWorkId: t.typeOfWorkId,
  taskStatusId: t.taskStatusId, plannedDuration: t.plannedDuration, startOn: t.startOn, dueOn: t.dueOn,
  assigneeIds: [...t.assigneeIds], createdOn: t.createdOn, updatedOn: t.updatedOn,
});

export const COMMENT_FIELDS: FieldSpec = { id: 'guid', userId: 'guid', message: 'string', createdOn: 'date' };
export const commentView = (c: Comment): Item => ({ id: c.id, taskId: c.taskId, userId: c.userId, message: c.message, createdOn: c.createdOn });

export const FILE_FIELDS: FieldSpec = { id: 'guid', name: 'string', contentType: 'string', size: 'number', createdOn: 'date' };
export const fileView = (f: TaskFile): Item => ({ id: f.id, taskId: f.taskId, name: f.name, contentType: f.contentType, size: f.size, createdOn: f.createdOn });

export const NAMED_FIELDS: FieldSpec = { id: 'guid', name: 'string' };
export const typeOfWorkView = (w: TypeOfWork): Item => ({ id: w.id, name: w.name });

export const CUSTOM_FIELD_FIELDS: FieldSpec = { id: 'guid', name: 'string', type: 'string' };
export const customFieldView = (d: CustomFieldDefinition): Item => ({ id: d.id, name: d.name, type: d.type });

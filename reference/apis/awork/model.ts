/** The awork entities the reference target keeps in memory. Dates are ISO 8601 strings (UTC). */

/** Plans in ascending order; features name the lowest plan that includes them. */
export const PLANS = ['free', 'standard', 'business', 'enterprise'] as const;
export type Plan = (typeof PLANS)[number];

export interface Team { id: string; name: string; plan: Plan; seats: number }

/** admin: everything; member: work with projects and tasks; guest: read only. */
export type Role = 'admin' | 'member' | 'guest';
export type UserStatus = 'active' | 'deactivated';

export interface User {
  id: string; teamId: string; firstName: string; lastName: string; email: string;
  role: Role; status: UserStatus; createdOn: string;
}

/** A pending invitation takes a seat until it is revoked. */
export interface Invitation { id: string; teamId: string; email: string; firstName: string; lastName: string; createdOn: string }

export interface Project {
  id: string; teamId: string; name: string; description: string | null;
  startDate: string | null; dueDate: string | null;
  /** planned effort in seconds */
  timeBudget: number | null;
  isArchived: boolean; createdOn: string; updatedOn: string;
  /** bumped on every change; the ETag is derived from it */
  version: number;
}

export const STATUS_TYPES = ['todo', 'progress', 'review', 'stuck', 'done'] as const;
export type StatusType = (typeof STATUS_TYPES)[number];

/** A status of one workflow: a project's, or a user's own for private tasks. */
export interface TaskStatus {
  id: string;
  /** the project, or the user whose private tasks use this workflow */
  entityId: string;
  name: string; type: StatusType; order: number;
}

export interface TypeOfWork { id: string; teamId: string; name: string }

export type BaseType = 'projecttask' | 'private';

export interface Task {
  id: string; teamId: string; name: string; description: string | null;
  baseType: BaseType;
  /** the project (projecttask) or the owning user (private) */
  entityId: string;
  typeOfWorkId: string;
  /** a status of the entity's workflow */
  taskStatusId: string;
  /** planned effort in seconds */
  plannedDuration: number | null;
  startOn: string | null; dueOn: string | null;
  assigneeIds: string[];
  createdOn: string; updatedOn: string; version: number;
}

export interface Comment { id: string; taskId: string; userId: string; message: string; createdOn: string }

export interface TaskFile { id: string; taskId: string; name: string; contentType: string; size: number; createdOn: string }

export interface CustomFieldDefinition { id: string; teamId: string; name: string; type: 'text' | 'number' | 'date' }

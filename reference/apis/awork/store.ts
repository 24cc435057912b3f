/**
 * The in-memory awork state. Every lookup is scoped to a team: an entity of another team is
 * as absent as one that never existed, so teams never see each other's data.
 * Handlers run synchronously between reading the request and answering, so the event loop
 * serialises every change; concurrent requests cannot interleave inside one operation.
 */
import { randomUUID } from 'node:crypto';
import type {
  Comment, CustomFieldDefinition, Invitation, Project, Task, TaskFile, TaskStatus, Team, TypeOfWork, User,
} from './model.js';

export class Store {
  readonly teams = new Map<string, Team>();
  readonly users = new Map<string, User>();
  /** API key -> user id */
  readonly tokens = new Map<string, string>();
  readonly invitations = new Map<string, Invitation>();
  readonly projects = new Map<string, Project>();
  readonly statuses = new Map<string, TaskStatus>();
  readonly typesOfWork = new Map<string, TypeOfWork>();
  readonly tasks = new Map<string, Task>();
  readonly comments = new Map<string, Comment>();
  readonly files = new Map<string, TaskFile>();
  readonly customFields = new Map<string, CustomFieldDefinition>();

  constructor(private readonly clock: () => number) {}

  now(): string { return new Date(this.clock()).toISOString(); }
  newId(): string { return randomUUID(); }

  /** The entity with this id if it belongs to the team. */
  inTeam<T extends { teamId: string }>(map: Map<string, T>, teamId: string, id: string): T | undefined {
    const v = map.get(id);
    return v && v.teamId === teamId ? v : undefined;
  }

  all<T extends { teamId: string }>(map: Map<string, T>, teamId: string): T[] {
    return [...map.values()].filter((v) => v.teamId === teamId);
  }

  /** Active users and pending invitations each take a seat. */
  seatsUsed(teamId: string): number {
    const active = this.all(this.users, teamId).filter((u) => u.status === 'active').length;
    return active + this.all(this.invitations, teamId).length;
  }

  projectNamed(teamId: string, name: string): Project | undefined {
    const key = name.trim().toLowerCase();
    return this.all(this.projects, teamId).find((p) => p.name.trim().toLowerCase() === key);
  }

  /** The workflow of a project or of a user's private tasks, in board order. */
  statusesOf(entityId: string): TaskStatus[] {
    return [...this.statuses.values()].filter((s) => s.entityId === entityId).sort((a, b) => a.order - b.order);
  }

  /** Deleting a project takes its workflow and tasks (and theirs) with it. */
  deleteProject(id: string): void {
    this.projects.delete(id);
    for (const s of this.statusesOf(id)) this.statuses.delete(s.id);
    for (const t of [...this.tasks.values()]) if (t.baseType === 'projecttask' && t.entityId === id) this.deleteTask(t.id);
  }

  deleteTask(id: string): void {
    this.tasks.delete(id);
    for (const c of [...this.comments.values()]) if (c.taskId === id) this.comments.delete(c.id);
    for (const f of [...this.files.values()]) if (f.taskId === id) this.files.delete(f.id);
  }
}

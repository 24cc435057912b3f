/**
 * Projects: list, create, read, replace, delete, and the archive business operation.
 *   write: member role (unauthorized) → project exists (not-found) → not archived
 *   (entity-archived) → If-Match current (concurrency-violation) → model (project-model.ts)
 *   → name unique in the team, archived projects included (duplication-violation).
 * Reads and writes carry the project's version as ETag.
 */
import type { RefResponse } from '../../../http.js';
import { requireRole } from '../auth.js';
import { readObject } from '../body.js';
import { Check } from '../check.js';
import { checkIfMatch, etagOf, touch } from '../etag.js';
import { fail } from '../fail.js';
import type { Project } from '../model.js';
import { listResponse } from '../query/list.js';
import { find, noContent, ok, type Call, type Route } from '../router.js';
import { PROJECT_FIELDS, projectView, STATUS_FIELDS, statusView } from '../views.js';
import { createWorkflow } from '../workflow.js';
import { readProject, type ProjectInput } from './project-model.js';

const withTag = (p: Project): RefResponse => ok(projectView(p), { ETag: etagOf(p) });

function unique({ p, store }: Call, input: ProjectInput, self?: Project): void {
  const other = store.projectNamed(p.team.id, input.name);
  if (other && other !== self) throw fail('duplication-violation', `The project name '${input.name}' is already used by project ${other.id}; project names are unique in a team.`);
}

function create(call: Call): RefResponse {
  const { req, p, store } = call;
  requireRole(p, 'member', 'create projects');
  const input = readProject(req);
  unique(call, input);
  const now = store.now();
  const project: Project = { id: store.newId(), teamId: p.team.id, ...input, isArchived: false, createdOn: now, updatedOn: now, version: 1 };
  store.projects.set(project.id, project);
  createWorkflow(store, project.id);
  return withTag(project);
}

function replace(call: Call): RefResponse {
  const { req, params, p, store } = call;
  requireRole(p, 'member', 'change projects');
  const project = find(store, store.projects, p, params.id!, 'project');
  if (project.isArchived) throw fail('entity-archived', `The project ${project.id} is archived; unarchive it before changing it.`);
  checkIfMatch(req, project);
  const input = readProject(req);
  unique(call, input, project);
  Object.assign(project, input);
  touch(project, store.now());
  return withTag(project);
}

function setArchived({ req, params, p, store }: Call): RefResponse {
  requireRole(p, 'member', 'archive projects');
  const project = find(store, store.projects, p, params.id!, 'project');
  const c = new Check(readObject(req));
  const isArchived = c.boolean('isArchived', { required: true });
  c.done();
  if (project.isArchived !== isArchived) {
    project.isArchived = isArchived!;
    touch(project, store.now());
  }
  return noContent();
}

export const PROJECT_ROUTES: readonly Route[] = [
  {
    pattern: '/projects',
    methods: {
      GET: ({ req, p, store }) => listResponse(req, store.all(store.projects, p.team.id).map(projectView), PROJECT_FIELDS),
      POST: create,
    },
  },
  {
    pattern: '/projects/:id',
    methods: {
      GET: ({ params, p, store }) => withTag(find(store, store.projects, p, params.id!, 'project')),
      PUT: replace,
      DELETE: ({ params, p, store }) => {
        requireRole(p, 'member', 'delete projects');
        store.deleteProject(find(store, store.projects, p, params.id!, 'project').id);
        return noContent();
      },
    },
  },
  { pattern: '/projects/:id/setArchived', methods: { POST: setArchived } },
  {
    pattern: '/projects/:id/taskstatuses',
    methods: {
      GET: ({ req, params, p, store }) => {
        const project = find(store, store.projects, p, params.id!, 'project');
        return listResponse(req, store.statusesOf(project.id).map(statusView), STATUS_FIELDS);
      },
    },
  },
];

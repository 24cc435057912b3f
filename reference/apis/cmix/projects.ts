/**
 * Project resources. Anyone signed in may read; only an admin may create, change or delete,
 * and a viewer's refused write changes nothing (the 403 recipe runs against the shared fixture
 * project over and over). Status moves DESIGN → LIVE ⇄ CLOSED, never back to DESIGN.
 */
import { json, type RefResponse } from '../../http.js';
import { requireAdmin } from './auth.js';
import { cmixError } from './errors.js';
import { SURVEY_STATUSES, type SurveyStatus } from './fixtures.js';
import { readJsonObject } from './negotiate.js';
import { parseId, type Call, type Route } from './routes.js';
import type { Project } from './state.js';
import { Fields } from './validate.js';

const view = (p: Project) => ({ id: p.id, name: p.name, status: p.status, surveyId: p.surveyId });

function project({ params, state }: Call): Project {
  const id = parseId(params.id);
  const found = id === undefined ? undefined : state.projects.get(id);
  if (!found) throw cmixError('not-found', `Project ${params.id} does not exist.`);
  return found;
}

function create(call: Call): RefResponse {
  requireAdmin(call.who, 'create projects');
  const f = new Fields(readJsonObject(call.req));
  const name = f.text('name', 200);
  const surveyId = f.integer('surveyId', false);
  f.done();
  // "data in the request body specifies a missing or invalid object" is the page's 404.
  if (surveyId !== undefined && !call.state.surveys.has(surveyId)) throw cmixError('not-found', `Survey ${surveyId} named by surveyId does not exist.`);
  const created = call.state.addProject(name!, 'DESIGN', surveyId ?? null);
  return json(201, view(created), { Location: `${call.req.originalPath}/${created.id}` });
}

function update(call: Call): RefResponse {
  const p = project(call);
  requireAdmin(call.who, `change project ${p.id}`);
  const f = new Fields(readJsonObject(call.req));
  const status = f.oneOf<SurveyStatus>('status', SURVEY_STATUSES);
  if (status === 'DESIGN' && p.status !== 'DESIGN') f.fail('status', `a ${p.status} project cannot return to DESIGN`);
  f.done();
  p.status = status!;
  return json(200, view(p));
}

function remove(call: Call): RefResponse {
  const p = project(call);
  requireAdmin(call.who, `delete project ${p.id}`);
  call.state.projects.delete(p.id);
  return { status: 204 };
}

export const PROJECT_ROUTES: Route[] = [
  { pattern: '/projects', methods: { GET: ({ state }) => json(200, [...state.projects.values()].map(view)), POST: create } },
  { pattern: '/projects/:id', methods: { GET: (c) => json(200, view(project(c))), PATCH: update, DELETE: remove } },
  { pattern: '/projects/:id/groups', methods: { GET: (c) => json(200, project(c).groups.map((g) => ({ ...g }))) } },
];

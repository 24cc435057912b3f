/**
 * The state the reference target starts with: three teams (main, free plan, no free seats), their
 * users and API keys, and the main team's fixture projects. Everything `env/reference.env` names.
 */
import { ARCHIVED_PROJECT_NAME, FULL_TEAM_SEATS, PROJECT, STATUS, TEAM, TOKEN, TYPE_OF_WORK, USER } from './fixtures.js';
import type { Plan, Project, Role, User, UserStatus } from './model.js';
import { Store } from './store.js';
import { createWorkflow } from './workflow.js';

export function seedStore(clock: () => number): Store {
  const s = new Store(clock);
  const team = (id: string, name: string, plan: Plan, seats: number): void => { s.teams.set(id, { id, name, plan, seats }); };
  team(TEAM.main, 'faultline', 'business', 50);
  team(TEAM.lowPlan, 'faultline free', 'free', 10);
  team(TEAM.full, 'faultline full', 'business', FULL_TEAM_SEATS);

  const user = (id: string, teamId: string, first: string, role: Role, status: UserStatus = 'active'): void => {
    const u: User = { id, teamId, firstName: first, lastName: 'Faultline', email: `${first.toLowerCase()}@${teamId.slice(-4)}.faultline.example`, role, status, createdOn: s.now() };
    s.users.set(id, u);
  };
  user(USER.admin, TEAM.main, 'Api', 'admin');
  user(USER.guest, TEAM.main, 'Guest', 'guest');
  user(USER.member, TEAM.main, 'Member', 'member');
  user(USER.deactivated, TEAM.main, 'Former', 'member', 'deactivated');
  user(USER.lowPlanAdmin, TEAM.lowPlan, 'Api', 'admin');
  user(USER.fullAdmin, TEAM.full, 'Api', 'admin');
  user(USER.fullMember, TEAM.full, 'Member', 'member');
  user(USER.fullDeactivated, TEAM.full, 'Former', 'member', 'deactivated');

  s.tokens.set(TOKEN.admin, USER.admin);
  s.tokens.set(TOKEN.guest, USER.guest);
  s.tokens.set(TOKEN.lowPlan, USER.lowPlanAdmin);
  s.tokens.set(TOKEN.fullTeam, USER.fullAdmin);

  s.typesOfWork.set(TYPE_OF_WORK.main, { id: TYPE_OF_WORK.main, teamId: TEAM.main, name: 'Development' });
  s.typesOfWork.set(TYPE_OF_WORK.lowPlan, { id: TYPE_OF_WORK.lowPlan, teamId: TEAM.lowPlan, name: 'Development' });
  s.typesOfWork.set(TYPE_OF_WORK.full, { id: TYPE_OF_WORK.full, teamId: TEAM.full, name: 'Development' });

  const project = (id: string, name: string, isArchived: boolean): Project => {
    const p: Project = { id, teamId: TEAM.main, name, description: null, startDate: null, dueDate: null, timeBudget: null, isArchived, createdOn: s.now(), updatedOn: s.now(), version: 1 };
    s.projects.set(id, p);
    return p;
  };
  project(PROJECT.active, 'faultline fixture project', false);
  createWorkflow(s, PROJECT.active, [STATUS.todo, STATUS.progress, STATUS.review, STATUS.done]);
  project(PROJECT.archived, ARCHIVED_PROJECT_NAME, true);
  createWorkflow(s, PROJECT.archived);

  s.customFields.set('fa170005-0000-4000-8000-000000000001', { id: 'fa170005-0000-4000-8000-000000000001', teamId: TEAM.main, name: 'Cost centre', type: 'text' });
  return s;
}

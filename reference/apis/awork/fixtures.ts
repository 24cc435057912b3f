/**
 * The reference target's fixed awork fixtures. They are created at start and never changed by
 * any recipe, so they stay valid forever. Ids are GUIDs, as awork's are; the fixed ones are
 * recognisable by their `fa17` prefix. Tokens and the ids recipes name are env/reference.env's
 * (awork section), read through `fixture`.
 */
import { fixture } from '../../fixtures.js';

export const TEAM = {
  main: 'fa170000-0000-4000-8000-000000000001',
  lowPlan: 'fa170000-0000-4000-8000-000000000002',
  full: 'fa170000-0000-4000-8000-000000000003',
} as const;

export const USER = {
  admin: 'fa170001-0000-4000-8000-000000000001',
  guest: 'fa170001-0000-4000-8000-000000000002',
  member: 'fa170001-0000-4000-8000-000000000003',
  deactivated: fixture('AWORK_DEACTIVATED_USER_ID'),
  lowPlanAdmin: 'fa170001-0000-4000-8000-000000000005',
  fullAdmin: 'fa170001-0000-4000-8000-000000000006',
  fullMember: 'fa170001-0000-4000-8000-000000000007',
  fullDeactivated: 'fa170001-0000-4000-8000-000000000008',
} as const;

export const TOKEN = {
  admin: fixture('AWORK_TOKEN_ADMIN'),
  guest: fixture('AWORK_TOKEN_GUEST'),
  lowPlan: fixture('AWORK_TOKEN_LOWPLAN'),
  fullTeam: fixture('AWORK_TOKEN_FULLTEAM'),
} as const;

export const PROJECT = {
  active: fixture('AWORK_PROJECT_ID'),
  archived: fixture('AWORK_ARCHIVED_PROJECT_ID'),
} as const;
export const ARCHIVED_PROJECT_NAME = 'faultline archived project';

export const TYPE_OF_WORK = {
  main: fixture('AWORK_TYPE_OF_WORK_ID'),
  lowPlan: 'fa170003-0000-4000-8000-000000000002',
  full: 'fa170003-0000-4000-8000-000000000003',
} as const;

/** Task statuses of the fixture project's workflow, by type. */
export const STATUS = {
  todo: fixture('AWORK_TODO_STATUS_ID'),
  progress: 'fa170004-0000-4000-8000-000000000002',
  review: 'fa170004-0000-4000-8000-000000000003',
  done: fixture('AWORK_DONE_STATUS_ID'),
} as const;

/** Seats of the team that has none left: exactly its active users. */
export const FULL_TEAM_SEATS = 2;

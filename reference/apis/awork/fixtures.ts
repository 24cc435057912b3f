/**
 * The reference target's fixed awork fixtures: tokens and ids that `env/reference.env` names.
 * They are created at start and never changed by any recipe, so they stay valid forever.
 * Ids are GUIDs, as awork's are; the fixed ones are recognisable by their `fa17` prefix.
 */
export const TEAM = {
  main: 'fa170000-0000-4000-8000-000000000001',
  lowPlan: 'fa170000-0000-4000-8000-000000000002',
  full: 'fa170000-0000-4000-8000-000000000003',
} as const;

export const USER = {
  admin: 'fa170001-0000-4000-8000-000000000001',
  guest: 'fa170001-0000-4000-8000-000000000002',
  member: 'fa170001-0000-4000-8000-000000000003',
  deactivated: 'fa170001-0000-4000-8000-000000000004',
  lowPlanAdmin: 'fa170001-0000-4000-8000-000000000005',
  fullAdmin: 'fa170001-0000-4000-8000-000000000006',
  fullMember: 'fa170001-0000-4000-8000-000000000007',
  fullDeactivated: 'fa170001-0000-4000-8000-000000000008',
} as const;

export const TOKEN = {
  admin: 'fl-awork-admin-3b9f2c71',
  guest: 'fl-awork-guest-8d04e6a5',
  lowPlan: 'fl-awork-lowplan-52c1b9e0',
  fullTeam: 'fl-awork-fullteam-c7a3f418',
} as const;

export const PROJECT = {
  active: 'fa170002-0000-4000-8000-000000000001',
  archived: 'fa170002-0000-4000-8000-000000000002',
} as const;
export const ARCHIVED_PROJECT_NAME = 'faultline archived project';

export const TYPE_OF_WORK = {
  main: 'fa170003-0000-4000-8000-000000000001',
  lowPlan: 'fa170003-0000-4000-8000-000000000002',
  full: 'fa170003-0000-4000-8000-000000000003',
} as const;

/** Task statuses of the fixture project's workflow, by type. */
export const STATUS = {
  todo: 'fa170004-0000-4000-8000-000000000001',
  progress: 'fa170004-0000-4000-8000-000000000002',
  review: 'fa170004-0000-4000-8000-000000000003',
  done: 'fa170004-0000-4000-8000-000000000004',
} as const;

/** Seats of the team that has none left: exactly its active users. */
export const FULL_TEAM_SEATS = 2;

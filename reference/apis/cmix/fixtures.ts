/**
 * The cmix reference target's fixtures: the two identities' tokens and the seed surveys and
 * projects. `env/reference.env` (cmix section) names the same values, so a recipe's `${CMIX_*}`
 * always points at something that exists; nothing here is a real secret.
 */
export type Role = 'admin' | 'viewer';

export interface Identity { user: string; role: Role }

export const TOKENS: Readonly<Record<string, Identity>> = {
  'cmix-ref-admin-5b1f0c2e9d7a4e63': { user: 'faultline-admin', role: 'admin' },
  'cmix-ref-viewer-8e24a7f1c03b4d59': { user: 'faultline-viewer', role: 'viewer' },
};

export const SURVEY_STATUSES = ['DESIGN', 'LIVE', 'CLOSED'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** The fixture survey of CMIX_SURVEY_ID (LIVE, so it has data to archive). */
export const FIXTURE_SURVEY_ID = 1001;
/** The fixture project of CMIX_PROJECT_ID. */
export const FIXTURE_PROJECT_ID = 2001;

export interface SeedSurvey { id: number; name: string; status: SurveyStatus }

export const SEED_SURVEYS: readonly SeedSurvey[] = [
  { id: FIXTURE_SURVEY_ID, name: 'faultline fixture survey (live)', status: 'LIVE' },
  { id: 1002, name: 'faultline fixture survey (design)', status: 'DESIGN' },
  { id: 1003, name: 'faultline fixture survey (closed)', status: 'CLOSED' },
];

export interface SeedProject { id: number; name: string; status: SurveyStatus; surveyId: number; groups: string[] }

export const SEED_PROJECTS: readonly SeedProject[] = [
  { id: FIXTURE_PROJECT_ID, name: 'faultline fixture project', status: 'LIVE', surveyId: FIXTURE_SURVEY_ID, groups: ['Quota A', 'Quota B'] },
];

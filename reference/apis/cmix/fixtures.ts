/**
 * The cmix reference target's fixtures: the two identities and the seed surveys and projects.
 * Tokens and fixture ids are env/reference.env's (cmix section), read through `fixture`, so a
 * recipe's `${CMIX_*}` always points at something that exists; nothing here is a real secret.
 */
import { fixture } from '../../fixtures.js';

export type Role = 'admin' | 'viewer';

export interface Identity { user: string; role: Role }

export const TOKENS: Readonly<Record<string, Identity>> = {
  [fixture('CMIX_TOKEN_ADMIN')]: { user: 'faultline-admin', role: 'admin' },
  [fixture('CMIX_TOKEN_VIEWER')]: { user: 'faultline-viewer', role: 'viewer' },
};

export const SURVEY_STATUSES = ['DESIGN', 'LIVE', 'CLOSED'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** The fixture survey of CMIX_SURVEY_ID (LIVE, so it has data to archive). */
export const FIXTURE_SURVEY_ID = Number(fixture('CMIX_SURVEY_ID'));
/** The fixture project of CMIX_PROJECT_ID. */
export const FIXTURE_PROJECT_ID = Number(fixture('CMIX_PROJECT_ID'));

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

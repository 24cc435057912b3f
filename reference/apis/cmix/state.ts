/**
 * In-memory state of the cmix reference target: surveys with their archives, and projects.
 * Ids are integers as on cmix. Archives are kept per survey in a bounded ring, because the
 * conformance recipes POST archives on every run against a long-lived server: old archives
 * are forgotten, never refused, so repeated runs can never exhaust anything.
 */
import { SEED_PROJECTS, SEED_SURVEYS, type SurveyStatus } from './fixtures.js';

export const ARCHIVES_KEPT = 100;

export type Archive = {
  id: number;
  surveyId: number;
  respondentType: string;
  type: string;
  completes: boolean;
  inProcess: boolean;
  terminates: boolean;
  status: 'COMPLETE';
  createdAt: string;
};

export interface Survey { id: number; name: string; status: SurveyStatus; archives: Archive[] }

export interface Project { id: number; name: string; status: SurveyStatus; surveyId: number | null; groups: { id: number; name: string }[] }

export class CmixState {
  readonly surveys = new Map<number, Survey>();
  readonly projects = new Map<number, Project>();
  private nextArchive = 1;
  private nextProject = 5001;
  private nextGroup = 1;

  constructor(private readonly now: () => number) {
    for (const s of SEED_SURVEYS) this.surveys.set(s.id, { ...s, archives: [] });
    for (const p of SEED_PROJECTS) this.addProject(p.name, p.status, p.surveyId, p.groups, p.id);
  }

  addProject(name: string, status: SurveyStatus, surveyId: number | null, groups: string[] = [], id = this.nextProject++): Project {
    const project: Project = { id, name, status, surveyId, groups: groups.map((g) => ({ id: this.nextGroup++, name: g })) };
    this.projects.set(id, project);
    return project;
  }

  addArchive(survey: Survey, spec: Pick<Archive, 'respondentType' | 'type' | 'completes' | 'inProcess' | 'terminates'>): Archive {
    const archive: Archive = {
      id: this.nextArchive++, surveyId: survey.id, ...spec, status: 'COMPLETE', createdAt: new Date(this.now()).toISOString(),
    };
    survey.archives.push(archive);
    if (survey.archives.length > ARCHIVES_KEPT) survey.archives.splice(0, survey.archives.length - ARCHIVES_KEPT);
    return archive;
  }
}

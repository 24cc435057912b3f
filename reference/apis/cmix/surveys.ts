/** Survey resources: list with a status filter, one survey, its definition, its data archives. */
import { json } from '../../http.js';
import { requireAdmin } from './auth.js';
import { cmixError } from './errors.js';
import { SURVEY_STATUSES } from './fixtures.js';
import { readJsonObject } from './negotiate.js';
import { parseId, type Call, type Route } from './routes.js';
import type { Survey } from './state.js';
import { Fields } from './validate.js';

export const RESPONDENT_TYPES = ['LIVE', 'TEST'] as const;
/** cmix does not publish the archive types; these stand in for them. */
export const ARCHIVE_TYPES = ['DATA', 'XLSX', 'SPSS', 'CODEBOOK'] as const;

const FLAGS = ['completes', 'inProcess', 'terminates'] as const;

const view = (s: Survey) => ({ id: s.id, name: s.name, status: s.status });

function survey({ params, state }: Call): Survey {
  const id = parseId(params.id);
  const found = id === undefined ? undefined : state.surveys.get(id);
  if (!found) throw cmixError('not-found', `Survey ${params.id} does not exist.`);
  return found;
}

function list({ req, state }: Call) {
  const wanted = req.query.getAll('status');
  const bad = wanted.filter((s) => !(SURVEY_STATUSES as readonly string[]).includes(s));
  if (bad.length) {
    throw cmixError('unprocessable-entity', 'The status filter did not pass validation.',
      bad.map((s) => ({ field: 'status', message: `'${s}' is not one of ${SURVEY_STATUSES.join(', ')}` })));
  }
  const surveys = [...state.surveys.values()].filter((s) => wanted.length === 0 || wanted.includes(s.status));
  return json(200, surveys.map(view));
}

function definition(call: Call) {
  const s = survey(call);
  return json(200, {
    surveyId: s.id,
    name: s.name,
    sections: [{ label: 'Screener', questions: [{ name: 'Q1', type: 'SINGLE', text: 'Which of these do you use?' }] }],
  });
}

function createArchive(call: Call) {
  const s = survey(call);
  requireAdmin(call.who, `archive survey ${s.id}`);
  const body = readJsonObject(call.req);
  const f = new Fields(body);
  const respondentType = f.oneOf('respondentType', RESPONDENT_TYPES);
  const type = f.oneOf('type', ARCHIVE_TYPES);
  const completes = f.boolean('completes', false) ?? false;
  const inProcess = f.boolean('inProcess', false) ?? false;
  const terminates = f.boolean('terminates', false) ?? false;
  // Only when the three flags are well-typed: a non-boolean is already reported once.
  const typed = FLAGS.every((k) => body[k] === undefined || body[k] === null || typeof body[k] === 'boolean');
  if (typed && !completes && !inProcess && !terminates) f.fail('completes', 'at least one of completes, inProcess, terminates must be true');
  if (s.status === 'DESIGN') f.fail('surveyId', `survey ${s.id} is in DESIGN and has no responses to archive`);
  f.done();
  const created = call.state.addArchive(s, { respondentType: respondentType!, type: type!, completes, inProcess, terminates });
  return json(201, { ...created });
}

function archive(call: Call) {
  const s = survey(call);
  const id = parseId(call.params.archiveId);
  const found = s.archives.find((a) => a.id === id);
  if (!found) throw cmixError('not-found', `Archive ${call.params.archiveId} of survey ${s.id} does not exist.`);
  return json(200, { ...found });
}

export const SURVEY_ROUTES: Route[] = [
  { pattern: '/surveys', methods: { GET: list } },
  { pattern: '/surveys/:id', methods: { GET: (c) => json(200, view(survey(c))) } },
  { pattern: '/surveys/:id/definition', methods: { GET: definition } },
  { pattern: '/surveys/:id/archives', methods: { GET: (c) => json(200, survey(c).archives.map((a) => ({ ...a }))), POST: createArchive } },
  { pattern: '/surveys/:id/archives/:archiveId', methods: { GET: archive } },
];

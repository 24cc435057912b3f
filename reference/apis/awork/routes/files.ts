/**
 * Files attached to tasks. An upload larger than the limit is request-body-too-large ("The
 * uploaded file exceeds the allowed size limit"): the page does not state the limit, so it is
 * the reference target's MAX_BODY_BYTES (1 MiB).
 *   upload: member → task visible, project not archived → size → multipart (invalid-model)
 *   → a part named file (validation-failed) → 200 with the file's metadata.
 */
import type { RefResponse } from '../../../http.js';
import { requireRole } from '../auth.js';
import { checkSize } from '../body.js';
import { failed } from '../check.js';
import type { TaskFile } from '../model.js';
import { readUpload } from '../multipart.js';
import { ok, type Call, type Route } from '../router.js';
import { FILE_FIELDS, fileView } from '../views.js';
import { writable } from './task-rules.js';
import { taskItems, visibleTask } from './tasks.js';

function upload({ req, params, p, store }: Call): RefResponse {
  requireRole(p, 'member', 'upload files');
  const task = writable(store, visibleTask(store, p, params.id!));
  checkSize(req);
  const file = readUpload(req);
  if (!file) throw failed([{ property: 'File', message: "'File' should not be empty." }]);
  // Only the metadata is kept: the reference target has no use for the bytes.
  const record: TaskFile = { id: store.newId(), taskId: task.id, name: file.name, contentType: file.contentType, size: file.data.length, createdOn: store.now() };
  store.files.set(record.id, record);
  return ok(fileView(record));
}

export const FILE_ROUTES: readonly Route[] = [
  {
    pattern: '/tasks/:id/files',
    methods: {
      GET: taskItems((s) => s.files, fileView, FILE_FIELDS),
      POST: upload,
    },
  },
];

/** The fixture OpenAPI documents the import tests use, with the api name each is imported as. */
import { join } from 'node:path';

const FIXTURES = new URL('../../fixtures/openapi/', import.meta.url).pathname;

export const DOCUMENTS = [
  // faultline's own: one operation per derivable status kind
  { file: join(FIXTURES, 'kennel.openapi.yaml'), api: 'kennel' },
  // the Swagger Petstore OpenAPI 3 document, Apache-2.0 (petstore.LICENSE beside it)
  { file: join(FIXTURES, 'petstore.openapi.yaml'), api: 'petstore' },
];

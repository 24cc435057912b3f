/** A small valid catalog the loader tests mutate, and helpers to locate lines in it. */
export const BASE = `api: demo
title: Demo API
baseUrlVar: DEMO_BASE_URL
page: { url: "https://example.test/errors", capture: demo.html, title: Errors }
auth: { header: Authorization, format: "Bearer {token}" }
identities:
  admin: { env: DEMO_TOKEN_ADMIN, description: admin }
defaultIdentity: admin
envelopes:
  error: { type: object, required: [message], properties: { message: { type: string } } }
entries:
  - id: demo/not-found
    title: 404 Not Found
    doc: { url: "https://example.test/errors#404", quote: The thing is not there. }
    status: 404
    strength: must
    body: { kind: json, envelope: error, const: { code: NOT_FOUND } }
    example: '{"message": "nope", "code": "NOT_FOUND"}'
    recipe:
      setup:
        - request: { method: POST, path: /things, json: { name: "{{unique}}" } }
          expect: 201
          capture: { thingId: /body/id }
          basis: { kind: documented, why: "POST /things creates a thing" }
      request: { method: GET, path: "/things/{{thingId}}/missing" }
      basis: { kind: inferred, why: "a path below a thing that does not exist" }
  - id: demo/server-error
    title: "500"
    doc: { url: "https://example.test/errors#500", quote: Oops. }
    status: 5xx
    strength: must
    body: { kind: undocumented, basis: none documented }
    unprovokable: cannot be caused from outside
`;

/** 1-based line number of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`fixture has no line with ${needle}`);
  return i + 1;
}

/** 1-based column of `needle` on its line. */
export function colOf(text: string, needle: string): number {
  const line = text.split('\n').find((l) => l.includes(needle))!;
  return line.indexOf(needle) + 1;
}

/** Types of ./build.js (plain JavaScript: it runs before any TypeScript loader). */
export const ROOT: string;
/** Every module a build starts from, as paths from `root`. */
export function entries(root?: string): string[];
/** The hash of every source a build is made from. */
export function sourcesHash(root?: string): string;
/** The folder of the build of the current sources, built now if there is none yet. */
export function built(root?: string): Promise<string>;
/** The built module of a source file (`src/runner/define.ts` -> `<build>/src/runner/define.js`). */
export function builtModule(dir: string, source: string): string;

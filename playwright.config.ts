/**
 * faultline's Playwright configuration: see src/cli/playwright-config.ts. A bare `npx playwright
 * test` loads this file and the specs as TypeScript; `faultline run` gives Playwright this file's
 * build instead (bin/build.js: plain JavaScript, loaded without a TypeScript transform).
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCode } from './src/cli/run-code.js';

const { faultlineConfig } = await runCode<typeof import('./src/cli/playwright-config.js')>('src/cli/playwright-config.ts', () => import('./src/cli/playwright-config.js'));

// this file's own folder: the project root, or the build's folder when Playwright loads the build
export default faultlineConfig({ configDir: dirname(fileURLToPath(import.meta.url)) });

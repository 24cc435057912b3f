/** After a run: remove the scratch folder playwright.config.ts named for it (see FAULTLINE_RUN_DIR). */
import { rmSync } from 'node:fs';
import { loadEnv } from '../env.js';

export default function globalTeardown(): void {
  const { runDir } = loadEnv().settings;
  if (runDir) rmSync(runDir, { recursive: true, force: true });
}

/** After a run: remove the scratch folder playwright.config.ts named for it (see FAULTLINE_RUN_DIR). */
import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
  if (process.env.FAULTLINE_RUN_DIR) rmSync(process.env.FAULTLINE_RUN_DIR, { recursive: true, force: true });
}

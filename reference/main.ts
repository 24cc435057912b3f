/**
 * `npm run reference`: start the reference target alone.
 *   --port N (or REFERENCE_PORT; 0 picks a free port)   --lag-ms N (or REFERENCE_LAG_MS: CloudPirates' read-model lag)
 *   --delay-ms N (or REFERENCE_DELAY_MS: every answer N ms late, a round trip to simulate)
 *   --deviations SPEC (or REFERENCE_DEVIATIONS; see deviations.ts)
 * Prints "faultline reference target listening on port N" and the base URLs, then serves until
 * SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { parseDeviations } from './deviations.js';
import { startReference } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'lag-ms': { type: 'string' },
    'delay-ms': { type: 'string' },
    deviations: { type: 'string' },
  },
});

const port = Number(values.port ?? process.env.REFERENCE_PORT ?? 4010);
const lag = values['lag-ms'] ?? process.env.REFERENCE_LAG_MS;
const delay = values['delay-ms'] ?? process.env.REFERENCE_DELAY_MS;
try {
  const ref = await startReference({
    port,
    ...(lag !== undefined ? { lagMs: Number(lag) } : {}),
    ...(delay !== undefined ? { delayMs: Number(delay) } : {}),
    deviations: parseDeviations(values.deviations ?? process.env.REFERENCE_DEVIATIONS),
  });
  process.stdout.write(`faultline reference target listening on port ${ref.port}\n`);
  for (const [name, url] of Object.entries(ref.baseUrls)) process.stdout.write(`  ${name}=${url}\n`);
  const stop = (): void => { void ref.close().then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  process.stderr.write(`faultline reference target: ${(err as Error).message}\n`);
  process.exit(1);
}

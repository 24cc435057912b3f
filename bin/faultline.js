#!/usr/bin/env node
// The `faultline` command (package.json `bin`). Node 20 cannot run TypeScript by itself, so this
// launcher registers tsx (a dependency of this package, resolved from here, not from the caller's
// folder) and hands over to src/cli/faultline.ts, where the commands are.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/faultline.ts');
await main(process.argv.slice(2));

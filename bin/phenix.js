#!/usr/bin/env node
// Phénix runs its TypeScript sources directly (no build step): tsx compiles them on the fly.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv);

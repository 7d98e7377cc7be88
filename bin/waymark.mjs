#!/usr/bin/env node
// The `waymark` command: registers the TypeScript loader, then runs the CLI from source.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../packages/cli/src/main.ts');
await main(process.argv);

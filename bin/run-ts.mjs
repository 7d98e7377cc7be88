#!/usr/bin/env node
// Runs a TypeScript file from the repository (used by `npm run bench`).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const [file, ...rest] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: run-ts.mjs FILE.ts [args]');
process.argv = [process.argv[0], file, ...rest];
await import(pathToFileURL(resolve(file)).href);

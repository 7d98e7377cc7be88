#!/usr/bin/env node
// Drops optional dependencies that the lock file lists but has no entry for. npm records the
// platform builds of @biomejs/biome and @duckdb/node-bindings as optional dependencies; when the
// registry a lock file was made against lacks some of them (this project's mirror does), npm
// leaves them out of the lock file yet `npm ci` then refuses it as out of sync. Run after
// `npm install` (npm run lock:prune); it changes nothing when nothing is missing.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const present = new Set(Object.keys(lock.packages).map((key) => key.replace(/^.*node_modules\//, '')));
let removed = 0;
for (const entry of Object.values(lock.packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    if (present.has(name)) continue;
    delete entry.optionalDependencies[name];
    removed++;
  }
}
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`prune-lockfile: removed ${removed} optional dependencies missing from the lock file\n`);

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type JourneyDefinition, JourneyDefinitionError, loadJourney } from '@waymark/core';

/** The journey files of a workspace: `<data>/journeys/*.yaml` (or .yml, .json). */
export function journeysFolder(dataDir: string): string {
  return join(dataDir, 'journeys');
}

/**
 * Loads journey definitions from files, by id. Every file is checked; all errors (each with
 * file, line and field) are thrown together, and two files with one id are an error too.
 */
export async function loadJourneyFiles(files: readonly string[]): Promise<Map<string, JourneyDefinition>> {
  const journeys = new Map<string, JourneyDefinition>();
  const problems: string[] = [];
  const fileOf = new Map<string, string>();
  for (const file of files) {
    try {
      const journey = loadJourney(await readFile(file, 'utf8'), file);
      const other = fileOf.get(journey.id);
      if (other !== undefined) problems.push(`${file}: journey id "${journey.id}" is also used by ${other}`);
      fileOf.set(journey.id, file);
      journeys.set(journey.id, journey);
    } catch (error) {
      if (error instanceof JourneyDefinitionError) problems.push(error.message);
      else throw error;
    }
  }
  if (problems.length > 0) throw new Error(`invalid journey definition:\n${problems.join('\n')}`);
  return journeys;
}

/** The journey files in a folder, sorted by name (none if the folder does not exist). */
export async function journeyFilesIn(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => /\.(ya?ml|json)$/i.test(name))
    .sort()
    .map((name) => join(folder, name));
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { LINK_TRAITS, type LinkTrait } from '@waymark/core';
import { parseDocument } from 'yaml';

/** The workspace settings file: `<data>/waymark.yaml` (optional; every setting has a default). */
export const SETTINGS_FILE = 'waymark.yaml';

export const WorkspaceSettingsSchema = Type.Object(
  {
    identity: Type.Optional(
      Type.Object(
        {
          linkBy: Type.Optional(
            Type.Array(Type.Union(LINK_TRAITS.map((trait) => Type.Literal(trait))), {
              uniqueItems: true,
              description: 'identify traits whose shared value links identities into one customer; none by default',
            }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type WorkspaceSettingsInput = Static<typeof WorkspaceSettingsSchema>;

/** The settings a workspace runs with. */
export interface WorkspaceSettings {
  identity: { linkBy: LinkTrait[] };
}

export const DEFAULT_SETTINGS: WorkspaceSettings = { identity: { linkBy: [] } };

/** Thrown for an unreadable or invalid settings file: every problem as `file field: message`. */
export class WorkspaceSettingsError extends Error {}

/** Parses and validates settings text (YAML or JSON); `file` names it in errors. */
export function parseWorkspaceSettings(text: string, file: string): WorkspaceSettings {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new WorkspaceSettingsError(doc.errors.map((e) => `${file}: ${e.message.split('\n')[0]}`).join('\n'));
  }
  const input: unknown = doc.toJS() ?? {};
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const error of Value.Errors(WorkspaceSettingsSchema, input)) {
    if (seen.has(error.path)) continue; // unions report every branch: the first says enough
    seen.add(error.path);
    problems.push(`${file} ${fieldName(error.path)}: ${message(error.schema, error.message)}`);
  }
  if (problems.length > 0) throw new WorkspaceSettingsError(`invalid workspace settings:\n${problems.join('\n')}`);
  const settings = input as WorkspaceSettingsInput;
  return { identity: { linkBy: [...(settings.identity?.linkBy ?? [])] } };
}

/** Reads `<data>/waymark.yaml`; the defaults when there is none (or for `:memory:`). */
export async function loadWorkspaceSettings(dataDir: string): Promise<WorkspaceSettings> {
  if (dataDir === ':memory:') return DEFAULT_SETTINGS;
  const file = join(dataDir, SETTINGS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_SETTINGS;
    throw error;
  }
  return parseWorkspaceSettings(text, file);
}

/** A `--link-by` flag: `email`, `phone`, `email,phone`, or `none`. */
export function parseLinkBy(text: string, flag = '--link-by'): LinkTrait[] {
  if (text.trim() === 'none') return [];
  const traits = text.split(',').map((part) => part.trim());
  for (const trait of traits) {
    if (!(LINK_TRAITS as readonly string[]).includes(trait)) {
      throw new WorkspaceSettingsError(
        `${flag}: expected ${LINK_TRAITS.join(', ')} (comma-separated) or none, got ${JSON.stringify(trait)}`,
      );
    }
  }
  return [...new Set(traits as LinkTrait[])];
}

/** A union of literals says which values it takes (TypeBox only says "Expected union value"). */
function message(schema: TSchema, fallback: string): string {
  const values = (schema.anyOf as Array<{ const?: unknown }> | undefined)?.map((branch) => branch.const);
  if (values === undefined || values.some((value) => value === undefined)) return fallback;
  return `Expected one of ${values.map((value) => JSON.stringify(value)).join(', ')}`;
}

/** A JSON pointer (`/identity/linkBy/0`) as a field name (`identity.linkBy[0]`). */
function fieldName(pointer: string): string {
  if (pointer === '') return '(settings)';
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name === '' ? part : `${name}.${part}`), '');
}

/**
 * JSON Schemas of the HTTP API's response bodies, generated from their TypeScript types
 * (`ApiTypes` in packages/server/src/api-types.ts, which takes in core's `ReportTypes`) with
 * ts-json-schema-generator, as OpenAPI 3.1 components: `#/components/schemas/<TypeName>`.
 */
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type JsonSchema = { [key: string]: unknown };

/** The types the generator is pointed at; they are not bodies themselves, so not components. */
const ENTRY_TYPES = new Set(['ApiTypes', 'ReportTypes']);

export interface ResponseTypes {
  /** Every named type `ApiTypes` reaches, by name, with `$ref`s pointing into components. */
  schemas: Record<string, JsonSchema>;
  /** The response type of each report, by report name (from `ReportTypes`). */
  reports: Record<string, string>;
}

export function responseTypeSchemas(): ResponseTypes {
  const generated = createGenerator({
    path: `${ROOT}packages/server/src/api-types.ts`,
    tsconfig: `${ROOT}tsconfig.json`,
    type: 'ApiTypes',
    expose: 'export',
    jsDoc: 'extended',
    // The type check is `npm run typecheck`'s job; here it would only double the time.
    skipTypeCheck: true,
    // TypeScript object types are exact: a property the type does not declare is drift.
    additionalProperties: false,
  }).createSchema('ApiTypes');
  const definitions = (generated.definitions ?? {}) as Record<string, JsonSchema>;
  const schemas: Record<string, JsonSchema> = {};
  for (const name of Object.keys(definitions).sort()) {
    if (ENTRY_TYPES.has(name)) continue;
    if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`type ${name}: not a valid OpenAPI component name`);
    schemas[name] = toOpenApiSchema(definitions[name]);
  }
  const reportTypes = (definitions.ReportTypes?.properties ?? {}) as Record<string, { $ref?: string }>;
  const reports = Object.fromEntries(
    Object.entries(reportTypes).map(([report, schema]) => {
      if (schema.$ref === undefined) throw new Error(`ReportTypes.${report}: expected a named type`);
      return [report, schema.$ref.slice('#/definitions/'.length)];
    }),
  );
  return { schemas, reports };
}

/**
 * A draft-07 schema (what ts-json-schema-generator and TypeBox write) in JSON Schema 2020-12,
 * OpenAPI 3.1's dialect: `$ref`s to `#/definitions/X` point to `#/components/schemas/X`, and
 * tuples (`items: [...]`, `additionalItems`) become `prefixItems` and `items`. The rest of what
 * these generators write means the same in both.
 */
export function toOpenApiSchema(schema: unknown): JsonSchema {
  return rewrite(schema) as JsonSchema;
}

function rewrite(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewrite);
  if (value === null || typeof value !== 'object') return value;
  const source = value as JsonSchema;
  const out: JsonSchema = {};
  for (const [key, child] of Object.entries(source)) {
    if (key === '$ref' && typeof child === 'string') {
      if (!child.startsWith('#/definitions/')) throw new Error(`unexpected $ref ${child}`);
      out.$ref = `#/components/schemas/${decodeURIComponent(child.slice('#/definitions/'.length))}`;
    } else if (key === 'items' && Array.isArray(child)) {
      out.prefixItems = rewrite(child);
      if ('additionalItems' in source) out.items = rewrite(source.additionalItems);
    } else if (key !== 'additionalItems' || !Array.isArray(source.items)) {
      out[key] = rewrite(child);
    }
  }
  return out;
}

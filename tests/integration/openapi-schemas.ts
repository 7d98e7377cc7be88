import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** docs/openapi.json, as committed. */
export const OPENAPI_DOCUMENT = JSON.parse(
  readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'),
) as OpenApiDocument;

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }>; responses: Responses }>>;
  components: { responses: Responses; schemas: Record<string, unknown> };
}
type Responses = Record<
  string,
  { $ref?: string; content?: Record<string, { schema: unknown; 'x-event-data'?: { $ref: string } }> }
>;

export interface Check {
  valid: boolean;
  /** The schema errors, one line each (empty when valid). */
  errors: string[];
}

const DOCUMENT_ID = 'https://waymark.test/openapi.json';
const pointer = (...tokens: string[]): string =>
  tokens.map((token) => `/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/**
 * Validates bodies against the schemas of docs/openapi.json with ajv (JSON Schema 2020-12, the
 * dialect of OpenAPI 3.1), following the document's own `$ref`s: what a client of the document sees.
 */
export class OpenApiSchemas {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ReturnType<Ajv2020['compile']>>();

  constructor(readonly document: OpenApiDocument = OPENAPI_DOCUMENT) {
    addFormats(this.ajv);
    this.ajv.addSchema(document as object, DOCUMENT_ID);
  }

  /** The JSON Pointer of the schema of one response: path, method, status, media type. */
  responsePointer(path: string, method: string, status: number, mediaType = 'application/json'): string {
    const operation = this.document.paths[path]?.[method];
    if (operation === undefined) throw new Error(`the document has no ${method.toUpperCase()} ${path}`);
    let response = operation.responses[String(status)];
    let at = pointer('paths', path, method, 'responses', String(status));
    if (response?.$ref !== undefined) {
      const name = response.$ref.replace('#/components/responses/', '');
      response = this.document.components.responses[name];
      at = pointer('components', 'responses', name);
    }
    if (response?.content?.[mediaType] === undefined) {
      throw new Error(`${method.toUpperCase()} ${path}: no ${status} ${mediaType} response in the document`);
    }
    return `${at}${pointer('content', mediaType, 'schema')}`;
  }

  /** Checks a value against the schema at a pointer into the document. */
  check(schemaPointer: string, value: unknown): Check {
    let validate = this.compiled.get(schemaPointer);
    if (validate === undefined) {
      validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}#${schemaPointer}` });
      this.compiled.set(schemaPointer, validate);
    }
    const valid = validate(value) === true;
    return { valid, errors: (validate.errors ?? []).map(describe) };
  }

  /** Checks a response body against what the document says that operation answers with that status. */
  checkResponse(path: string, method: string, status: number, body: unknown): Check {
    return this.check(this.responsePointer(path, method, status), body);
  }
}

function describe(error: ErrorObject): string {
  return `${error.instancePath || '(root)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`;
}

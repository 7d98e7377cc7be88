import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { REPORT_NAMES } from '@waymark/core';
import { startServer } from '@waymark/server';
import { describe, expect, it } from 'vitest';
import { openApiText } from '../../scripts/openapi.ts';
import { OPENAPI_DOCUMENT, OpenApiSchemas } from './openapi-schemas.ts';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** `METHOD /path/:param` for every route in Fastify's route tree (`printRoutes`), HEAD left out. */
function serverRoutes(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (match === null) continue;
    stack.length = (match[1] ?? '').length / 4;
    stack.push(match[2] ?? '');
    for (const method of match[3]?.split(', ') ?? []) {
      if (method !== 'HEAD') routes.push(`${method} ${stack.join('')}`);
    }
  }
  return routes.sort();
}

/** The same for the document: `{param}` as `:param`, and each report's own path as the route it is. */
function documentedRoutes(): string[] {
  const routes = new Set<string>();
  for (const [path, item] of Object.entries(OPENAPI_DOCUMENT.paths)) {
    const route = path.replace(/\{(\w+)\}/g, ':$1').replace(/^\/api\/reports\/[\w-]+$/, '/api/reports/:name');
    for (const method of Object.keys(item).filter((key) => METHODS.includes(key))) {
      routes.add(`${method.toUpperCase()} ${route}`);
    }
  }
  return [...routes].sort();
}

describe('the OpenAPI document (docs/openapi.json)', () => {
  it('is what `npm run openapi` generates from the code: run it after changing a route, its types or a report type', () => {
    expect(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8')).toBe(openApiText());
  }, 120_000);

  it('is a valid OpenAPI 3.1 document, and the check would say so if it were not', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(OPENAPI_DOCUMENT) as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');

    const broken = structuredClone(OPENAPI_DOCUMENT);
    broken.paths['/api/reports/variants']?.get?.parameters?.push({ name: 'top', in: 'body' });
    expect((await new Validator().validate(broken as unknown as Record<string, unknown>)).valid).toBe(false);
  });

  it('describes every route the server has and no other, and every report by its own path', async () => {
    const server = await startServer({ dataDir: ':memory:', writeKey: 'w', adminToken: 't', webDir: null });
    let routes: string[];
    try {
      routes = serverRoutes(server.app.printRoutes({ commonPrefix: false }));
    } finally {
      await server.close();
    }
    // `GET /` only says the web app is not built; the web app is no part of the API.
    expect(routes.filter((route) => route !== 'GET /')).toEqual(documentedRoutes());
    for (const name of REPORT_NAMES) expect(OPENAPI_DOCUMENT.paths[`/api/reports/${name}`]?.get).toBeDefined();
    expect(routes).toContain('GET /api/reports/:name');
  });

  it('has a schema for every response of every operation, and each one compiles (every $ref resolves)', () => {
    const schemas = new OpenApiSchemas();
    let count = 0;
    for (const [path, item] of Object.entries(OPENAPI_DOCUMENT.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const status of Object.keys(operation.responses)) {
          const mediaType = path === '/api/live' && status === '200' ? 'text/event-stream' : 'application/json';
          expect(() =>
            schemas.check(schemas.responsePointer(path, method, Number(status), mediaType), null),
          ).not.toThrow();
          count++;
        }
      }
    }
    for (const name of Object.keys(OPENAPI_DOCUMENT.components.schemas)) {
      expect(() => schemas.check(`/components/schemas/${name}`, null), name).not.toThrow();
    }
    expect(count).toBeGreaterThan(REPORT_NAMES.length * 3);
  });
});

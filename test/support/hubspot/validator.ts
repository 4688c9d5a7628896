/**
 * Validates HTTP requests and responses against HubSpot's OpenAPI documents with ajv
 * (OpenAPI 3.0 schemas are JSON Schema draft-07-compatible plus `nullable`, which ajv
 * knows; `example` and other annotations are ignored): the operation is found by method and
 * path template, then the JSON body, the query parameters and the answer are each checked
 * against the operation's schemas. Nothing here is a guess at HubSpot's shapes.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument, OpenApiOperation, SpecName } from './spec.js';

// ajv-formats is CommonJS: its default export is the function under ESM interop.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export interface MatchedOperation {
  spec: SpecName;
  template: string;
  method: string;
  operation: OpenApiOperation;
  params: Record<string, string>;
}

export class OpenApiValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly routes: { spec: SpecName; template: string; pattern: RegExp; names: string[] }[] = [];

  constructor(private readonly specs: Record<SpecName, OpenApiDocument>) {
    addFormats(this.ajv);
    for (const [name, doc] of Object.entries(specs) as [SpecName, OpenApiDocument][]) {
      this.ajv.addSchema({ components: doc.components }, name);
      for (const template of Object.keys(doc.paths)) {
        const names: string[] = [];
        const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, n: string) => (names.push(n), '([^/]+)'))}$`);
        this.routes.push({ spec: name, template, pattern, names });
      }
    }
  }

  /** The operation for `method` and `path`, or null when HubSpot publishes none. */
  match(method: string, path: string): MatchedOperation | null {
    // Literal templates (…/search) win over parameterised ones (…/{contactId}).
    const candidates = this.routes.filter((r) => r.pattern.test(path)).sort((a, b) => a.names.length - b.names.length);
    for (const route of candidates) {
      const operation = this.specs[route.spec].paths[route.template]![method.toLowerCase()];
      if (!operation) continue;
      const values = route.pattern.exec(path)!.slice(1);
      return { spec: route.spec, template: route.template, method, operation, params: Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(values[i]!)])) };
    }
    return null;
  }

  private validatorFor(spec: SpecName, schema: unknown): ValidateFunction {
    const ref = (schema as { $ref?: string }).$ref;
    const key = ref ? `${spec}${ref}` : `${spec}:${JSON.stringify(schema)}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = ref ? this.ajv.getSchema(`${spec}${ref}`)! : this.ajv.compile(schema as object);
      if (!validate) throw new Error(`${spec}: no schema at ${ref}`);
      this.compiled.set(key, validate);
    }
    return validate;
  }

  private check(spec: SpecName, schema: unknown, value: unknown, what: string): string[] {
    const validate = this.validatorFor(spec, schema);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${what}${e.instancePath || ''} ${e.message ?? 'is invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
  }

  /** Violations of the request's query parameters and JSON body. */
  checkRequest(match: MatchedOperation, query: URLSearchParams, body: unknown): string[] {
    const problems: string[] = [];
    for (const parameter of match.operation.parameters ?? []) {
      if (parameter.in !== 'query' || !parameter.schema) continue;
      const raw = query.get(parameter.name);
      if (raw === null) {
        if (parameter.required) problems.push(`query ${parameter.name} is required`);
        continue;
      }
      const type = (parameter.schema as { type?: string }).type;
      const value = type === 'integer' || type === 'number' ? Number(raw) : type === 'boolean' ? (raw === 'true' ? true : raw === 'false' ? false : raw) : type === 'array' ? raw.split(',') : raw;
      problems.push(...this.check(match.spec, parameter.schema, value, `query ${parameter.name}`));
    }
    const known = new Set((match.operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of query.keys()) if (!known.has(name)) problems.push(`query ${name} is not a parameter of ${match.method} ${match.template}`);
    const requestBody = match.operation.requestBody;
    if (requestBody) {
      if (body === undefined) {
        if (requestBody.required) problems.push('a JSON body is required');
      } else {
        problems.push(...this.check(match.spec, requestBody.content['application/json']!.schema, body, 'body'));
      }
    } else if (body !== undefined) {
      problems.push(`${match.method} ${match.template} takes no body`);
    }
    return problems;
  }

  /** Violations of a response with `status` and JSON `body` (an undeclared status is one). */
  checkResponse(match: MatchedOperation, status: number, body: unknown): string[] {
    const declared = match.operation.responses[String(status)] ?? (status >= 400 ? match.operation.responses.default : undefined);
    if (!declared) return [`status ${status} is not a response of ${match.method} ${match.template}`];
    const response = declared.$ref ? this.specs[match.spec].components.responses?.[declared.$ref.split('/').pop()!] : declared;
    const content = response?.content?.['application/json'] ?? response?.content?.['*/*'];
    if (!content?.schema) return body === undefined ? [] : [`status ${status} of ${match.method} ${match.template} has no body`];
    return this.check(match.spec, content.schema, body, `response ${status}`);
  }
}

import Ajv2019Module from 'ajv/dist/2019.js';
import type { ValidateFunction } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import { BosunError } from '../../../kernel/index.js';
import { isObject, parseQuantity } from '../../../k8s/index.js';
import type { JsonObject } from '../../../k8s/index.js';
import { goRegExp } from './go-regexp.js';

type Ajv = InstanceType<typeof Ajv2019Module.default>;

/** Compiled schemas by their JSON text; templated schemas render to few distinct texts. */
const MAX_CACHED = 1000;
const cache = new Map<string, ValidateFunction>();
let shared: Ajv | undefined;

function ajv(): Ajv {
  if (shared !== undefined) return shared;
  const regExp = Object.assign((pattern: string, flags: string) => goRegExp(pattern, flags), { code: 'goRegExp' });
  const instance = new Ajv2019Module.default({ strict: false, allErrors: false, code: { regExp } });
  addFormatsModule.default(instance);
  // Polaris's extra keywords: bounds on Kubernetes quantities (`100Mi`, `500m`, `2`).
  instance.addKeyword({ keyword: 'resourceMinimum', schemaType: ['string', 'number'], errors: false, validate: (limit: unknown, data: unknown) => quantityAtLeast(data, limit) });
  instance.addKeyword({ keyword: 'resourceMaximum', schemaType: ['string', 'number'], errors: false, validate: (limit: unknown, data: unknown) => quantityAtLeast(limit, data) });
  shared = instance;
  return instance;
}

/** a >= b as quantities; unparsable values fail the keyword. Tolerates float rounding of suffixes. */
function quantityAtLeast(a: unknown, b: unknown): boolean {
  const x = parseQuantity(a);
  const y = parseQuantity(b);
  if (x === undefined || y === undefined) return false;
  return x >= y || Math.abs(x - y) <= Math.abs(y) * 1e-12;
}

/** Compiles a JSON Schema (draft 2019-09) after the clean-up `sanitizeSchema` does. */
export function compileSchema(schema: unknown, label: string): (data: unknown) => boolean {
  const clean = sanitizeSchema(schema);
  if (!isObject(clean) && typeof clean !== 'boolean') throw new BosunError('config.invalid', `${label}: schema is not an object`);
  const key = JSON.stringify(clean);
  let validate = cache.get(key);
  if (validate === undefined) {
    try {
      validate = ajv().compile(clean);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new BosunError('config.invalid', `${label}: invalid JSON Schema: ${reason}`, { cause });
    }
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, validate);
  }
  const fn = validate;
  return (data) => fn(data) === true;
}

/** Keywords whose value is data, not a schema: left as written. */
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples']);

/** Keywords that need one of their subschemas to hold: with none listed, nothing can satisfy them. */
const SOME_OF = new Set(['anyOf', 'oneOf']);

/**
 * Polaris's YAML schemas carry things a strict validator rejects: `$schema` URIs ajv does not know
 * (`.../schema#`), and keywords left empty (`required:` with nothing under it, or a `oneOf:` whose
 * templated items rendered to nothing). An empty anyOf/oneOf cannot be met, so it becomes `[false]`;
 * other empty keywords mean "no constraint" and are dropped.
 */
export function sanitizeSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sanitizeSchema);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === '$schema') continue;
    if (SOME_OF.has(key) && (v === null || (Array.isArray(v) && v.length === 0))) out[key] = [false];
    else if (v === null || v === undefined) {
      if (DATA_KEYWORDS.has(key) && v === null) out[key] = null;
    } else out[key] = DATA_KEYWORDS.has(key) ? v : sanitizeSchema(v);
  }
  return out;
}

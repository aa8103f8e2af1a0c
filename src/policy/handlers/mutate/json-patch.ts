/**
 * RFC 6902 JSON Patch, applied the way Kyverno applies `patchesJson6902`: `add` creates missing
 * parent objects and `remove` of a missing path is a no-op (Kyverno enables both options of its
 * JSON patch library), `-` appends to a list, and paths use RFC 6901 escapes (`~1` is `/`, `~0` is `~`).
 */
export interface JsonPatchOperation {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

export class JsonPatchError extends Error {
  override readonly name = 'JsonPatchError';
}

/** Returns a patched deep copy; the input is never modified. Throws JsonPatchError. */
export function applyJsonPatch(document: unknown, operations: readonly JsonPatchOperation[]): unknown {
  let doc = structuredClone(document);
  for (const operation of operations) doc = applyOne(doc, operation);
  return doc;
}

/** ref. RFC 6901 section 4: `~1` before `~0`. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new JsonPatchError(`invalid JSON pointer "${pointer}": it must start with "/"`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function applyOne(doc: unknown, operation: JsonPatchOperation): unknown {
  const path = parsePointer(operation.path);
  switch (operation.op) {
    case 'add':
      return add(doc, path, structuredClone(operation.value));
    case 'remove':
      return remove(doc, path, true);
    case 'replace': {
      if (path.length === 0) return structuredClone(operation.value);
      if (get(doc, path) === undefined) throw new JsonPatchError(`replace: path ${operation.path} does not exist`);
      return add(remove(doc, path, false), path, structuredClone(operation.value));
    }
    case 'move': {
      const from = parsePointer(operation.from ?? '');
      const value = get(doc, from);
      if (value === undefined) throw new JsonPatchError(`move: from ${operation.from ?? ''} does not exist`);
      return add(remove(doc, from, false), path, value);
    }
    case 'copy': {
      const value = get(doc, parsePointer(operation.from ?? ''));
      if (value === undefined) throw new JsonPatchError(`copy: from ${operation.from ?? ''} does not exist`);
      return add(doc, path, structuredClone(value));
    }
    case 'test': {
      if (!deepEqual(get(doc, path), operation.value)) throw new JsonPatchError(`test failed at ${operation.path}`);
      return doc;
    }
    default:
      throw new JsonPatchError(`unknown JSON patch operation "${operation.op}"`);
  }
}

function get(doc: unknown, path: readonly string[]): unknown {
  let cursor: unknown = doc;
  for (const token of path) {
    if (Array.isArray(cursor)) {
      const i = index(token, cursor.length, false);
      cursor = i === undefined ? undefined : cursor[i];
    } else if (isRecord(cursor)) {
      cursor = Object.hasOwn(cursor, token) ? cursor[token] : undefined;
    } else {
      return undefined;
    }
  }
  return cursor;
}

function add(doc: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  let cursor: unknown = doc;
  const parents = path.slice(0, -1);
  for (const [n, token] of parents.entries()) {
    // Kyverno's "ensure path exists on add": missing parents are created, as lists when the next
    // token is a list index (`0`, `-`, `-1`) and as objects otherwise.
    const fresh = (): unknown => (/^(-|-?\d+)$/.test(path[n + 1] ?? '') ? [] : {});
    if (Array.isArray(cursor)) {
      let i = index(token, cursor.length, false);
      if (i === undefined && /^-\d+$/.test(token) && cursor.length + Number(token) >= 0) i = cursor.length + Number(token);
      if (i === undefined) {
        if (token !== '-' && !/^-\d+$/.test(token) && Number(token) !== cursor.length) throw new JsonPatchError(`add: list index ${token} out of range`);
        cursor.push(fresh());
        i = cursor.length - 1;
      }
      cursor = cursor[i];
    } else if (isRecord(cursor)) {
      if (!isRecord(cursor[token]) && !Array.isArray(cursor[token])) cursor[token] = fresh();
      cursor = cursor[token];
    } else {
      throw new JsonPatchError(`add: cannot descend into a scalar at ${token}`);
    }
  }
  const last = path[path.length - 1] ?? '';
  if (Array.isArray(cursor)) {
    // A negative index counts from the end; `-1` appends.
    const i = /^-\d+$/.test(last) && last !== '-0' ? Math.max(0, cursor.length + 1 + Number(last)) : index(last, cursor.length, true);
    if (i === undefined) throw new JsonPatchError(`add: list index ${last} out of range`);
    cursor.splice(i, 0, value);
  } else if (isRecord(cursor)) {
    cursor[last] = value;
  } else {
    throw new JsonPatchError(`add: parent of ${last} is not an object or list`);
  }
  return doc;
}

function remove(doc: unknown, path: readonly string[], allowMissing: boolean): unknown {
  if (path.length === 0) return null;
  const parent = get(doc, path.slice(0, -1));
  const last = path[path.length - 1] ?? '';
  if (Array.isArray(parent)) {
    const i = index(last, parent.length, false);
    if (i !== undefined) parent.splice(i, 1);
    else if (!allowMissing) throw new JsonPatchError(`remove: list index ${last} out of range`);
  } else if (isRecord(parent) && Object.hasOwn(parent, last)) {
    delete parent[last];
  } else if (!allowMissing) {
    throw new JsonPatchError(`path /${path.join('/')} does not exist`);
  }
  return doc;
}

/** A list index; `-` (one past the end) only where adding allows it. */
function index(token: string, length: number, forAdd: boolean): number | undefined {
  if (token === '-') return forAdd ? length : undefined;
  if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
  const i = Number(token);
  return i < length || (forAdd && i === length) ? i : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

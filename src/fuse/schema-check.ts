/**
 * A small JSON Schema checker for the subset docs/dossier.schema.json uses (type, properties, required,
 * additionalProperties: false, items, enum, const, $ref to #/$defs, allOf, minimum, minItems, pattern), so tests can
 * hold the schema and the code to each other without a validator dependency. Returns the problems found, by path.
 */

type Schema = { readonly [key: string]: unknown };

export function checkAgainstSchema(value: unknown, schema: Schema): string[] {
  const problems: string[] = [];
  const root = schema;
  const resolve = (s: Schema): Schema => {
    const ref = s['$ref'];
    if (typeof ref !== 'string') return s;
    const m = /^#\/\$defs\/(.+)$/.exec(ref);
    const defs = root['$defs'] as Record<string, Schema> | undefined;
    const target = m?.[1] !== undefined ? defs?.[m[1]] : undefined;
    if (!target) throw new Error(`schema: unsupported or unknown $ref ${ref}`);
    return resolve(target);
  };
  const visit = (v: unknown, raw: Schema, path: string): void => {
    const s = resolve(raw);
    for (const part of (s['allOf'] as Schema[] | undefined) ?? []) visit(v, part, path);
    if ('const' in s && v !== s['const']) problems.push(`${path}: expected ${JSON.stringify(s['const'])}, got ${JSON.stringify(v)}`);
    const options = s['enum'] as unknown[] | undefined;
    if (options && !options.includes(v)) problems.push(`${path}: ${JSON.stringify(v)} is not one of ${JSON.stringify(options)}`);
    const type = s['type'] as string | undefined;
    if (type && !hasType(v, type)) {
      problems.push(`${path}: expected ${type}, got ${Array.isArray(v) ? 'array' : typeof v}`);
      return;
    }
    if (typeof v === 'number' && typeof s['minimum'] === 'number' && v < s['minimum']) problems.push(`${path}: ${v} < minimum ${String(s['minimum'])}`);
    if (typeof v === 'string' && typeof s['pattern'] === 'string' && !new RegExp(s['pattern'], 'u').test(v)) problems.push(`${path}: "${v}" does not match ${String(s['pattern'])}`);
    if (Array.isArray(v)) {
      if (typeof s['minItems'] === 'number' && v.length < s['minItems']) problems.push(`${path}: ${v.length} items < minItems ${String(s['minItems'])}`);
      const items = s['items'] as Schema | undefined;
      if (items) v.forEach((item, i) => visit(item, items, `${path}[${i}]`));
    } else if (typeof v === 'object' && v !== null) {
      const record = v as Record<string, unknown>;
      const props = (s['properties'] as Record<string, Schema> | undefined) ?? {};
      for (const key of (s['required'] as string[] | undefined) ?? []) if (!(key in record)) problems.push(`${path}: missing required "${key}"`);
      for (const [key, child] of Object.entries(record)) {
        const sub = props[key];
        if (sub) visit(child, sub, `${path}.${key}`);
        else if (s['additionalProperties'] === false) problems.push(`${path}: unexpected property "${key}"`);
      }
    }
  };
  visit(value, schema, '$');
  return problems;
}

function hasType(v: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'array':
      return Array.isArray(v);
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    default:
      throw new Error(`schema: unsupported type ${type}`);
  }
}

// A tiny declarative shape checker for messages and proxy answers.  Unknown keys are refused, every string has a
// length cap, and errors name the path and the rule — never the value.

export class ShapeError extends Error {
  constructor(path, rule) {
    super(`invalid ${path || 'value'}: ${rule}`);
    this.name = 'ShapeError';
    this.path = path;
    this.rule = rule;
  }
}

export const str = (max, { min = 0, optional = false, nullable = false, pattern = null } = {}) => ({
  kind: 'string', max, min, optional, nullable, pattern,
});
export const int = ({ min = 0, max = Number.MAX_SAFE_INTEGER, optional = false, nullable = false } = {}) => ({
  kind: 'int', min, max, optional, nullable,
});
export const bool = ({ optional = false } = {}) => ({ kind: 'bool', optional });
export const oneOf = (values, { optional = false, nullable = false } = {}) => ({
  kind: 'enum', values: new Set(values), optional, nullable,
});
export const obj = (fields, { optional = false, nullable = false } = {}) => ({
  kind: 'object', fields, optional, nullable,
});
export const arr = (item, { max, optional = false } = {}) => ({ kind: 'array', item, max, optional });
export const record = (key, value, { max, optional = false } = {}) => ({ kind: 'record', key, value, max, optional });
export const any = ({ optional = false } = {}) => ({ kind: 'any', optional });

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) &&
  (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

export function check(spec, value, path = '') {
  if (value === undefined) {
    if (spec.optional) return;
    throw new ShapeError(path, 'missing');
  }
  if (value === null) {
    if (spec.nullable) return;
    throw new ShapeError(path, 'null');
  }
  switch (spec.kind) {
    case 'any':
      return;
    case 'string':
      if (typeof value !== 'string') throw new ShapeError(path, 'not a string');
      if (value.length > spec.max) throw new ShapeError(path, `longer than ${spec.max}`);
      if (value.length < spec.min) throw new ShapeError(path, `shorter than ${spec.min}`);
      if (spec.pattern && !spec.pattern.test(value)) throw new ShapeError(path, 'bad format');
      return;
    case 'int':
      if (!Number.isInteger(value)) throw new ShapeError(path, 'not an integer');
      if (value < spec.min || value > spec.max) throw new ShapeError(path, 'out of range');
      return;
    case 'bool':
      if (typeof value !== 'boolean') throw new ShapeError(path, 'not a boolean');
      return;
    case 'enum':
      if (!spec.values.has(value)) throw new ShapeError(path, 'not an allowed value');
      return;
    case 'object': {
      if (!isPlainObject(value)) throw new ShapeError(path, 'not an object');
      for (const key of Object.keys(value)) {
        if (!Object.prototype.hasOwnProperty.call(spec.fields, key)) throw new ShapeError(`${path}.${key}`, 'unknown key');
      }
      for (const [key, fieldSpec] of Object.entries(spec.fields)) check(fieldSpec, value[key], `${path}.${key}`);
      return;
    }
    case 'array':
      if (!Array.isArray(value)) throw new ShapeError(path, 'not an array');
      if (value.length > spec.max) throw new ShapeError(path, `more than ${spec.max} items`);
      value.forEach((item, i) => check(spec.item, item, `${path}[${i}]`));
      return;
    case 'record': {
      if (!isPlainObject(value)) throw new ShapeError(path, 'not an object');
      const entries = Object.entries(value);
      if (entries.length > spec.max) throw new ShapeError(path, `more than ${spec.max} entries`);
      for (const [k, v] of entries) {
        check(spec.key, k, `${path}{key}`);
        check(spec.value, v, `${path}.${k}`);
      }
      return;
    }
    default:
      throw new ShapeError(path, 'unknown spec');
  }
}

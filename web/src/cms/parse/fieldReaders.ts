/**
 * Small readers for untrusted CMS JSON: each returns the field in the expected shape or
 * throws a TypeError naming the document and field, which the client turns into one clear
 * CmsResponseError.
 */
export type Fields = Readonly<Record<string, unknown>>;

export function asObject(value: unknown, where: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${where}: expected an object`);
  }
  return value as Fields;
}

export function requireNumber(fields: Fields, key: string, where: string): number {
  const value = fields[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`${where}: "${key}" is not a number`);
  }
  return value;
}

export function requireString(fields: Fields, key: string, where: string): string {
  const value = fields[key];
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`${where}: "${key}" is not a non-empty string`);
  }
  return value;
}

/** A URL the site links to: anything but an absolute http(s) URL (javascript:, data:) is refused. */
export function requireHttpUrl(fields: Fields, key: string, where: string): string {
  const url = requireString(fields, key, where);
  if (!/^https?:\/\//i.test(url)) throw new TypeError(`${where}: "${key}" is not an http(s) URL`);
  return url;
}

// Payload omits or nulls optional fields nobody has filled in.
export function optionalString(fields: Fields, key: string, where: string): string | null {
  const value = fields[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new TypeError(`${where}: "${key}" is not a string`);
  return value;
}

export function optionalNumber(fields: Fields, key: string, where: string): number | null {
  const value = fields[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`${where}: "${key}" is not a number`);
  return value;
}

// An unset checkbox reads as false, which is also the safe reading for flags such as
// isPublished.
export function optionalBoolean(fields: Fields, key: string, where: string): boolean {
  const value = fields[key];
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw new TypeError(`${where}: "${key}" is not a boolean`);
  return value;
}

/** A relationship: an id at depth 0, the related document at depth 1; null when unset. */
export function optionalRelationId(fields: Fields, key: string, where: string): number | null {
  const value = fields[key];
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return value;
  return requireNumber(asObject(value, `${where}.${key}`), 'id', `${where}.${key}`);
}

/** A rich-text field as Lexical JSON: checked for its root only; rendering walks the rest. */
export function optionalRichText(fields: Fields, key: string, where: string): unknown {
  const value = fields[key];
  if (value === undefined || value === null) return null;
  const root = asObject(value, `${where}.${key}`)['root'];
  asObject(root, `${where}.${key}.root`);
  return value;
}

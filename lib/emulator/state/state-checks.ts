/** Small typed readers for validating untrusted state input, each naming the bad entry. */

/** Thrown when a state file (or upserted image) is invalid. The message names the entry. */
export class StateFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateFileError';
  }
}

/** A JSON object with unknown values. */
export type JsonObject = Record<string, unknown>;

/** Fails with `<where>: <problem>`. */
export function fail(where: string, problem: string): never {
  throw new StateFileError(`Invalid emulator state: ${where}: ${problem}`);
}

/** Asserts a plain object. */
export function expectObject(value: unknown, where: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'must be a JSON object');
  return value as JsonObject;
}

/** Asserts an array. */
export function expectArray(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) fail(where, 'must be a JSON array');
  return value;
}

/** Rejects keys outside `allowed` (catches typos such as `Imagename`). */
export function expectOnlyKeys(object: JsonObject, allowed: readonly string[], where: string): void {
  const unknown = Object.keys(object).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) fail(where, `unknown field(s) ${unknown.map((k) => JSON.stringify(k)).join(', ')}`);
}

/** Reads an optional string field. */
export function optionalString(object: JsonObject, key: string, where: string): string | undefined {
  const value = object[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') fail(`${where}.${key}`, 'must be a string');
  return value;
}

/** Reads a required non-empty string field. */
export function requiredString(object: JsonObject, key: string, where: string): string {
  const value = optionalString(object, key, where);
  if (value === undefined || value === '') fail(`${where}.${key}`, 'is required and must be a non-empty string');
  return value;
}

/** Reads an optional string field restricted to `choices`. */
export function optionalChoice(object: JsonObject, key: string, choices: readonly string[], where: string): string | undefined {
  const value = optionalString(object, key, where);
  if (value !== undefined && !choices.includes(value)) {
    fail(`${where}.${key}`, `must be one of ${choices.join(', ')} (got ${JSON.stringify(value)})`);
  }
  return value;
}

/** Reads an optional boolean field. */
export function optionalBoolean(object: JsonObject, key: string, where: string): boolean | undefined {
  const value = object[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') fail(`${where}.${key}`, 'must be true or false');
  return value;
}

/** Reads an optional non-negative finite number field. */
export function optionalNumber(object: JsonObject, key: string, where: string): number | undefined {
  const value = object[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(`${where}.${key}`, 'must be a non-negative number');
  return value;
}

/** Reads an optional account ID (digits, as a string or a safe integer). */
export function optionalAccountId(object: JsonObject, key: string, where: string): string | undefined {
  const value = object[key];
  if (value === undefined) return undefined;
  return expectAccountId(value, `${where}.${key}`);
}

/** Asserts an account ID (digits, as a string or a safe integer) and returns it as a string. */
export function expectAccountId(value: unknown, where: string): string {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,20}$/.test(text)) fail(where, 'must be an account ID (digits)');
  return text;
}

/** Reads an optional ISO-8601 time field, returning epoch ms. */
export function optionalTime(object: JsonObject, key: string, where: string): number | undefined {
  const value = optionalString(object, key, where);
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) fail(`${where}.${key}`, `must be an ISO-8601 time (got ${JSON.stringify(value)})`);
  return time;
}

/** Typed access to an action's decoded query parameters, raising the service's parameter errors. */
import { apiError } from './error-catalogue';

/** One `Prefix.N.Field` group, e.g. `Tag.2.Key` / `Tag.2.Value`. */
export interface IndexedGroup {
  /** The N. */
  readonly index: number;
  /** Field name ⇒ value, e.g. `{Key: 'k', Value: 'v'}`. */
  readonly fields: Readonly<Record<string, string>>;
}

const REGION_PATTERN = /^[a-z]{2,}(-[a-z0-9]+)+$/;

/** The decoded query parameters of one call. */
export class Params {
  constructor(readonly values: Readonly<Record<string, string>>) {}

  /** The raw value (possibly ""), or undefined when absent. */
  get(name: string): string | undefined {
    return Object.prototype.hasOwnProperty.call(this.values, name) ? this.values[name] : undefined;
  }

  /** The value, treating "" as absent. */
  nonEmpty(name: string): string | undefined {
    const value = this.get(name);
    return value === '' ? undefined : value;
  }

  /** The value; absent or "" ⇒ 400 MissingParameter naming it. */
  required(name: string): string {
    const value = this.nonEmpty(name);
    if (value === undefined) throw apiError('missingParameter', name);
    return value;
  }

  /** `RegionId`: required, and shaped like a region (else 404 InvalidRegionId.NotFound). */
  regionId(): string {
    const regionId = this.required('RegionId');
    if (!REGION_PATTERN.test(regionId)) throw apiError('invalidRegionIdNotFound');
    return regionId;
  }

  /** A `true`/`false` parameter (case-insensitive); other values ⇒ 400 InvalidParameter. */
  boolean(name: string, fallback: boolean): boolean {
    const value = this.nonEmpty(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (value !== 'true' && value !== 'false') throw apiError('invalidParameter', name);
    return value === 'true';
  }

  /** An integer parameter within `[min, max]`; other values ⇒ 400 InvalidParameter. */
  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.nonEmpty(name);
    if (value === undefined) return fallback;
    const number = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number) || number < min || number > max) throw apiError('invalidParameter', name);
    return number;
  }

  /** Values of `Prefix.N`, ordered by N (e.g. `ResourceId.1`, `ResourceId.2`). */
  indexedValues(prefix: string): string[] {
    const pattern = new RegExp(`^${escapeRegExp(prefix)}\\.(\\d+)$`);
    return Object.entries(this.values)
      .map(([name, value]) => ({ index: Number(pattern.exec(name)?.[1] ?? Number.NaN), value }))
      .filter((entry) => !Number.isNaN(entry.index))
      .sort((a, b) => a.index - b.index)
      .map((entry) => entry.value);
  }

  /** Groups of `Prefix.N.Field`, ordered by N (e.g. `Tag.1.Key`, `Tag.1.Value`). */
  indexedGroups(prefix: string): IndexedGroup[] {
    const pattern = new RegExp(`^${escapeRegExp(prefix)}\\.(\\d+)\\.([A-Za-z]+)$`);
    const groups = new Map<number, Record<string, string>>();
    for (const [name, value] of Object.entries(this.values)) {
      const match = pattern.exec(name);
      if (!match) continue;
      const index = Number(match[1]);
      groups.set(index, { ...(groups.get(index) ?? {}), [match[2]]: value });
    }
    return [...groups].sort(([a], [b]) => a - b).map(([index, fields]) => ({ index, fields }));
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

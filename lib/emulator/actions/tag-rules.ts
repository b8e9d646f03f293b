/** Tag limits, tag validation and tag matching shared by the tag actions and DescribeImages. */
import { ErrorKey, apiError } from '../error-catalogue';
import { Params } from '../params';
import { TagRecord } from '../state/records';

/** `Tag.N` entries per request (1–20). */
export const MAX_TAGS_PER_REQUEST = 20;
/** `ResourceId.N` entries per request (1–50). */
export const MAX_RESOURCES_PER_REQUEST = 50;
/** Tags one resource may carry [unconfirmed by the docs; 20 is the common value]. */
export const MAX_TAGS_PER_RESOURCE = 20;
const MAX_TAG_KEY_LENGTH = 128;
const MAX_TAG_VALUE_LENGTH = 128;

/** A tag filter: images must carry `key`, with `value` when one is given. */
export interface TagFilter {
  readonly key: string;
  readonly value?: string;
}

/**
 * Reads `Tag.N.Key`/`Tag.N.Value` filters.
 * @param valueWithoutKey error for a Value without a Key
 * @param tooMany error for more than 20 entries
 */
export function readTagFilters(params: Params, valueWithoutKey: ErrorKey, tooMany: ErrorKey): TagFilter[] {
  const groups = params.indexedGroups('Tag');
  if (groups.length > MAX_TAGS_PER_REQUEST) throw apiError(tooMany, 'Tag');
  return groups.map(({ fields }) => {
    if (fields.Key === undefined || fields.Key === '') throw apiError(valueWithoutKey, 'Tag');
    return fields.Value === undefined || fields.Value === '' ? { key: fields.Key } : { key: fields.Key, value: fields.Value };
  });
}

/** Whether `tags` satisfy every filter. */
export function matchesTagFilters(tags: readonly TagRecord[], filters: readonly TagFilter[]): boolean {
  return filters.every((filter) =>
    tags.some((tag) => tag.TagKey === filter.key && (filter.value === undefined || tag.TagValue === filter.value)),
  );
}

/**
 * Reads and validates the tags to set in TagResources: 1–20, keys 1–128 characters, not
 * starting with `aliyun`/`acs:`, no `http://`/`https://`; values 0–128 characters, no URL; keys unique.
 */
export function readTagsToSet(params: Params): TagRecord[] {
  const groups = params.indexedGroups('Tag');
  if (groups.length === 0) throw apiError('missingParameter', 'Tag.1.Key');
  if (groups.length > MAX_TAGS_PER_REQUEST) throw apiError('invalidTagCount');
  const tags = groups.map(({ index, fields }) => {
    const key = fields.Key ?? '';
    const value = fields.Value ?? '';
    if (key === '') throw apiError('missingParameter', `Tag.${index}.Key`);
    if ([...key].length > MAX_TAG_KEY_LENGTH || /^(aliyun|acs:)/i.test(key) || containsUrl(key)) throw apiError('invalidTagKeyMalformed');
    if ([...value].length > MAX_TAG_VALUE_LENGTH || containsUrl(value)) throw apiError('invalidTagValueMalformed');
    return { TagKey: key, TagValue: value };
  });
  if (new Set(tags.map((tag) => tag.TagKey)).size !== tags.length) throw apiError('duplicateTagKey');
  return tags;
}

function containsUrl(text: string): boolean {
  return /https?:\/\//i.test(text);
}

/**
 * The `managed-image read` protocol: Terraform's `external` data source passes a flat JSON
 * object of strings on stdin and expects one on stdout. The construct writes the query and reads
 * the result by these keys; the reader parses and answers by them.
 *
 * Two forms:
 * - one image: `region_id`, `image_id`, `sync_tag` and each desired attribute under its Terraform
 *   key (`image_name`, `nvme_support`, ...); the result holds the {@link READ_RESULT} keys and
 *   `current_<terraform key>` for each desired attribute;
 * - many images of one region (the shared read of a stack): `region_id`, and for each image the
 *   same per-image keys prefixed with its id, `m-abc/sync_tag`, `m-abc/image_name`; the result
 *   holds the same per-image keys with the same prefix, `m-abc/sync_token`. Every image carries
 *   at least its `sync_tag` key, so the image list is the set of prefixes.
 */
export const READ_QUERY = {
  regionId: 'region_id',
  imageId: 'image_id',
  /** The image tag that holds this manager's drift marker (one per manager: see drift/sync-token.ts). */
  syncTag: 'sync_tag',
  /** "true": a declared deprecation of a shared image is not drift (a family's `excludeShared` keeps such members Available). */
  keepIfShared: 'keep_if_shared',
} as const;

export const READ_RESULT = {
  /** Drift detection's marker (see handler/drift/sync-token.ts). */
  syncToken: 'sync_token',
  /** The drifted attributes, comma-separated; "" when in sync. */
  drifted: 'drifted',
  /** The image's Status ("" when the image was not found). */
  status: 'status',
  /** In words, for the plan: each attribute that differs, with the image's value and the declared one; "" when in sync. */
  drift: 'drift',
  /** "" when the declared values can be applied; otherwise the refusal the handler would give (`<code>: <message>`). */
  refusal: 'refusal',
} as const;

/** The result key holding the image's current value of an attribute: `current_image_name`. */
export function currentKey(terraformKey: string): string {
  return `current_${terraformKey}`;
}

/** Separates an image id from a per-image key in the many-images form: `m-abc/sync_token`. */
export const IMAGE_KEY_SEPARATOR = '/';

/** A per-image key of the many-images form. */
export function imageKey(imageId: string, key: string): string {
  return `${imageId}${IMAGE_KEY_SEPARATOR}${key}`;
}

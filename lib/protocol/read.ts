/**
 * The `managed-image read` protocol: Terraform's `external` data source passes a flat JSON
 * object of strings on stdin and expects one on stdout. The construct writes the query and reads
 * the result by these keys; the reader parses and answers by them.
 *
 * Query: {@link READ_QUERY.regionId}, {@link READ_QUERY.imageId}, and each desired attribute
 * under its Terraform key (`image_name`, `nvme_support`, ...; see attributes/attributes.ts).
 * Result: the keys of {@link READ_RESULT}, plus `current_<terraform key>` for each desired attribute.
 */
export const READ_QUERY = {
  regionId: 'region_id',
  imageId: 'image_id',
} as const;

export const READ_RESULT = {
  /** Drift detection's marker (see handler/drift/sync-token.ts). */
  syncToken: 'sync_token',
  /** The drifted attributes, comma-separated; "" when in sync. */
  drifted: 'drifted',
  /** The image's Status. */
  status: 'status',
} as const;

/** The result key holding the image's current value of an attribute: `current_image_name`. */
export function currentKey(terraformKey: string): string {
  return `current_${terraformKey}`;
}

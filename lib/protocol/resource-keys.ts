/**
 * Keys of the maps the construct stores on its `terraform_data` resources and reads back through
 * `self.*` in provisioners. They are snake_case because cdktf snake-cases `self.*` paths but keeps
 * map keys as written: only snake_case keys work in both places.
 */
export const RESOURCE_KEYS = {
  regionId: 'region_id',
  imageId: 'image_id',
  syncToken: 'sync_token',
  syncTag: 'sync_tag',
  deletionPolicy: 'deletion_policy',
  allowEmptyFamily: 'allow_empty_family',
  waitTimeoutSeconds: 'wait_timeout_seconds',
} as const;

/** The deletion resource's key for the value to put back on an attribute: `restore_image_name`. */
export function restoreKey(terraformKey: string): string {
  return `restore_${terraformKey}`;
}

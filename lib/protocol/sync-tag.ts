/**
 * The image tag that holds a manager's drift marker (see handler/drift/sync-token.ts). The
 * construct names the key of each manager; the reader and handler read and write it.
 */
export const SYNC_TAG_KEY = 'cdktf-managed-image:sync';

/** The tag key of one manager: `cdktf-managed-image:sync:<manager>` (the bare key when none is named). */
export function syncTagKey(manager?: string): string {
  return manager ? `${SYNC_TAG_KEY}:${manager}` : SYNC_TAG_KEY;
}

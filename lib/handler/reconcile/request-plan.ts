import { AttributeChange } from '../../attributes';

/**
 * Splits the changes into the ModifyImageAttribute calls to send, in order:
 * - no Status change: one call with every change;
 * - Status to Available (reviving a Deprecated image): Status first, then the rest;
 * - Status to Deprecated: the rest first, deprecation last.
 * A Status the image already has is never sent: such a change is not in the list to begin with.
 */
export function planRequests(changes: readonly AttributeChange[]): AttributeChange[][] {
  const status = changes.find((c) => c.attribute === 'Status');
  const rest = changes.filter((c) => c.attribute !== 'Status');
  if (!status) return rest.length ? [rest] : [];
  const batches = status.to === 'Available' ? [[status], rest] : [rest, [status]];
  return batches.filter((b) => b.length > 0);
}

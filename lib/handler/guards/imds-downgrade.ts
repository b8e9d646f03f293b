import { imdsDowngrade } from '../../messages/handler-errors';
import { changeOf, Guard } from './guard';

/** Features.ImdsSupport may go v1 → v2, never back. */
export const imdsDowngradeGuard: Guard = async (ctx) => {
  const change = changeOf(ctx, 'Features.ImdsSupport');
  if (change?.from !== 'v2' || change.to !== 'v1') return undefined;
  return { attribute: change.attribute, error: imdsDowngrade(ctx.target.regionId, ctx.target.imageId) };
};

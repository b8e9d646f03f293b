import { deprecateSharedImage } from '../../messages/handler-errors';
import { changeOf, Guard } from './guard';

/** A shared or published image must be unshared before it is deprecated. */
export const deprecateSharedGuard: Guard = async (ctx) => {
  const change = changeOf(ctx, 'Status');
  if (change?.to !== 'Deprecated' || ctx.checked?.shares) return undefined;
  const share = await ctx.api.describeImageSharePermission(ctx.target.regionId, ctx.target.imageId);
  if (share.accounts.length === 0 && !share.public) return undefined;
  return {
    attribute: change.attribute,
    error: deprecateSharedImage(ctx.target.regionId, ctx.target.imageId, share.accounts, share.public),
  };
};

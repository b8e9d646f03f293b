import { deprecateLastImageOfFamily } from '../../messages/handler-errors';
import { changeOf, Guard } from './guard';

/**
 * Deprecating the last Available image of a family leaves nothing to launch from the family
 * (DescribeImageFromFamily finds nothing). Allowed only when the caller says so.
 * The family checked is the one the image is in now: that is the family that would lose it.
 */
export const deprecateLastInFamilyGuard: Guard = async (ctx) => {
  const change = changeOf(ctx, 'Status');
  const family = ctx.image.imageFamily;
  if (change?.to !== 'Deprecated' || ctx.allowEmptyFamily || ctx.checked?.family || !family || ctx.image.status !== 'Available')
    return undefined;
  const { images } = await ctx.api.describeImages({
    regionId: ctx.target.regionId,
    imageFamily: family,
    imageOwnerAlias: 'self',
    status: 'Available',
    pageSize: 100,
  });
  const others = images.filter((i) => i.imageId !== ctx.target.imageId && i.imageFamily === family && i.status === 'Available');
  if (others.length > 0) return undefined;
  return { attribute: change.attribute, error: deprecateLastImageOfFamily(ctx.target.regionId, ctx.target.imageId, family) };
};

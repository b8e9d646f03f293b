import { bootModeImageInUse } from '../../messages/handler-errors';
import { changeOf, Guard } from './guard';

const LISTED_INSTANCES = 5;

/** BootMode cannot change while any instance was created from the image. */
export const bootModeInUseGuard: Guard = async (ctx) => {
  const change = changeOf(ctx, 'BootMode');
  if (!change) return undefined;
  const instances = await ctx.api.describeInstancesUsingImage(ctx.target.regionId, ctx.target.imageId, LISTED_INSTANCES);
  if (instances.length === 0) return undefined;
  return {
    attribute: change.attribute,
    error: bootModeImageInUse(ctx.target.regionId, ctx.target.imageId, change.from, change.to, instances),
  };
};

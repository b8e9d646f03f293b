import { imageNameTaken } from '../../messages/handler-errors';
import { EVERY_STATUS, IDS_PER_DESCRIBE } from '../image/read-image';
import { changeOf, Guard } from './guard';

/** Pages of name matches read at most (DescribeImages' name filter also matches longer names). */
const MAX_PAGES = 10;

/**
 * Image names are unique per account and region, over every status. Checked before the first
 * write when the changes take two requests (a Status change goes on its own), so that a rename
 * the API would refuse never follows a revival that already went through. A rename sent in one
 * request needs no check: the API refuses it whole, and nothing is half-applied.
 */
export const nameTakenGuard: Guard = async (ctx) => {
  const change = changeOf(ctx, 'ImageName');
  if (!change || !changeOf(ctx, 'Status')) return undefined;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { images, totalCount } = await ctx.api.describeImages({
      regionId: ctx.target.regionId,
      imageName: change.to,
      imageOwnerAlias: 'self',
      status: EVERY_STATUS,
      pageSize: IDS_PER_DESCRIBE,
      pageNumber: page,
    });
    const holder = images.find((i) => i.imageName === change.to && i.imageId !== ctx.target.imageId);
    if (holder)
      return { attribute: change.attribute, error: imageNameTaken(ctx.target.regionId, ctx.target.imageId, change.to, holder.imageId) };
    if (page * IDS_PER_DESCRIBE >= totalCount || images.length === 0) break;
  }
  return undefined;
};

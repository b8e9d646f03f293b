/**
 * DescribeImageSharePermission (§5.2): the accounts the caller's image is shared with, paged, and
 * `ShareGroups.ShareGroup: [{Group: "all"}]` when it is published as a community image.
 */
import { apiError } from '../error-catalogue';
import { isCommunityImage, isOwnedBy } from '../image-view';
import { ActionHandler } from './action';
import { pageOf, pageParams } from './pagination';

/** The DescribeImageSharePermission handler. */
export const describeImageSharePermission: ActionHandler = ({ params, accountId, store }) => {
  const regionId = params.regionId();
  const imageId = params.required('ImageId');
  const { pageNumber, pageSize } = pageParams(params);
  const image = store.image(imageId);
  if (!image || image.RegionId !== regionId || !isOwnedBy(image, accountId)) throw apiError('imageNotFoundById', imageId);
  const shares = store.sharesOf(imageId);
  return {
    ImageId: imageId,
    RegionId: regionId,
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalCount: shares.length,
    ShareGroups: { ShareGroup: isCommunityImage(image) ? [{ Group: 'all' }] : [] },
    Accounts: {
      Account: pageOf(shares, pageNumber, pageSize).map((share) => ({ AliyunId: share.accountId, SharedTime: share.sharedTime })),
    },
  };
};

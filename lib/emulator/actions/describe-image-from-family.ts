/**
 * DescribeImageFromFamily (§5.3): the caller's newest Available image of a family in a region
 * (Deprecated and other statuses are skipped); `{"Image": {}}` when there is none. A family
 * written `acs:<owner account>:<family>` selects images of that account shared with the caller.
 */
import { isOwnedBy, isSharedWith, newestFirst, renderImage } from '../image-view';
import { ImageRecord } from '../state/records';
import { EmulatorStore } from '../state/store';
import { ActionHandler } from './action';

const SHARED_FAMILY = /^acs:(\d+):(.+)$/;

/** The DescribeImageFromFamily handler. */
export const describeImageFromFamily: ActionHandler = ({ params, accountId, store }) => {
  const regionId = params.regionId();
  const family = params.required('ImageFamily');
  const latest = store
    .allImages()
    .filter((image) => image.RegionId === regionId && image.Status === 'Available' && inFamily(image, family, accountId, store))
    .sort(newestFirst)[0];
  return { Image: latest ? renderImage(latest, accountId, store) : {} };
};

function inFamily(image: ImageRecord, family: string, viewer: string, store: EmulatorStore): boolean {
  const shared = SHARED_FAMILY.exec(family);
  if (shared) {
    return (
      image.ownerKind === 'account' &&
      image.ImageOwnerId === shared[1] &&
      image.ImageFamily === shared[2] &&
      isSharedWith(image, viewer, store)
    );
  }
  return isOwnedBy(image, viewer) && image.ImageFamily === family;
}

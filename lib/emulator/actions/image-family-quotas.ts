/** Image family quotas (§6): 100 images per family and 100 families per region, per account. */
import { apiError } from '../error-catalogue';
import { ImageRecord } from '../state/records';

/** Images one family may hold. */
export const MAX_IMAGES_PER_FAMILY = 100;
/** Families one account may have in a region. */
export const MAX_FAMILIES_PER_REGION = 100;

/**
 * Checks that moving `image` into `family` keeps both quotas.
 * @param accountImages every image of the owner in the image's region (any status)
 * @throws ApiError ImageQuotaFull.ImageFamily or ImageFamilyQuotaFull
 */
export function checkFamilyQuotas(image: ImageRecord, family: string, accountImages: readonly ImageRecord[]): void {
  const others = accountImages.filter((candidate) => candidate.ImageId !== image.ImageId);
  if (others.filter((candidate) => candidate.ImageFamily === family).length >= MAX_IMAGES_PER_FAMILY) {
    throw apiError('imageQuotaFullImageFamily');
  }
  const families = new Set(others.map((candidate) => candidate.ImageFamily).filter((name) => name !== ''));
  families.add(family);
  if (families.size > MAX_FAMILIES_PER_REGION) throw apiError('imageFamilyQuotaFull');
}

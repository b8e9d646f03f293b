import { API_ERROR_ADVICE } from '../../../lib/messages/api-errors';

// Every code in the error table of the ModifyImageAttribute API page (the project's seed document).
const MODIFY_IMAGE_ATTRIBUTE_ERROR_CODES = [
  'InvalidImageName.Malformed',
  'MissingParameter',
  'InvalidImageName.Duplicated',
  'InvalidDescription.Malformed',
  'ImageQuotaFull.ImageFamily',
  'InvalidImageFamily.Malformed',
  'ImageFamilyQuotaFull',
  'InvalidBootMode.NotSupport',
  'InvalidLicenseType.NotSupported',
  'InvalidParameter.FeaturesImdsSupport',
  'ImageStatus.NotAvailable',
  'ImageStatus.NotDeprecated',
  'ImageUseShared',
  'OperationDeined.ImageUsingByInstance',
  'InvalidOperation.FeaturesImdsSupportNotMatch',
  'InvalidStatus.ImageIsCreating',
  'InvalidOperation.PublicImageUnsupported',
  'InvalidImageId.NotFound',
];

test.each(MODIFY_IMAGE_ATTRIBUTE_ERROR_CODES)('%s has actionable advice', (code) => {
  expect(API_ERROR_ADVICE[code]).toMatch(/\w{3,}.*\./);
});

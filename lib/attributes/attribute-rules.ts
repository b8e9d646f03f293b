import { AttributeName } from './attribute-names';
import { checkDescription } from './rules/description-rules';
import { checkImageName } from './rules/name-rules';
import { oneOf } from './rules/one-of-rule';
import { Rule } from './rules/rule';
import { BOOT_MODES, IMDS_SUPPORT_VALUES, LICENSE_TYPES, NVME_SUPPORT_VALUES, SETTABLE_STATUSES } from './value-sets';

/** The API's rule for each attribute ModifyImageAttribute accepts. */
export const ATTRIBUTE_RULES: { readonly [K in AttributeName]: Rule } = {
  'ImageName': checkImageName,
  'Description': checkDescription,
  'ImageFamily': checkImageName,
  'BootMode': oneOf(BOOT_MODES),
  'LicenseType': oneOf(LICENSE_TYPES),
  'Status': oneOf(SETTABLE_STATUSES),
  'Features.NvmeSupport': oneOf(NVME_SUPPORT_VALUES),
  'Features.ImdsSupport': oneOf(IMDS_SUPPORT_VALUES),
};

/** The fixed value sets the API accepts, exactly as it spells them. */

export const BOOT_MODES = ['BIOS', 'UEFI', 'UEFI-Preferred'] as const;
export const LICENSE_TYPES = ['BYOL'] as const;
/** The statuses ModifyImageAttribute can set. */
export const SETTABLE_STATUSES = ['Available', 'Deprecated'] as const;
export const NVME_SUPPORT_VALUES = ['supported', 'unsupported'] as const;
export const IMDS_SUPPORT_VALUES = ['v1', 'v2'] as const;

/** Every status DescribeImages can report. */
export const ALL_IMAGE_STATUSES = ['Creating', 'Waiting', 'Available', 'UnAvailable', 'CreateFailed', 'Deprecated'] as const;
/** Statuses that end on their own: the image is still being made and becomes usable later. */
export const SETTLING_STATUSES = ['Creating', 'Waiting'] as const;
/** Statuses the image never leaves: nothing can be changed. */
export const BROKEN_STATUSES = ['CreateFailed', 'UnAvailable'] as const;

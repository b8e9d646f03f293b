/**
 * Every error the emulator can answer with: code, HTTP status and message, in one place.
 *
 * Sources: Alibaba Cloud's API pages for these actions and the common error codes, above all the
 * ModifyImageAttribute page (its error table is authoritative for that action). Entries marked
 * "emulator choice" are codes the documentation does not pin down; see `README.md` in this folder.
 *
 * Messages may contain `%s` placeholders, filled in order by {@link apiError}.
 */

/** One catalogue entry. */
export interface ErrorDefinition {
  /** The `Code` the service returns. */
  readonly code: string;
  /** The HTTP status code. */
  readonly httpStatus: number;
  /** The `Message`, possibly with `%s` placeholders. */
  readonly message: string;
}

function entry(code: string, httpStatus: number, message: string): ErrorDefinition {
  return { code, httpStatus, message };
}

/** The catalogue, keyed by a name that says when each error is used. */
export const ERROR_CATALOGUE = {
  // ---- common (§2.3) ----
  missingParameter: entry(
    'MissingParameter',
    400,
    'The input parameter "%s" that is mandatory for processing this request is not supplied.',
  ),
  invalidParameter: entry('InvalidParameter', 400, 'The specified parameter "%s" is not valid.'),
  throttlingUser: entry('Throttling.User', 400, 'Request was denied due to user flow control.'),
  throttlingApi: entry('Throttling.Api', 400, 'Request was denied due to api flow control.'),
  throttling: entry('Throttling', 400, 'Request was denied due to flow control.'),
  serviceUnavailable: entry('ServiceUnavailable', 503, 'The request has failed due to a temporary failure of the server.'),
  internalError: entry('InternalError', 500, 'The request processing has failed due to some unknown error.'),
  dryRunOperation: entry('DryRunOperation', 400, 'Request validation has been passed with DryRun flag set.'),
  invalidRegionIdNotFound: entry('InvalidRegionId.NotFound', 404, 'The RegionId provided does not exist.'),
  forbiddenRam: entry('Forbidden.RAM', 403, "User not authorized to operate on the specified resource, or this API doesn't support RAM."),

  // ---- protocol and authentication (§1.4, §2.3) ----
  invalidActionNotFound: entry('InvalidAction.NotFound', 404, 'Specified api is not found, please check your url and method.'),
  /** emulator choice: code used by POP gateways for a wrong `x-acs-version`. */
  invalidVersion: entry('InvalidVersion', 400, 'Specified parameter Version is not valid.'),
  incompleteSignature: entry('IncompleteSignature', 400, 'The request signature does not conform to Aliyun standards. %s'),
  signatureDoesNotMatch: entry(
    'SignatureDoesNotMatch',
    400,
    'Specified signature is not matched with our calculation. server string to sign is:%s',
  ),
  invalidAccessKeyIdNotFound: entry('InvalidAccessKeyId.NotFound', 404, 'Specified access key is not found.'),
  invalidTimeStampExpired: entry('InvalidTimeStamp.Expired', 400, 'Specified time stamp or date value is expired.'),
  /** emulator choice: POP code for an unparsable `x-acs-date`. */
  invalidTimeStampFormat: entry('InvalidTimeStamp.Format', 400, 'Specified time stamp or date value is not well formatted.'),
  signatureNonceUsed: entry('SignatureNonceUsed', 400, 'Specified signature nonce was used already.'),
  invalidSecurityTokenMalformed: entry('InvalidSecurityToken.Malformed', 400, 'Specified SecurityToken is malformed.'),
  invalidSecurityTokenMismatch: entry(
    'InvalidSecurityToken.MismatchWithAccessKey',
    400,
    'Specified SecurityToken mismatch with the AccessKey.',
  ),
  invalidSecurityTokenExpired: entry('InvalidSecurityToken.Expired', 400, 'Specified SecurityToken is expired.'),

  // ---- DescribeImages (§3) ----
  invalidImageOwnerAlias: entry(
    'InvalidImageOwnerAlias.ValueNotSupported',
    400,
    'The specified parameter "ImageOwnerAlias" is not supported.',
  ),
  publicImageNeedsOthersAlias: entry(
    'InvalidImageOwnerAlias.PublicImageUnsupported',
    400,
    'The parameter "IsPublic" can only be used when "ImageOwnerAlias" is "others".',
  ),
  imageOwnerIdUnsupported: entry(
    'InvalidOperation.ImageOwnerIdUnsupported',
    400,
    'The parameter "ImageOwnerId" can only be used when querying shared or community images.',
  ),
  invalidTagMismatch: entry('InvalidTag.Mismatch', 400, 'The specified Tag.n.Key and Tag.n.Value are not match.'),
  invalidTagCount: entry('InvalidTagCount', 400, 'The specified tags are beyond the permitted range.'),
  invalidFilterKey: entry('InvalidFilterKey.NotFound', 404, 'The specified filter key "%s" is not found.'),
  invalidFilterValue: entry('InvalidFilterValue', 404, 'The specified filter value "%s" is not valid.'),
  invalidFilterValueNetworkType: entry('InvalidFilterValue.NetworkType', 400, 'The specified filter value of NetworkType is not valid.'),
  invalidUsage: entry('InvalidUsage', 404, 'The specified Usage is not valid.'),
  invalidOsType: entry('InvalidOSType', 404, 'The specified OSType is not valid.'),
  invalidArchitecture: entry('InvalidArchitecture', 404, 'The specified Architecture is not valid.'),

  // ---- ModifyImageAttribute (seed table, authoritative) ----
  invalidImageNameMalformed: entry(
    'InvalidImageName.Malformed',
    400,
    'Image names must be between 2 and 128 characters long, using either English or Chinese characters. ' +
      'The name must start with a letter or a Chinese character, and can include numbers, colons, underscores and hyphens.',
  ),
  invalidImageNameDuplicated: entry('InvalidImageName.Duplicated', 400, 'The specified Image name has already bean used.'),
  invalidDescriptionMalformed: entry('InvalidDescription.Malformed', 400, 'The specified description is wrongly formed.'),
  /** The seed table's 403 variant; emulator choice: used for control characters in the description. */
  invalidDescriptionNotValid: entry('InvalidDescription.Malformed', 403, 'The specified parameter description is not valid.'),
  imageQuotaFullImageFamily: entry(
    'ImageQuotaFull.ImageFamily',
    400,
    'The specified image family has exceeded max number of images for one image family.',
  ),
  invalidImageFamilyMalformed: entry('InvalidImageFamily.Malformed', 400, 'The specified parameter "ImageFamily" is malformed.'),
  imageFamilyQuotaFull: entry('ImageFamilyQuotaFull', 400, 'The specified region has exceeded max number of image family.'),
  invalidBootModeNotSupport: entry('InvalidBootMode.NotSupport', 400, 'The specified parameter BootMode is not supported.'),
  invalidBootModeForArchitecture: entry(
    'InvalidBootMode.NotSupport',
    400,
    'The specified parameter BootMode is not supported for current image architecture.',
  ),
  invalidLicenseType: entry('InvalidLicenseType.NotSupported', 400, 'The specified parameter LicenseType is not supported.'),
  invalidImdsSupport: entry('InvalidParameter.FeaturesImdsSupport', 400, 'The specified parameter Features.ImdsSupport is not supported.'),
  imageStatusNotAvailable: entry('ImageStatus.NotAvailable', 403, 'The specified image status is not available.'),
  imageStatusNotDeprecated: entry('ImageStatus.NotDeprecated', 403, 'The specified image status is not deprecated.'),
  imageUseShared: entry('ImageUseShared', 403, 'The specified image has been shared to others, please remove shared accounts first.'),
  bootModeImageUsingByInstance: entry(
    'OperationDeined.ImageUsingByInstance',
    403,
    'The boot mode of the image cannot be modified because it has associated instances.',
  ),
  imdsSupportV2ToV1: entry(
    'InvalidOperation.FeaturesImdsSupportNotMatch',
    403,
    'The specified parameter Features.ImdsSupport can not be set to v1 from v2.',
  ),
  imageIsCreating: entry(
    'InvalidStatus.ImageIsCreating',
    403,
    'The operation cannot be performed because the image is creating. Please wait until the creation is complete and try again.',
  ),
  publicImageUnsupported: entry(
    'InvalidOperation.PublicImageUnsupported',
    403,
    "The community image's publisher is not the current account. Modification is not permitted.",
  ),
  invalidImageIdNotFound: entry('InvalidImageId.NotFound', 404, 'The specified ImageId does not exist.'),

  // ---- companion calls (§5) ----
  /** DescribeImageSharePermission's wording of the not-found error. */
  imageNotFoundById: entry('InvalidImageId.NotFound', 404, 'The specified image %s does not exist.'),
  /** emulator choice: only ResourceType `image` is emulated. */
  invalidResourceType: entry('InvalidResourceType.NotSupported', 400, 'The specified ResourceType "%s" is not supported.'),
  invalidResourceIdNotFound: entry('InvalidResourceId.NotFound', 404, 'The specified ResourceIds are not found in our records.'),
  invalidTagKeyMalformed: entry('InvalidTagKey.Malformed', 400, 'The specified Tag.n.Key is not valid.'),
  invalidTagValueMalformed: entry('InvalidTagValue.Malformed', 400, 'The specified Tag.n.Value is not valid.'),
  invalidTagValueWithoutKey: entry('InvalidParameter.TagValue', 400, 'The Tag.n.Value is specified without Tag.n.Key.'),
  duplicateTagKey: entry('Duplicate.TagKey', 400, 'The Tag.N.Key contain duplicate key.'),
  tagQuotaExceeded: entry('QuotaExceed.TagNum', 400, 'The maximum number of tags on a resource is exceeded.'),
} satisfies Record<string, ErrorDefinition>;

/** A name of a catalogue entry. */
export type ErrorKey = keyof typeof ERROR_CATALOGUE;

/** An error answered to the client as `{RequestId, HostId, Code, Message, Recommend}`. */
export class ApiError extends Error {
  constructor(
    /** The `Code` field. */
    readonly code: string,
    /** The HTTP status code. */
    readonly httpStatus: number,
    message: string,
    /** Extra response headers (e.g. `x-acs-retry-after`). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Builds the {@link ApiError} of a catalogue entry, filling its `%s` placeholders in order. */
export function apiError(key: ErrorKey, ...args: string[]): ApiError {
  const definition = ERROR_CATALOGUE[key];
  let index = 0;
  const message = definition.message.replace(/%s/g, () => args[index++] ?? '').trimEnd();
  return new ApiError(definition.code, definition.httpStatus, message);
}

/** The first catalogue entry with this code, if any (used to fill in injected faults). */
export function findDefinitionByCode(code: string): ErrorDefinition | undefined {
  return Object.values(ERROR_CATALOGUE).find((definition) => definition.code === code);
}

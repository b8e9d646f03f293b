/**
 * What to do about each error the ECS API can return for the calls the handler makes. Every code
 * in the ModifyImageAttribute error table has an entry; the API's own message is kept beside it.
 */
export const API_ERROR_ADVICE: { readonly [code: string]: string } = {
  // ModifyImageAttribute (the API page's error table)
  'InvalidImageName.Malformed':
    'ImageName must be 2 to 128 characters, start with a letter or a Chinese character, not start with "aliyun" or "acs:", not contain "http://" or "https://", and use only letters, Chinese characters, digits, ".", ":", "_" and "-".',
  'MissingParameter': 'A required parameter (RegionId or ImageId) did not reach the API; set both on the resource.',
  'InvalidImageName.Duplicated':
    'Another image of this account in this region already has that ImageName; image names are unique per region. Choose another name or rename the other image first.',
  'InvalidDescription.Malformed': 'Description must be 2 to 256 characters and must not start with "http://" or "https://".',
  'ImageQuotaFull.ImageFamily':
    'The image family already holds 100 images, the most it can. Move or delete old images of the family before adding this one.',
  'InvalidImageFamily.Malformed':
    'ImageFamily follows the ImageName rules: 2 to 128 characters, starting with a letter or a Chinese character, no "aliyun"/"acs:" prefix, no URLs.',
  'ImageFamilyQuotaFull': 'The region already has 100 image families, the most it can. Reuse an existing family name.',
  'InvalidBootMode.NotSupport':
    'The image cannot use that BootMode (it must be BIOS, UEFI or UEFI-Preferred, and arm64 images support only UEFI). Check the boot modes the image supports.',
  'InvalidLicenseType.NotSupported': 'LicenseType can only be "BYOL".',
  'InvalidParameter.FeaturesImdsSupport': 'Features.ImdsSupport must be "v1" or "v2".',
  'ImageStatus.NotAvailable': 'Only an Available image can be deprecated; the image is in another status.',
  'ImageStatus.NotDeprecated': 'Only a Deprecated image can be made Available again; the image is not Deprecated.',
  'ImageUseShared':
    'A shared image cannot be deprecated. Remove the shared accounts (ModifyImageSharePermission RemoveAccount) and unpublish it first.',
  'OperationDeined.ImageUsingByInstance':
    'BootMode cannot change while instances use the image. Release or re-image those instances first, or leave BootMode unmanaged.',
  'InvalidOperation.FeaturesImdsSupportNotMatch':
    'Features.ImdsSupport can never go from "v2" back to "v1". Keep "v2" or stop managing the attribute.',
  'InvalidStatus.ImageIsCreating': 'The image is still being created; wait until it is Available and apply again.',
  'InvalidOperation.PublicImageUnsupported': 'This is a community image published by another account; only its publisher can modify it.',
  'InvalidImageId.NotFound':
    'No custom image with that ImageId exists in this account and region. Check ImageId, RegionId and that the credentials belong to the owning account.',
  'DryRunOperation': 'The request passed validation; DryRun was set, so nothing was changed.',
  // Common to every call
  'InvalidParameter': 'A parameter value was rejected by the API.',
  'Throttling': 'The API rate limit was hit and retries ran out; try again later or lower the concurrency.',
  'Throttling.User': 'The account-wide API rate limit was hit and retries ran out; try again later or lower the concurrency.',
  'Throttling.Api': 'The API rate limit was hit and retries ran out; try again later.',
  'ServiceUnavailable': 'ECS was temporarily unavailable and retries ran out; try again later.',
  'InternalError': 'ECS failed with an internal error and retries ran out; try again later.',
  'SignatureDoesNotMatch': 'The request signature was refused: the access key secret does not match the access key ID.',
  'IncompleteSignature': 'The request signature was malformed; check the endpoint and that nothing rewrites requests in between.',
  'InvalidAccessKeyId.NotFound': 'The access key ID does not exist. Check the credentials in the environment.',
  'InvalidAccessKeyId.Inactive': 'The access key is disabled. Enable it or use another.',
  'InvalidSecurityToken.Expired': 'The STS security token has expired. Get a new one.',
  'InvalidSecurityToken.Malformed': 'The STS security token is malformed. Check ALIBABA_CLOUD_SECURITY_TOKEN / ALICLOUD_SECURITY_TOKEN.',
  'InvalidSecurityToken.MismatchWithAccessKey':
    'The STS security token does not belong to the access key ID. Use the token issued with that key.',
  'InvalidTimeStamp.Expired': 'The request time is too far from the server time; check the machine clock.',
  'SignatureNonceUsed': 'A request nonce was reused; retry the operation.',
  'Forbidden.RAM':
    'The credentials are not allowed to make this call. Grant ecs:DescribeImages, ecs:ModifyImageAttribute, ecs:DescribeInstances, ecs:DescribeImageSharePermission and ecs:TagResources on the image.',
  'InvalidRegionId.NotFound': 'The RegionId does not exist.',
};

/** `<advice> (ECS InvalidImageId.NotFound, HTTP 404: The specified ImageId does not exist. RequestId …)` */
export function describeApiError(e: {
  code: string;
  statusCode?: number;
  apiMessage?: string;
  requestId?: string;
  action: string;
}): string {
  const advice = API_ERROR_ADVICE[e.code] ?? 'The ECS API refused the request.';
  const facts = [`ECS ${e.action} returned ${e.code}`];
  if (e.statusCode) facts.push(`HTTP ${e.statusCode}`);
  const detail = e.apiMessage ? `: ${e.apiMessage}` : '';
  const rid = e.requestId ? ` RequestId ${e.requestId}` : '';
  return `${advice} (${facts.join(', ')}${detail}${rid})`;
}

/** `Could not reach the ECS endpoint for DescribeImages (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1). Check ...` */
export function unreachable(action: string, code: string, detail: string): string {
  return `Could not reach the ECS endpoint for ${action} (${code}: ${detail}). Check the network and ALIBABA_CLOUD_ECS_ENDPOINT.`;
}

/** A slow answer is slow, not unreachable: the endpoint accepted the call and did not answer in time. */
export function slowAnswer(action: string, timeoutMs: number | undefined): string {
  const within = timeoutMs !== undefined ? ` within ${timeoutMs / 1000} s` : ' in time';
  return `The ECS endpoint did not answer ${action}${within} (the call's timeout). A write may still have been applied; the next read shows whether it was.`;
}
export const CREDENTIALS_ADVICE =
  'No Alibaba Cloud credentials were found. Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (or ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY), optionally with a security token, or configure another source of the @alicloud/credentials default chain.';

/** Appended when retries ran out: `Gave up after 6 attempts over 9.3 s.` */
export function retriesRanOut(attempts: number, elapsedMs: number): string {
  return `Gave up after ${attempts} attempts over ${(elapsedMs / 1000).toFixed(1)} s.`;
}

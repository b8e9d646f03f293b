/**
 * ModifyImageAttribute (§4 and the seed page). Checks run in the §4.4 order:
 * MissingParameter (RegionId, ImageId) ⇒ formats in parameter order (ImageName, Description,
 * ImageFamily, BootMode, LicenseType, Features.ImdsSupport, Status, Features.NvmeSupport, DryRun)
 * ⇒ DryRun ⇒ image lookup ⇒ Creating/Waiting ⇒ state rules (ImdsSupport v2→v1, BootMode vs
 * architecture and instances, Status transition and sharing, name duplicate, family quotas) ⇒
 * all changes applied in one record replacement, or none.
 *
 * An empty value (`Description=`, `ImageFamily=`, `ImageName=`, …) means "unchanged".
 */
import { apiError } from '../error-catalogue';
import { isCommunityImage, isOwnedBy, isSharedByOwner } from '../image-view';
import { Params } from '../params';
import { BOOT_MODES, IMDS_SUPPORT_VALUES, NVME_SUPPORT_VALUES } from '../state/parse-image';
import { ImageRecord } from '../state/records';
import { EmulatorStore } from '../state/store';
import { ActionHandler } from './action';
import { isAcceptableDescriptionText, isValidImageName, isWellFormedDescription } from './attribute-formats';
import { checkFamilyQuotas } from './image-family-quotas';

/** The attribute changes one request asks for (absent = unchanged). */
interface RequestedChanges {
  readonly ImageName?: string;
  readonly Description?: string;
  readonly ImageFamily?: string;
  readonly BootMode?: string;
  readonly LicenseType?: string;
  readonly ImdsSupport?: string;
  readonly Status?: string;
  readonly NvmeSupport?: string;
}

/** The ModifyImageAttribute handler. */
export const modifyImageAttribute: ActionHandler = ({ params, accountId, store }) => {
  const regionId = params.regionId();
  const imageId = params.required('ImageId');
  const changes = readRequestedChanges(params);
  if (params.boolean('DryRun', false)) throw apiError('dryRunOperation');

  const image = findModifiableImage(store, imageId, regionId, accountId);
  if (image.Status === 'Creating' || image.Status === 'Waiting') throw apiError('imageIsCreating');
  checkStateRules(image, changes, store);
  store.replaceImage(applyChanges(image, changes));
  return {};
};

function readRequestedChanges(params: Params): RequestedChanges {
  const imageName = params.nonEmpty('ImageName');
  if (imageName !== undefined && !isValidImageName(imageName)) throw apiError('invalidImageNameMalformed');
  const description = params.nonEmpty('Description');
  if (description !== undefined && !isWellFormedDescription(description)) throw apiError('invalidDescriptionMalformed');
  if (description !== undefined && !isAcceptableDescriptionText(description)) throw apiError('invalidDescriptionNotValid');
  const imageFamily = params.nonEmpty('ImageFamily');
  if (imageFamily !== undefined && !isValidImageName(imageFamily)) throw apiError('invalidImageFamilyMalformed');
  const bootMode = params.nonEmpty('BootMode');
  if (bootMode !== undefined && !(BOOT_MODES as readonly string[]).includes(bootMode)) throw apiError('invalidBootModeNotSupport');
  const licenseType = params.nonEmpty('LicenseType');
  if (licenseType !== undefined && licenseType !== 'BYOL') throw apiError('invalidLicenseType');
  const imdsSupport = params.nonEmpty('Features.ImdsSupport');
  if (imdsSupport !== undefined && !(IMDS_SUPPORT_VALUES as readonly string[]).includes(imdsSupport)) throw apiError('invalidImdsSupport');
  const status = params.nonEmpty('Status');
  if (status !== undefined && status !== 'Available' && status !== 'Deprecated') throw apiError('invalidParameter', 'Status');
  const nvmeSupport = params.nonEmpty('Features.NvmeSupport');
  if (nvmeSupport !== undefined && !(NVME_SUPPORT_VALUES as readonly string[]).includes(nvmeSupport)) {
    throw apiError('invalidParameter', 'Features.NvmeSupport');
  }
  return {
    ImageName: imageName,
    Description: description,
    ImageFamily: imageFamily,
    BootMode: bootMode,
    LicenseType: licenseType,
    ImdsSupport: imdsSupport,
    Status: status,
    NvmeSupport: nvmeSupport,
  };
}

/**
 * The caller's own custom image in that region. Another account's community image ⇒ 403
 * InvalidOperation.PublicImageUnsupported; anything else not owned (system, marketplace, shared,
 * private, other region, unknown) ⇒ 404 InvalidImageId.NotFound.
 */
function findModifiableImage(store: EmulatorStore, imageId: string, regionId: string, accountId: string): ImageRecord {
  const image = store.image(imageId);
  if (!image || image.RegionId !== regionId) throw apiError('invalidImageIdNotFound');
  if (isOwnedBy(image, accountId)) return image;
  if (isCommunityImage(image)) throw apiError('publicImageUnsupported');
  throw apiError('invalidImageIdNotFound');
}

function checkStateRules(image: ImageRecord, changes: RequestedChanges, store: EmulatorStore): void {
  if (changes.ImdsSupport === 'v1' && image.Features.ImdsSupport === 'v2') throw apiError('imdsSupportV2ToV1');
  if (changes.BootMode !== undefined) {
    if (image.Architecture === 'arm64' && changes.BootMode !== 'UEFI') throw apiError('invalidBootModeForArchitecture');
    if (changes.BootMode !== image.BootMode && store.instancesUsing(image.ImageId, image.RegionId).length > 0) {
      throw apiError('bootModeImageUsingByInstance');
    }
  }
  if (changes.Status === 'Deprecated') {
    if (image.Status !== 'Available') throw apiError('imageStatusNotAvailable');
    if (isSharedByOwner(image, store)) throw apiError('imageUseShared');
  }
  if (changes.Status === 'Available' && image.Status !== 'Deprecated') throw apiError('imageStatusNotDeprecated');

  const accountImages = store
    .allImages()
    .filter(
      (candidate) =>
        candidate.ownerKind === 'account' && candidate.ImageOwnerId === image.ImageOwnerId && candidate.RegionId === image.RegionId,
    );
  if (
    changes.ImageName !== undefined &&
    changes.ImageName !== image.ImageName &&
    accountImages.some((candidate) => candidate.ImageId !== image.ImageId && candidate.ImageName === changes.ImageName)
  ) {
    throw apiError('invalidImageNameDuplicated');
  }
  if (changes.ImageFamily !== undefined && changes.ImageFamily !== image.ImageFamily) {
    checkFamilyQuotas(image, changes.ImageFamily, accountImages);
  }
}

function applyChanges(image: ImageRecord, changes: RequestedChanges): ImageRecord {
  const { ImdsSupport, NvmeSupport, ...fields } = changes;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return {
    ...image,
    ...defined,
    Features: {
      ...image.Features,
      ...(ImdsSupport !== undefined ? { ImdsSupport } : {}),
      ...(NvmeSupport !== undefined ? { NvmeSupport } : {}),
    },
  };
}

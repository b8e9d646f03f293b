import { AttributeChange } from '../attributes';
import { ModifyImageAttributeRequest } from './ecs-api';
import { ImageTarget } from './read-image';

/** One ModifyImageAttribute request carrying exactly the given changes (Features with only its changed members). */
export function toModifyRequest(target: ImageTarget, changes: readonly AttributeChange[]): ModifyImageAttributeRequest {
  const fields: { -readonly [K in keyof ModifyImageAttributeRequest]?: string } = {};
  for (const c of changes) {
    switch (c.attribute) {
      case 'ImageName': fields.imageName = c.to; break;
      case 'Description': fields.description = c.to; break;
      case 'ImageFamily': fields.imageFamily = c.to; break;
      case 'BootMode': fields.bootMode = c.to; break;
      case 'LicenseType': fields.licenseType = c.to; break;
      case 'Status': fields.status = c.to; break;
      case 'Features.NvmeSupport': fields.nvmeSupport = c.to; break;
      case 'Features.ImdsSupport': fields.imdsSupport = c.to; break;
    }
  }
  return { regionId: target.regionId, imageId: target.imageId, ...fields };
}

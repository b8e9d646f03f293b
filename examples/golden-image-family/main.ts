// A golden-image module: the image pipeline builds a new image; this stack makes it the family's
// current image, keeps the previous one as a fallback, deprecates the older ones, and rolls back
// by naming an older image `current`. Consumers pin to the family's current image.
//
// In your own project, import from 'cdktf-alicloud-managed-image' instead of '../../lib'.
import { App, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { GoldenImageFamily, ImdsSupport, NvmeSupport } from '../../lib';
import { TerraformData } from '../../lib/construct/terraform-data';

export interface WebImagesProps {
  readonly regionId: string;
  /** Every image the pipeline built for the family, oldest first (a build appends one). */
  readonly images: string[];
  /** Set to an older image to roll back; leave unset to follow the newest. */
  readonly current?: string;
}

export class WebImages extends TerraformStack {
  constructor(scope: Construct, id: string, props: WebImagesProps) {
    super(scope, id);
    new LocalBackend(this, { path: 'terraform.tfstate' });

    const family = new GoldenImageFamily(this, 'WebBase', {
      regionId: props.regionId,
      family: 'web-base',
      images: props.images.map((imageId) => ({
        imageId,
        // Every member gets the fleet's baseline: NVMe for 9th-generation instances, IMDSv2 only.
        features: { nvmeSupport: NvmeSupport.SUPPORTED, imdsSupport: ImdsSupport.V2 },
      })),
      keepAvailable: 2,
      current: props.current,
    });

    // A consumer pinned to the family's current image (instead of `data "alicloud_images"` with
    // most_recent, which would make a rollout replace every instance's system disk in place).
    // Here a stand-in resource; in a real module, an alicloud_ecs_launch_template's image_id.
    new TerraformData(this, 'launch_template', { input: { image_id: family.currentImageId } });

    new TerraformOutput(this, 'current_image_id', { value: family.currentImageId });
    new TerraformOutput(this, 'available_image_ids', { value: family.availableImageIds });
  }
}

const app = new App();
new WebImages(app, 'web-images', {
  regionId: process.env.ALIBABA_CLOUD_REGION ?? 'cn-hangzhou',
  images: (process.env.FAMILY_IMAGES ?? 'm-bp1fam0000000000001,m-bp1fam0000000000002').split(','),
  current: process.env.FAMILY_CURRENT || undefined,
});
app.synth();

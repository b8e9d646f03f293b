// A golden image, governed from a cdktf stack: name, description, family, IMDSv2 and NVMe.
//
// In your own project, import from 'cdktf-alicloud-managed-image' instead of '../../lib'.
// Credentials come from the environment the engine runs in (ALIBABA_CLOUD_ACCESS_KEY_ID /
// ALIBABA_CLOUD_ACCESS_KEY_SECRET, or ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY); they never
// appear in the synthesized configuration or the state.
import { App, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { DeletionPolicy, ImdsSupport, ManagedCustomImage, NvmeSupport } from '../../lib';

export interface GoldenImageStackProps {
  readonly regionId: string;
  readonly imageId: string;
  readonly release: string;
}

export class GoldenImageStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: GoldenImageStackProps) {
    super(scope, id);
    // State next to the configuration, so the synthesized stack directory can be applied anywhere.
    new LocalBackend(this, { path: 'terraform.tfstate' });

    const image = new ManagedCustomImage(this, 'WebBase', {
      regionId: props.regionId,
      imageId: props.imageId,
      imageName: `web-base-${props.release}`,
      description: `Web tier base image, release ${props.release}. Built by the image pipeline.`,
      imageFamily: 'web-base',
      features: { imdsSupport: ImdsSupport.V2, nvmeSupport: NvmeSupport.SUPPORTED },
      deletionPolicy: DeletionPolicy.RESTORE,
    });

    new TerraformOutput(this, 'image_id', { value: image.imageId });
  }
}

const app = new App();
new GoldenImageStack(app, 'golden-image', {
  regionId: process.env.ALIBABA_CLOUD_REGION ?? 'cn-hangzhou',
  imageId: process.env.IMAGE_ID ?? 'm-bp1demo0000000000001',
  release: process.env.RELEASE ?? '2026.11',
});
app.synth();

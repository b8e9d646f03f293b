#!/usr/bin/env python3
"""A golden image, governed from a cdktf stack in Python: name, description, family, IMDSv2 and NVMe.

The Python version of examples/basic/main.ts (same construct ids, so the same configuration).
Install the wheel `npm run package` builds (dist/jsii/python/*.whl) into a virtual environment;
pip brings cdktf 0.21, constructs and the jsii runtime, which needs `node` on PATH.
Credentials come from the environment the engine runs in (ALIBABA_CLOUD_ACCESS_KEY_ID /
ALIBABA_CLOUD_ACCESS_KEY_SECRET, or ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY); they never
appear in the synthesized configuration or the state.
"""
import os

from cdktf import App, LocalBackend, TerraformOutput, TerraformStack
from constructs import Construct

from cdktf_alicloud_managed_image import (
    DeletionPolicy,
    ImdsSupport,
    ManagedCustomImage,
    ManagedCustomImageFeatures,
    NvmeSupport,
)


class GoldenImageStack(TerraformStack):
    def __init__(self, scope: Construct, id: str, *, region_id: str, image_id: str, release: str) -> None:
        super().__init__(scope, id)
        # State next to the configuration, so the synthesized stack directory can be applied anywhere.
        LocalBackend(self, path="terraform.tfstate")

        image = ManagedCustomImage(
            self,
            "WebBase",
            region_id=region_id,
            image_id=image_id,
            image_name=f"web-base-{release}",
            description=f"Web tier base image, release {release}. Built by the image pipeline.",
            image_family="web-base",
            features=ManagedCustomImageFeatures(imds_support=ImdsSupport.V2, nvme_support=NvmeSupport.SUPPORTED),
            deletion_policy=DeletionPolicy.RESTORE,
        )

        TerraformOutput(self, "image_id", value=image.image_id)


app = App()
GoldenImageStack(
    app,
    "golden-image",
    region_id=os.environ.get("ALIBABA_CLOUD_REGION", "cn-hangzhou"),
    image_id=os.environ.get("IMAGE_ID", "m-bp1demo0000000000001"),
    release=os.environ.get("RELEASE", "2026.11"),
)
app.synth()

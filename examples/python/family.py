#!/usr/bin/env python3
"""A golden-image family from Python: members given as image ids and as GoldenImageMember values
mixed (the `images` prop is a list of either), waiting on a ManagedCustomImage (`depends_on`
takes any ITerraformDependable), the family's current image as an output.

Synthesized by examples/python/run-demo.js, which checks the configuration it writes.
"""
from cdktf import App, LocalBackend, TerraformOutput, TerraformStack

from cdktf_alicloud_managed_image import (
    GoldenImageFamily,
    GoldenImageMember,
    ImageStatus,
    ImdsSupport,
    ManagedCustomImage,
    ManagedCustomImageFeatures,
)

app = App()
stack = TerraformStack(app, "web-images")
LocalBackend(stack, path="terraform.tfstate")

# The previous golden image, retired by hand before the family takes over.
legacy = ManagedCustomImage(
    stack, "Legacy", region_id="cn-hangzhou", image_id="m-bp1old00000000000001", status=ImageStatus.DEPRECATED
)

family = GoldenImageFamily(
    stack,
    "WebBase",
    region_id="cn-hangzhou",
    family="web-base",
    images=[
        "m-bp1fam0000000000001",
        GoldenImageMember(
            image_id="m-bp1fam0000000000002",
            image_name="web-base-2026-11",
            features=ManagedCustomImageFeatures(imds_support=ImdsSupport.V2),
        ),
    ],
    keep_available=1,
    depends_on=[legacy],
)
TerraformOutput(stack, "current_image_id", value=family.current_image_id)
app.synth()

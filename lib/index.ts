/**
 * cdktf-alicloud-managed-image: manage the attributes of existing Alibaba Cloud ECS custom images
 * from CDK for Terraform stacks. The main entry exports only the construct and its types; the
 * handler, CLI and emulator live in the bundled `managed-image` command.
 */
export * from './construct';

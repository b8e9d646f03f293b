/**
 * The ECS actions the handler and the reader call, as RAM names them, and which resource each is
 * authorized on (the ECS RAM reference). The least-privilege policy the constructs emit grants
 * exactly these; a test runs every path and compares.
 */
export const RAM_ACTIONS = {
  /** Writes, each on the managed image's ARN only. */
  imageWrites: ['ecs:ModifyImageAttribute', 'ecs:TagResources', 'ecs:UntagResources'],
  /** Reads of one managed image (its ARN). */
  imageReads: ['ecs:DescribeImageSharePermission'],
  /** Reads that list images (by id, name, family or tag): `image/*` of the region. */
  imageListing: ['ecs:DescribeImages'],
  /** Which instances use an image (before a BootMode change): `instance/*` of the region. */
  instanceListing: ['ecs:DescribeInstances'],
} as const;

/** The API actions the emulator implements, by `x-acs-action` name. */
import { ActionHandler } from './action';
import { describeImageFromFamily } from './describe-image-from-family';
import { describeImageSharePermission } from './describe-image-share-permission';
import { describeImages } from './describe-images';
import { describeInstances } from './describe-instances';
import { listTagResources } from './list-tag-resources';
import { modifyImageAttribute } from './modify-image-attribute';
import { tagResources } from './tag-resources';
import { untagResources } from './untag-resources';

/** Action name ⇒ handler. Any other name ⇒ 404 InvalidAction.NotFound. */
export const ACTIONS: ReadonlyMap<string, ActionHandler> = new Map(
  Object.entries({
    DescribeImages: describeImages,
    ModifyImageAttribute: modifyImageAttribute,
    DescribeInstances: describeInstances,
    DescribeImageSharePermission: describeImageSharePermission,
    DescribeImageFromFamily: describeImageFromFamily,
    TagResources: tagResources,
    UntagResources: untagResources,
    ListTagResources: listTagResources,
  }),
);

export type { ActionContext, ActionHandler } from './action';

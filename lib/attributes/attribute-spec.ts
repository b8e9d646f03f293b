import { Rule } from './rules/rule';

/**
 * Everything the project knows about one attribute of ModifyImageAttribute, in one place.
 *
 * The API never clears a value (an empty string means "keep"), so an attribute an image had no
 * value for can never be put back to "none"; `oneWay` names the one transition it refuses on top.
 */
export interface AttributeSpec {
  /** The API's name, with a nested member written the way the SDK flattens it: `Features.NvmeSupport`. */
  readonly name: string;
  /** Where it sits in a request: inside the `Features` object, or (when absent) at the top level. */
  readonly group?: 'Features';
  /** Its name in that place: `ImageName`, `NvmeSupport`. */
  readonly member: string;
  /** The SDK model's member name (camelCase), which is also the field of the ECS seam. */
  readonly field: string;
  /** The construct prop that declares it, as a path: `imageName`, `features.nvmeSupport`. */
  readonly prop: string;
  /** Its key in Terraform-side maps (snake_case: external query and result, terraform_data maps). */
  readonly terraformKey: string;
  /** The values the API accepts, when it takes a fixed set (the construct's enum has exactly these). */
  readonly values?: readonly string[];
  /** The API's rule for a value. */
  readonly rule: Rule;
  /** A change the API refuses whatever else happens, so a value can never be put back across it. */
  readonly oneWay?: { readonly from: string; readonly to: string };
}

import { AttributeSpec } from './attribute-spec';
import { checkDescription } from './rules/description-rules';
import { checkImageName } from './rules/name-rules';
import { oneOf } from './rules/one-of-rule';
import { BOOT_MODES, IMDS_SUPPORT_VALUES, LICENSE_TYPES, NVME_SUPPORT_VALUES, SETTABLE_STATUSES } from './value-sets';

/** An attribute whose values are a fixed set: the rule is "one of them". */
const enumeration = (values: readonly string[]) => ({ values, rule: oneOf(values) });

/**
 * The attributes ModifyImageAttribute can change, each described once, in the order the API
 * documents them (which is also the order problems are reported and changes are sent). Every
 * other table of the project (Terraform keys, prop names, request shape, enum values) is derived
 * from this list. Adding an attribute means adding one entry here (and its rule, if new).
 */
const ATTRIBUTE_LIST = [
  { name: 'ImageName', member: 'ImageName', field: 'imageName', prop: 'imageName', terraformKey: 'image_name', rule: checkImageName },
  {
    name: 'Description',
    member: 'Description',
    field: 'description',
    prop: 'description',
    terraformKey: 'description',
    rule: checkDescription,
  },
  {
    name: 'ImageFamily',
    member: 'ImageFamily',
    field: 'imageFamily',
    prop: 'imageFamily',
    terraformKey: 'image_family',
    rule: checkImageName,
  },
  { name: 'BootMode', member: 'BootMode', field: 'bootMode', prop: 'bootMode', terraformKey: 'boot_mode', ...enumeration(BOOT_MODES) },
  {
    name: 'LicenseType',
    member: 'LicenseType',
    field: 'licenseType',
    prop: 'licenseType',
    terraformKey: 'license_type',
    ...enumeration(LICENSE_TYPES),
  },
  { name: 'Status', member: 'Status', field: 'status', prop: 'status', terraformKey: 'status', ...enumeration(SETTABLE_STATUSES) },
  {
    name: 'Features.NvmeSupport',
    group: 'Features',
    member: 'NvmeSupport',
    field: 'nvmeSupport',
    prop: 'features.nvmeSupport',
    terraformKey: 'nvme_support',
    ...enumeration(NVME_SUPPORT_VALUES),
  },
  {
    name: 'Features.ImdsSupport',
    group: 'Features',
    member: 'ImdsSupport',
    field: 'imdsSupport',
    prop: 'features.imdsSupport',
    terraformKey: 'imds_support',
    ...enumeration(IMDS_SUPPORT_VALUES),
    oneWay: { from: 'v2', to: 'v1' },
  },
] as const satisfies readonly AttributeSpec[];

type Listed = (typeof ATTRIBUTE_LIST)[number];
type TopLevel = Exclude<Listed, { readonly group: string }>;
type InGroup<G extends string> = Extract<Listed, { readonly group: G }>;

/**
 * The desired attributes of one image in ModifyImageAttribute's own shape and PascalCase names
 * (`{ImageName, Features: {NvmeSupport}}`), derived from the list. Every member is optional: one
 * left out is not managed.
 */
export type ImageAttributeProperties = { readonly [A in TopLevel as A['member']]?: string } & {
  readonly Features?: { readonly [A in InGroup<'Features'> as A['member']]?: string };
};

/** An attribute, by its API name. */
export type AttributeName = (typeof ATTRIBUTE_LIST)[number]['name'];
/** The SDK member / ECS seam field of an attribute. */
export type AttributeField = (typeof ATTRIBUTE_LIST)[number]['field'];

/** One entry of {@link ATTRIBUTES}. */
export interface Attribute extends AttributeSpec {
  readonly name: AttributeName;
  readonly field: AttributeField;
}

/** The attributes, in API order. */
export const ATTRIBUTES: readonly Attribute[] = ATTRIBUTE_LIST;

/** Every attribute name, in API order. */
export const ATTRIBUTE_NAMES: readonly AttributeName[] = ATTRIBUTES.map((a) => a.name);

const BY_NAME = new Map<string, Attribute>(ATTRIBUTES.map((a) => [a.name, a]));

/** The description of one attribute. */
export function attributeSpec(name: AttributeName): Attribute {
  return BY_NAME.get(name)!;
}

/**
 * A set of attribute values keyed by API name. An attribute that is absent is *unmanaged*:
 * never sent and never compared.
 */
export type AttributeValues = { [K in AttributeName]?: string };

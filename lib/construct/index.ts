export * from './enums';
export * from './props';
export * from './managed-custom-image';
export { TerraformData } from './terraform-data';
export type { TerraformDataConfig } from './terraform-data';
export { ExternalProvider, ExternalData } from './external-data';
export type { ExternalDataConfig } from './external-data';

/*
 * The framework seam: the only module of the library that imports the CDK framework. Everything
 * else in lib/construct imports these names from here.
 *
 * The main entry runs on `cdktf` (0.21, or CDK Terrain installed under the name `cdktf` through an
 * npm alias). The build writes a second copy of lib/construct, `lib/construct-cdktn/`, in which
 * only this module differs: it imports `cdktn`. That copy is the `cdktf-alicloud-managed-image/cdktn`
 * entry, so a CDK Terrain app loads one framework, its own (see scripts/cdktn-flavor.js).
 */
export {
  AssetType,
  Fn,
  TerraformAsset,
  TerraformDataSource,
  TerraformElement,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  Token,
  anyToTerraform,
  dependable,
  hashMapper,
  listMapper,
  stringToTerraform,
} from 'cdktf';
export type { ITerraformDependable, LocalExecProvisioner, TerraformMetaArguments } from 'cdktf';

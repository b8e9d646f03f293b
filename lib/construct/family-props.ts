import { ITerraformDependable } from './cdk';
import { BootMode, DeletionPolicy, LicenseType } from './enums';
import { ManagedCustomImageFeatures } from './props';

/** A member of a {@link GoldenImageFamily} with attributes of its own (a plain image id is a member too). */
export interface GoldenImageMember {
  /** The custom image, e.g. `m-bp1g7004ksh0oeuc0001`. May be a token (a build's output, a variable). */
  readonly imageId: string;
  /** @default - not managed */
  readonly imageName?: string;
  /** @default - not managed */
  readonly description?: string;
  /** @default - not managed */
  readonly bootMode?: BootMode;
  /** @default - not managed */
  readonly licenseType?: LicenseType;
  /** @default - no feature is managed */
  readonly features?: ManagedCustomImageFeatures;
}

/** Properties of a {@link GoldenImageFamily}. */
export interface GoldenImageFamilyProps {
  /** The region of the family, e.g. `cn-hangzhou` (families are regional). */
  readonly regionId: string;
  /** The image family, with the rules of an image name (2 to 128 characters, ...). */
  readonly family: string;
  /**
   * The members, **oldest first**: image ids, or members with attributes of their own. Every
   * member is put in the family. At most 100 (the most a family holds).
   */
  readonly images: (string | GoldenImageMember)[];
  /**
   * How many members stay Available, counting from `current` toward older members; older ones
   * are deprecated.
   * @default 2
   */
  readonly keepAvailable?: number;
  /**
   * The image launches from the family resolve to. Naming an older member is a rollback: every
   * newer member is deprecated (the family resolves to its newest Available image).
   * @default - the newest member (the last one)
   */
  readonly current?: string;
  /**
   * Allow `deletionPolicy: DEPRECATE` to deprecate every member at destroy, leaving the family empty.
   * @default false
   */
  readonly allowEmptyFamily?: boolean;
  /**
   * At destroy: `RETAIN` touches no attribute (removes the library's tag); `DEPRECATE` deprecates
   * every member (needs `allowEmptyFamily`). `RESTORE` is refused for a family.
   * @default DeletionPolicy.RETAIN
   */
  readonly deletionPolicy?: DeletionPolicy;
  /**
   * Keep shared members Available instead of refusing to deprecate them (a shared image cannot be
   * deprecated until unshared).
   * @default false
   */
  readonly excludeShared?: boolean;
  /**
   * Seconds to wait for a member still Creating or Waiting (0 to 86400): the newest image may
   * still be being built.
   * @default 1200
   */
  readonly waitTimeout?: number;
  /**
   * Resources and constructs the family's change waits for.
   * @default - no dependencies of your own
   */
  readonly dependsOn?: ITerraformDependable[];
}

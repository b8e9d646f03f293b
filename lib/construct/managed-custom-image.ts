import { Construct } from 'constructs';
import { LocalExecProvisioner, Token } from 'cdktf';
import { ATTRIBUTE_NAMES, AttributeName, TERRAFORM_KEYS } from '../attributes';
import { DEFAULT_WAIT_TIMEOUT_SECONDS, DeletionPolicy } from '../handler/contract';
import { invalidProps } from '../messages/construct';
import { cliProgramPath } from './cli-asset';
import { desiredValues } from './desired-values';
import { ExternalData } from './external-data';
import { Expr, HclObject, jsonencoded, self } from './hcl';
import { ManagedCustomImageProps } from './props';
import { TerraformData } from './terraform-data';
import { validateProps } from './validate-props';

/** The handler option as the string Terraform passes on (a number token stays a token). */
function waitTimeoutText(seconds: number | undefined): string {
  if (seconds === undefined) return String(DEFAULT_WAIT_TIMEOUT_SECONDS);
  return Token.isUnresolved(seconds) ? Token.asString(seconds) : String(seconds);
}

/** The API's nested shape, with each attribute's value taken from `source(key)`. */
function apiShape(managed: readonly AttributeName[], source: (terraformKey: string) => Expr): HclObject {
  const top: Record<string, Expr> = {};
  const features: Record<string, Expr> = {};
  for (const a of managed) {
    const value = source(TERRAFORM_KEYS[a]);
    if (a.startsWith('Features.')) features[a.slice('Features.'.length)] = value;
    else top[a] = value;
  }
  return { ...top, ...(Object.keys(features).length ? { Features: features } : {}) };
}

/**
 * Declares the desired attributes of one existing ECS custom image. It never creates or deletes
 * the image: `apply` changes only the attributes that differ (one ModifyImageAttribute call, or
 * two when a Status change must be ordered), and destroy follows `deletionPolicy`.
 *
 * Synthesizes only to what a stock engine has (Terraform >= 1.4 or OpenTofu >= 1.6):
 * - `data "external"` (hashicorp/external) reads the image at plan time, so drift shows in the plan;
 * - `terraform_data` `<id>` runs the handler when the desired attributes or the drift marker change;
 * - `terraform_data` `<id>_snapshot` records, once, the values the image had before it was managed;
 * - `terraform_data` `<id>_deletion` runs the deletion policy when the resource is destroyed.
 * The handler is the bundled `managed-image` CLI, shipped as an asset of the stack and run with
 * `node`; credentials come only from the environment of the engine.
 */
export class ManagedCustomImage extends Construct {
  /** The image managed. */
  public readonly imageId: string;
  /** The region of the image. */
  public readonly regionId: string;
  /** The resource whose replacement runs the handler; depend on it to order work after the change. */
  public readonly reconciler: TerraformData;

  constructor(scope: Construct, id: string, props: ManagedCustomImageProps) {
    super(scope, id);
    const violations = validateProps(props);
    if (violations.length > 0) throw invalidProps(this.node.path, violations);

    this.imageId = props.imageId;
    this.regionId = props.regionId;
    const program = cliProgramPath(this);
    const desired = desiredValues(props);
    const managed = ATTRIBUTE_NAMES.filter((a) => desired[a] !== undefined);
    const identity = { region_id: props.regionId, image_id: props.imageId };
    const desiredByKey: Record<string, string> = {};
    for (const a of managed) desiredByKey[TERRAFORM_KEYS[a]] = desired[a] as string;
    const options = {
      allow_empty_family: props.allowEmptyFamily ? 'true' : 'false',
      wait_timeout_seconds: waitTimeoutText(props.waitTimeout),
    };
    const handle = (command: string, when?: 'destroy'): LocalExecProvisioner => ({
      type: 'local-exec',
      interpreter: ['node', program, 'handle'],
      command,
      ...(when ? { when } : {}),
    });

    const read = props.driftDetection === false
      ? undefined
      : new ExternalData(this, 'read', { program: ['node', program, 'read'], query: { ...identity, ...desiredByKey } });

    // Recorded once, at the plan that starts managing the image; never updated afterwards.
    const snapshot = read
      ? new TerraformData(this, 'snapshot', {
          input: Object.fromEntries(managed.map((a) => [`current_${TERRAFORM_KEYS[a]}`, read.resultValue(`current_${TERRAFORM_KEYS[a]}`)])),
          triggersReplace: identity,
          lifecycle: { ignoreChanges: ['input'] },
        })
      : undefined;

    // Replaced only when the image itself changes: its destroy is the deletion policy, and an
    // attribute change (which replaces the reconciler) never reaches it.
    new TerraformData(this, 'deletion', {
      triggersReplace: identity,
      input: {
        deletion_policy: props.deletionPolicy ?? DeletionPolicy.RETAIN,
        ...options,
        ...(snapshot ? Object.fromEntries(managed.map((a) => [`restore_${TERRAFORM_KEYS[a]}`, snapshot.outputValue(`current_${TERRAFORM_KEYS[a]}`)])) : {}),
      },
      provisioners: [
        handle(
          jsonencoded({
            RequestType: 'Delete',
            PhysicalResourceId: self('triggers_replace.image_id'),
            ResourceProperties: {
              RegionId: self('triggers_replace.region_id'),
              ImageId: self('triggers_replace.image_id'),
              DeletionPolicy: self('input.deletion_policy'),
              AllowEmptyFamily: self('input.allow_empty_family'),
              WaitTimeoutSeconds: self('input.wait_timeout_seconds'),
              RestoreTo: snapshot ? apiShape(managed, (k) => self(`input.restore_${k}`)) : undefined,
            },
          }),
          'destroy',
        ),
      ],
    });

    this.reconciler = new TerraformData(this, 'reconciler', {
      triggersReplace: { ...identity, ...desiredByKey, ...(read ? { sync_token: read.resultValue('sync_token') } : {}) },
      input: options,
      provisioners: [
        handle(
          jsonencoded({
            RequestType: 'Create',
            ResourceProperties: {
              RegionId: self('triggers_replace.region_id'),
              ImageId: self('triggers_replace.image_id'),
              ...apiShape(managed, (k) => self(`triggers_replace.${k}`)),
              AllowEmptyFamily: self('input.allow_empty_family'),
              WaitTimeoutSeconds: self('input.wait_timeout_seconds'),
              SyncToken: read ? self('triggers_replace.sync_token') : undefined,
            },
          }),
        ),
      ],
    });
  }
}

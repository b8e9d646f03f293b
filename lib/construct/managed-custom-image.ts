import { Construct } from 'constructs';
import { ITerraformDependable, LocalExecProvisioner, Token } from 'cdktf';
import { ATTRIBUTES, Attribute } from '../attributes';
import { invalidProps } from '../messages/construct';
import { COMMANDS } from '../protocol/commands';
import { ImageAttributeProperties } from '../attributes/attributes';
import { DEFAULT_WAIT_TIMEOUT_SECONDS, DeletionPolicy, ManagedImageEvent } from '../protocol/event';
import { currentKey, READ_QUERY, READ_RESULT } from '../protocol/read';
import { RESOURCE_KEYS, restoreKey } from '../protocol/resource-keys';
import { cliProgramPath } from './cli-asset';
import { desiredValues } from './desired-values';
import { ExternalData } from './external-data';
import { Expr, jsonencoded, self, Template } from './hcl';
import { ManagedCustomImageProps } from './props';
import { TerraformData } from './terraform-data';
import { validateProps } from './validate-props';

/** The handler option as the string Terraform passes on (a number token stays a token). */
function waitTimeoutText(seconds: number | undefined): string {
  if (seconds === undefined) return String(DEFAULT_WAIT_TIMEOUT_SECONDS);
  return Token.isUnresolved(seconds) ? Token.asString(seconds) : String(seconds);
}

/** The API's nested shape of the managed attributes, each value taken from `source(terraformKey)`. */
function apiShape(managed: readonly Attribute[], source: (terraformKey: string) => Expr): Template<ImageAttributeProperties> {
  const shape: Record<string, Expr | Record<string, Expr>> = {};
  for (const a of managed) {
    if (a.group) shape[a.group] = { ...(shape[a.group] as Record<string, Expr> | undefined), [a.member]: source(a.terraformKey) };
    else shape[a.member] = source(a.terraformKey);
  }
  return shape as Template<ImageAttributeProperties>;
}

/**
 * Declares the desired attributes of one existing ECS custom image. It never creates or deletes
 * the image: `apply` changes only the attributes that differ (one ModifyImageAttribute call, or
 * two when a Status change must be ordered), and destroy follows `deletionPolicy`.
 *
 * Synthesizes only to what a stock engine has (Terraform >= 1.4 or OpenTofu >= 1.6):
 * - `data "external"` `<id>_read` (hashicorp/external) reads the image at plan time, so drift shows in the plan;
 * - `terraform_data` `<id>_reconciler` runs the handler when the desired attributes or the drift marker change;
 * - `terraform_data` `<id>_snapshot` records, once, the values the image had before it was managed;
 * - `terraform_data` `<id>_deletion` runs the deletion policy when the resource is destroyed.
 * The handler is the bundled `managed-image` CLI, shipped as an asset of the stack and run with
 * `node`; credentials come only from the environment of the engine.
 *
 * Other resources can depend on it (`dependsOn: [image]`): they then wait for the change to be applied.
 */
export class ManagedCustomImage extends Construct implements ITerraformDependable {
  /** The image managed. */
  public readonly imageId: string;
  /** The region of the image. */
  public readonly regionId: string;
  /** The resource whose replacement runs the handler. */
  private readonly reconciler: TerraformData;

  constructor(scope: Construct, id: string, props: ManagedCustomImageProps) {
    super(scope, id);
    const violations = validateProps(props);
    if (violations.length > 0) throw invalidProps(this.node.path, violations);

    this.imageId = props.imageId;
    this.regionId = props.regionId;
    const program = cliProgramPath(this);
    const desired = desiredValues(props);
    const managed = ATTRIBUTES.filter((a) => desired[a.name] !== undefined);
    const identity = { [RESOURCE_KEYS.regionId]: props.regionId, [RESOURCE_KEYS.imageId]: props.imageId };
    const desiredByKey: Record<string, string> = {};
    for (const a of managed) desiredByKey[a.terraformKey] = desired[a.name] as string;
    const options = {
      [RESOURCE_KEYS.allowEmptyFamily]: props.allowEmptyFamily ? 'true' : 'false',
      [RESOURCE_KEYS.waitTimeoutSeconds]: waitTimeoutText(props.waitTimeout),
    };
    const handle = (event: Template<ManagedImageEvent>, when?: 'destroy'): LocalExecProvisioner => ({
      type: 'local-exec',
      interpreter: ['node', program, COMMANDS.handle],
      command: jsonencoded(event),
      ...(when ? { when } : {}),
    });

    const read =
      props.driftDetection === false
        ? undefined
        : new ExternalData(this, 'read', {
            program: ['node', program, COMMANDS.read],
            query: { [READ_QUERY.regionId]: props.regionId, [READ_QUERY.imageId]: props.imageId, ...desiredByKey },
          });

    // Recorded once, at the plan that starts managing the image; never updated afterwards.
    const snapshot = read
      ? new TerraformData(this, 'snapshot', {
          input: Object.fromEntries(managed.map((a) => [currentKey(a.terraformKey), read.resultValue(currentKey(a.terraformKey))])),
          triggersReplace: identity,
          lifecycle: { ignoreChanges: ['input'] },
        })
      : undefined;

    // Replaced only when the image itself changes: its destroy is the deletion policy, and an
    // attribute change (which replaces the reconciler) never reaches it.
    new TerraformData(this, 'deletion', {
      triggersReplace: identity,
      input: {
        [RESOURCE_KEYS.deletionPolicy]: props.deletionPolicy ?? DeletionPolicy.RETAIN,
        ...options,
        ...(snapshot
          ? Object.fromEntries(managed.map((a) => [restoreKey(a.terraformKey), snapshot.outputValue(currentKey(a.terraformKey))]))
          : {}),
      },
      provisioners: [
        handle(
          {
            RequestType: 'Delete',
            PhysicalResourceId: self(`triggers_replace.${RESOURCE_KEYS.imageId}`),
            ResourceProperties: {
              RegionId: self(`triggers_replace.${RESOURCE_KEYS.regionId}`),
              ImageId: self(`triggers_replace.${RESOURCE_KEYS.imageId}`),
              DeletionPolicy: self(`input.${RESOURCE_KEYS.deletionPolicy}`),
              AllowEmptyFamily: self(`input.${RESOURCE_KEYS.allowEmptyFamily}`),
              WaitTimeoutSeconds: self(`input.${RESOURCE_KEYS.waitTimeoutSeconds}`),
              RestoreTo: snapshot ? apiShape(managed, (k) => self(`input.${restoreKey(k)}`)) : undefined,
            },
          },
          'destroy',
        ),
      ],
    });

    this.reconciler = new TerraformData(this, 'reconciler', {
      triggersReplace: {
        ...identity,
        ...desiredByKey,
        ...(read ? { [RESOURCE_KEYS.syncToken]: read.resultValue(READ_RESULT.syncToken) } : {}),
      },
      input: options,
      provisioners: [
        handle({
          RequestType: 'Create',
          ResourceProperties: {
            RegionId: self(`triggers_replace.${RESOURCE_KEYS.regionId}`),
            ImageId: self(`triggers_replace.${RESOURCE_KEYS.imageId}`),
            ...apiShape(managed, (k) => self(`triggers_replace.${k}`)),
            AllowEmptyFamily: self(`input.${RESOURCE_KEYS.allowEmptyFamily}`),
            WaitTimeoutSeconds: self(`input.${RESOURCE_KEYS.waitTimeoutSeconds}`),
            SyncToken: read ? self(`triggers_replace.${RESOURCE_KEYS.syncToken}`) : undefined,
          },
        }),
      ],
    });
  }

  /** The address other resources depend on: the reconciler, so they wait for the change to be applied. */
  public get fqn(): string {
    return this.reconciler.fqn;
  }
}

import { Construct } from 'constructs';
import { ITerraformDependable, LocalExecProvisioner, Token } from './cdk';
import { ATTRIBUTES, Attribute, ImageAttributeProperties } from '../attributes';
import { invalidProps } from '../messages/construct';
import { COMMANDS } from '../protocol/commands';
import { DEFAULT_WAIT_TIMEOUT_SECONDS, DeletionPolicy, ManagedImageEvent } from '../protocol/event';
import { currentKey, READ_QUERY, READ_RESULT } from '../protocol/read';
import { RESOURCE_KEYS, restoreKey } from '../protocol/resource-keys';
import { cliProgramPath } from './cli-asset';
import { desiredValues } from './desired-values';
import { ExternalData } from './external-data';
import { Expr, jsonencoded, self, Template } from './hcl';
import { configValue, isToken } from './literal';
import { managerTagKey } from './manager-id';
import { ManagedCustomImageProps } from './props';
import { expr, ImageRead } from './stack/image-read';
import { ManagedImageRegistry } from './stack/image-registry';
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
 * Synthesizes only to what a stock engine has (Terraform >= 1.5 or OpenTofu >= 1.6):
 * - the plan-time read (hashicorp/external): one per stack and region for images whose id and
 *   values are literals, `data "external" "<id>_read"` for one given as tokens;
 * - a `check` block that shows in the plan how the image differs from its declaration;
 * - `terraform_data` `<id>_reconciler` runs the handler when the desired attributes or the
 *   drift marker change, and fails the plan (a precondition) on a change that can never apply;
 * - `terraform_data` `<id>_deletion` runs the deletion policy when the resource is destroyed;
 * - with `DeletionPolicy.RESTORE`, `terraform_data` `<id>_original` records each attribute's
 *   value at the plan that first managed it.
 * The handler is the bundled `managed-image` CLI, shipped as an asset of the stack and run with
 * `node`; credentials come only from the environment of the engine.
 *
 * Other resources can depend on it (`dependsOn: [image]`): they then wait for its change.
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
    const registry = ManagedImageRegistry.of(this);
    registry.claim(props.regionId, props.imageId, this.node.path);

    this.imageId = props.imageId;
    this.regionId = props.regionId;
    const program = cliProgramPath(this);
    const desired = desiredValues(props);
    const managed = ATTRIBUTES.filter((a) => desired[a.name] !== undefined);
    const identity = { [RESOURCE_KEYS.regionId]: configValue(props.regionId), [RESOURCE_KEYS.imageId]: configValue(props.imageId) };
    const desiredByKey: Record<string, string> = {};
    for (const a of managed) desiredByKey[a.terraformKey] = configValue(desired[a.name] as string);
    const policy = props.deletionPolicy ?? DeletionPolicy.RETAIN;
    const tagKey = managerTagKey(this);
    const drift = props.driftDetection !== false;
    const options = {
      [RESOURCE_KEYS.allowEmptyFamily]: props.allowEmptyFamily ? 'true' : 'false',
      [RESOURCE_KEYS.waitTimeoutSeconds]: waitTimeoutText(props.waitTimeout),
      ...(drift ? { [RESOURCE_KEYS.syncTag]: tagKey } : {}),
    };
    const handle = (event: Template<ManagedImageEvent>, when?: 'destroy'): LocalExecProvisioner => ({
      type: 'local-exec',
      interpreter: ['node', program, COMMANDS.handle],
      command: jsonencoded(event),
      ...(when ? { when } : {}),
    });

    // The plan-time read: shared by the stack's images of the region when everything it is asked
    // is known at synth, so that it is never deferred to apply; its own for an image given as tokens.
    let read: ImageRead | undefined;
    if (drift) {
      const literal = !isToken(props.regionId) && !isToken(props.imageId) && Object.values(desired).every((v) => !isToken(v));
      read = literal
        ? registry.sharedRead(props.regionId).add({ imageId: props.imageId, desired, syncTagKey: tagKey })
        : this.ownRead(program, identity, desiredByKey, tagKey);
    }

    // RESTORE's memory: each attribute's value at the plan that first managed it. `ignore_changes`
    // names each key, so a key added later is recorded at its own first plan and the others stay.
    const original =
      read && policy === DeletionPolicy.RESTORE
        ? new TerraformData(this, 'original', {
            input: Object.fromEntries(managed.map((a) => [a.terraformKey, expr(read!.ref(currentKey(a.terraformKey)))])),
            triggersReplace: identity,
            lifecycle: { ignoreChanges: managed.map((a) => `input.${a.terraformKey}`) },
          })
        : undefined;

    // Replaced only when the image itself changes: its destroy is the deletion policy (and the
    // release of the drift tag); an attribute change, which replaces the reconciler, never reaches it.
    const deletion = new TerraformData(this, 'deletion', {
      triggersReplace: identity,
      input: {
        [RESOURCE_KEYS.deletionPolicy]: policy,
        ...options,
        ...(original ? Object.fromEntries(managed.map((a) => [restoreKey(a.terraformKey), original.outputValue(a.terraformKey)])) : {}),
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
              SyncTagKey: drift ? self(`input.${RESOURCE_KEYS.syncTag}`) : undefined,
              RestoreTo: original ? apiShape(managed, (k) => self(`input.${restoreKey(k)}`)) : undefined,
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
        ...(read ? { [RESOURCE_KEYS.syncToken]: expr(read.ref(READ_RESULT.syncToken)) } : {}),
      },
      input: options,
      dependsOn: props.dependsOn,
      // What can never be applied fails the plan, with the message the handler would give.
      lifecycle: read
        ? { precondition: [{ condition: `\${${read.ref(READ_RESULT.refusal)} == ""}`, errorMessage: expr(read.ref(READ_RESULT.refusal)) }] }
        : undefined,
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
            SyncTagKey: read ? self(`input.${RESOURCE_KEYS.syncTag}`) : undefined,
          },
        }),
      ],
    });
    // The image released by a previous imageId (its deletion policy) before this one is managed.
    this.reconciler.addLateDependencies(() => [deletion]);

    registry.order({
      key: this.node.path,
      group: isToken(props.regionId) ? '*' : props.regionId,
      apply: this.reconciler,
      deprecates: desired.Status === 'Deprecated',
      adds: desired.Status === 'Available' || desired.ImageFamily !== undefined,
      deprecatesOnDestroy: policy === DeletionPolicy.DEPRECATE ? deletion : undefined,
    });
    if (read) {
      const differences = read.ref(READ_RESULT.drift);
      registry.addCheck({
        name: () => `${this.reconciler.friendlyUniqueId}_declared`,
        condition: `${differences} == ""`,
        message: differences,
      });
    }
  }

  /** The address other resources depend on: the reconciler, so they wait for the change to be applied. */
  public get fqn(): string {
    return this.reconciler.fqn;
  }

  /** A read of this image alone, for an image whose id or values are tokens (read at apply when unknown at plan). */
  private ownRead(program: string, identity: Record<string, string>, desiredByKey: Record<string, string>, tagKey: string): ImageRead {
    const data = new ExternalData(this, 'read', {
      program: ['node', program, COMMANDS.read],
      query: {
        [READ_QUERY.regionId]: identity[RESOURCE_KEYS.regionId],
        [READ_QUERY.imageId]: identity[RESOURCE_KEYS.imageId],
        [READ_QUERY.syncTag]: tagKey,
        ...desiredByKey,
      },
    });
    return { ref: (key) => data.resultRef(key) };
  }
}

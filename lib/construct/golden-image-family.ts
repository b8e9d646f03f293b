import { Construct } from 'constructs';
import { Fn, ITerraformDependable, LocalExecProvisioner, Token } from './cdk';
import { AttributeValues, DeclaredMember, planFamily, PlannedMember } from '../attributes';
import { attributeSpec, ATTRIBUTES } from '../attributes/attributes';
import { invalidProps } from '../messages/construct';
import { COMMANDS } from '../protocol/commands';
import { DEFAULT_WAIT_TIMEOUT_SECONDS, DeletionPolicy } from '../protocol/event';
import { GoldenImageFamilyEvent, RESOURCE_TYPES } from '../protocol/family-event';
import { READ_QUERY, READ_RESULT } from '../protocol/read';
import { RESOURCE_KEYS } from '../protocol/resource-keys';
import { cliProgramPath } from './cli-asset';
import { desiredValues } from './desired-values';
import { ExternalData } from './external-data';
import { GoldenImageFamilyProps } from './family-props';
import { Expr, jsonencoded, self, Template } from './hcl';
import { configValue, isToken } from './literal';
import { managerTagKey } from './manager-id';
import { expr, ImageRead } from './stack/image-read';
import { ManagedImageRegistry } from './stack/image-registry';
import { TerraformData } from './terraform-data';
import { asMember, MEMBER_ATTRIBUTES, validateFamily } from './validate-family';

/** The key of one member's value in the reconciler's maps: `member_3_image_name`. */
const memberKey = (i: number, key: string) => `member_${i}_${key}`;
/** The keys of the family-level values the reconciler stores (and consumers read from its output). */
const FAMILY_KEYS = {
  family: 'image_family',
  current: 'current_image_id',
  available: 'available_image_ids',
  deprecated: 'deprecated_image_ids',
  memberIds: 'member_image_ids',
  excludeShared: 'exclude_shared',
} as const;

/**
 * A golden-image family, reconciled as one unit: a new image rolls in as the current one, the
 * previous `keepAvailable - 1` stay Available as fallbacks, older ones are deprecated, and naming
 * an older member `current` rolls back (every newer member is deprecated, so the family resolves
 * to it). Every member is put in the family.
 *
 * One process per family reconciles the members in order: the current image is made Available
 * and joins the family before any member is deprecated, so the family never has zero Available
 * images at any moment of an apply. Deprecated members are tagged with the image that replaced
 * them and when. The members share the stack's plan-time read (drift on any member shows in the
 * plan, with its values, and apply repairs it).
 *
 * Launch from the family, or pin to {@link GoldenImageFamily.currentImageId}: a consumer that
 * references it waits for the family's change and changes only when the current image does.
 */
export class GoldenImageFamily extends Construct implements ITerraformDependable {
  /** The family's current image: what launches from the family resolve to. A token: referencing it waits for the family's change. */
  public readonly currentImageId: string;
  /** The members kept Available (the current one first, then its fallbacks), as a token list. */
  public readonly availableImageIds: string[];
  /** The members deprecated (retired older ones, and newer ones withdrawn by a rollback), as a token list. */
  public readonly deprecatedImageIds: string[];
  /** The region of the family. */
  public readonly regionId: string;
  /** The family's name. */
  public readonly family: string;
  private readonly reconciler: TerraformData;

  constructor(scope: Construct, id: string, props: GoldenImageFamilyProps) {
    super(scope, id);
    const violations = validateFamily(props);
    if (violations.length > 0) throw invalidProps(this.node.path, violations, 'GoldenImageFamily');
    const registry = ManagedImageRegistry.of(this);
    const members = props.images.map(asMember);
    for (const m of members) registry.claim(props.regionId, m.imageId, this.node.path);

    this.regionId = props.regionId;
    this.family = props.family;
    const program = cliProgramPath(this);
    const tagKey = managerTagKey(this);
    const currentIndex = props.current === undefined ? members.length - 1 : members.findIndex((m) => m.imageId === props.current);
    const declared: DeclaredMember[] = members.map((m) => ({ imageId: m.imageId, attributes: memberAttributes(m) }));
    const planned = planFamily(props.family, declared, currentIndex, props.keepAvailable ?? 2);
    const policy = props.deletionPolicy ?? DeletionPolicy.RETAIN;

    // Each member's plan-time read: the stack's shared read for a literal member, its own for one given as tokens.
    const reads: ImageRead[] = planned.map((p, i) => this.readOf(registry, program, tagKey, p, i, props.excludeShared === true));

    const available = planned.filter((p) => p.desired.Status === 'Available').sort((a, b) => rank(a) - rank(b));
    const options = {
      [RESOURCE_KEYS.allowEmptyFamily]: props.allowEmptyFamily ? 'true' : 'false',
      [FAMILY_KEYS.excludeShared]: props.excludeShared ? 'true' : 'false',
      [RESOURCE_KEYS.waitTimeoutSeconds]:
        props.waitTimeout === undefined
          ? String(DEFAULT_WAIT_TIMEOUT_SECONDS)
          : Token.isUnresolved(props.waitTimeout)
            ? Token.asString(props.waitTimeout)
            : String(props.waitTimeout),
      [RESOURCE_KEYS.syncTag]: tagKey,
    };
    const triggers: Record<string, string> = {
      [RESOURCE_KEYS.regionId]: configValue(props.regionId),
      [FAMILY_KEYS.family]: configValue(props.family),
      [FAMILY_KEYS.current]: configValue(planned[currentIndex].imageId),
    };
    planned.forEach((p, i) => {
      triggers[memberKey(i, RESOURCE_KEYS.imageId)] = configValue(p.imageId);
      for (const a of ATTRIBUTES)
        if (p.desired[a.name] !== undefined) triggers[memberKey(i, a.terraformKey)] = configValue(p.desired[a.name] as string);
      triggers[memberKey(i, RESOURCE_KEYS.syncToken)] = expr(reads[i].ref(READ_RESULT.syncToken));
    });
    const handle = (event: Template<GoldenImageFamilyEvent>, when?: 'destroy'): LocalExecProvisioner => ({
      type: 'local-exec',
      interpreter: ['node', program, COMMANDS.handle],
      command: jsonencoded(event),
      ...(when ? { when } : {}),
    });

    const deletion = new TerraformData(this, 'deletion', {
      triggersReplace: { [RESOURCE_KEYS.regionId]: configValue(props.regionId), [FAMILY_KEYS.family]: configValue(props.family) },
      input: {
        [RESOURCE_KEYS.deletionPolicy]: policy,
        ...options,
        [FAMILY_KEYS.current]: configValue(planned[currentIndex].imageId),
        [FAMILY_KEYS.memberIds]: planned.map((p) => configValue(p.imageId)).join(','),
      },
      provisioners: [
        handle(
          {
            RequestType: 'Delete',
            ResourceType: RESOURCE_TYPES.family,
            ResourceProperties: {
              RegionId: self(`triggers_replace.${RESOURCE_KEYS.regionId}`),
              ImageFamily: self(`triggers_replace.${FAMILY_KEYS.family}`),
              CurrentImageId: self(`input.${FAMILY_KEYS.current}`),
              Members: new Expr(`[for id in split(",", self.input.${FAMILY_KEYS.memberIds}) : { "ImageId" = id }]`) as never,
              DeletionPolicy: self(`input.${RESOURCE_KEYS.deletionPolicy}`),
              AllowEmptyFamily: self(`input.${RESOURCE_KEYS.allowEmptyFamily}`),
              WaitTimeoutSeconds: self(`input.${RESOURCE_KEYS.waitTimeoutSeconds}`),
              SyncTagKey: self(`input.${RESOURCE_KEYS.syncTag}`),
            },
          },
          'destroy',
        ),
      ],
    });

    const refusals = reads.map((r) => r.ref(READ_RESULT.refusal));
    this.reconciler = new TerraformData(this, 'reconciler', {
      triggersReplace: triggers,
      input: {
        ...options,
        [FAMILY_KEYS.current]: configValue(planned[currentIndex].imageId),
        [FAMILY_KEYS.available]: available.map((p) => configValue(p.imageId)).join(','),
        [FAMILY_KEYS.deprecated]: planned
          .filter((p) => p.desired.Status === 'Deprecated')
          .map((p) => configValue(p.imageId))
          .join(','),
      },
      dependsOn: props.dependsOn,
      // A member that can never be brought to its plan fails the plan, with the handler's message.
      lifecycle: {
        precondition: [
          { condition: `\${join("", [${refusals.join(', ')}]) == ""}`, errorMessage: `\${join("\\n", compact([${refusals.join(', ')}]))}` },
        ],
      },
      provisioners: [
        handle({
          RequestType: 'Create',
          ResourceType: RESOURCE_TYPES.family,
          ResourceProperties: {
            RegionId: self(`triggers_replace.${RESOURCE_KEYS.regionId}`),
            ImageFamily: self(`triggers_replace.${FAMILY_KEYS.family}`),
            CurrentImageId: self(`triggers_replace.${FAMILY_KEYS.current}`),
            Members: planned.map((p, i) => memberTemplate(p, i)),
            AllowEmptyFamily: self(`input.${RESOURCE_KEYS.allowEmptyFamily}`),
            ExcludeShared: self(`input.${FAMILY_KEYS.excludeShared}`),
            WaitTimeoutSeconds: self(`input.${RESOURCE_KEYS.waitTimeoutSeconds}`),
            SyncTagKey: self(`input.${RESOURCE_KEYS.syncTag}`),
          },
        }),
      ],
    });
    this.reconciler.addLateDependencies(() => [deletion]);
    registry.order({
      key: this.node.path,
      group: isToken(props.regionId) ? '*' : props.regionId,
      apply: this.reconciler,
      deprecates: planned.some((p) => p.desired.Status === 'Deprecated'),
      adds: true,
      deprecatesOnDestroy: policy === DeletionPolicy.DEPRECATE ? deletion : undefined,
    });
    reads.forEach((read, i) => {
      const differences = read.ref(READ_RESULT.drift);
      registry.addCheck({
        name: () => `${this.reconciler.friendlyUniqueId}_member_${i}_declared`,
        condition: `${differences} == ""`,
        message: differences,
      });
    });

    const output = (key: string) => Token.asString(this.reconciler.interpolationForAttribute(`output.${key}`));
    this.currentImageId = output(FAMILY_KEYS.current);
    this.availableImageIds = Fn.compact(Fn.split(',', output(FAMILY_KEYS.available)));
    this.deprecatedImageIds = Fn.compact(Fn.split(',', output(FAMILY_KEYS.deprecated)));
  }

  /** The address other resources depend on: the family's reconciler. */
  public get fqn(): string {
    return this.reconciler.fqn;
  }

  private readOf(
    registry: ManagedImageRegistry,
    program: string,
    tagKey: string,
    p: PlannedMember,
    i: number,
    keepIfShared: boolean,
  ): ImageRead {
    const literal = !isToken(this.regionId) && !isToken(p.imageId) && Object.values(p.desired).every((v) => !isToken(v));
    if (literal)
      return registry.sharedRead(this.regionId).add({ imageId: p.imageId, desired: p.desired, syncTagKey: tagKey, keepIfShared });
    const query: Record<string, string> = {
      [READ_QUERY.regionId]: configValue(this.regionId),
      [READ_QUERY.imageId]: configValue(p.imageId),
      [READ_QUERY.syncTag]: tagKey,
      ...(keepIfShared ? { [READ_QUERY.keepIfShared]: 'true' } : {}),
    };
    for (const [name, value] of Object.entries(p.desired))
      query[attributeSpec(name as keyof AttributeValues).terraformKey] = configValue(value as string);
    const data = new ExternalData(this, `read_${i}`, { program: ['node', program, COMMANDS.read], query });
    return { ref: (key) => data.resultRef(key) };
  }
}

/** The current image first, then the others newest first. */
const rank = (p: PlannedMember) => (p.role === 'current' ? 0 : 1);

/** A member's own attributes (all but family and Status, which the family decides). */
function memberAttributes(m: object): AttributeValues {
  const all = desiredValues(m);
  const own: AttributeValues = {};
  for (const a of MEMBER_ATTRIBUTES) if (all[a.name] !== undefined) own[a.name] = all[a.name];
  return own;
}

/** One member of the Create event, every value read from the reconciler's `triggers_replace`. */
function memberTemplate(p: PlannedMember, i: number): Record<string, unknown> {
  const shape: Record<string, unknown> = { ImageId: self(`triggers_replace.${memberKey(i, RESOURCE_KEYS.imageId)}`) };
  for (const a of ATTRIBUTES) {
    if (p.desired[a.name] === undefined) continue;
    const value = self(`triggers_replace.${memberKey(i, a.terraformKey)}`);
    if (a.group) shape[a.group] = { ...(shape[a.group] as object | undefined), [a.member]: value };
    else shape[a.member] = value;
  }
  shape.SyncToken = self(`triggers_replace.${memberKey(i, RESOURCE_KEYS.syncToken)}`);
  return shape;
}

import { Construct } from 'constructs';
import { ITerraformDependable, TerraformStack } from '../cdk';
import { duplicateImage } from '../../messages/construct';
import { cliProgramPath } from '../cli-asset';
import { isToken } from '../literal';
import { TerraformData } from '../terraform-data';
import { OrderedChange, orderingEdges } from './ordering';
import { SharedRead } from './shared-read';
import { CheckBlock, StackBlocks } from './stack-blocks';

const REGISTRY_ID = 'ManagedImages';

/** A change of one construct, for ordering (see ordering.ts). */
export type RegisteredChange = OrderedChange<TerraformData>;

/**
 * What a stack's managed images share: the claims on image ids (one manager per image per
 * stack), the shared plan-time reads (one per region), the ordering between their changes, and
 * the blocks rendered for all of them. One per stack, created by the first image.
 */
export class ManagedImageRegistry extends Construct {
  /** The registry of the stack `scope` belongs to. */
  public static of(scope: Construct): ManagedImageRegistry {
    const stack = TerraformStack.of(scope);
    return (stack.node.tryFindChild(REGISTRY_ID) as ManagedImageRegistry | undefined) ?? new ManagedImageRegistry(stack, REGISTRY_ID);
  }

  private readonly claims = new Map<string, string>();
  private readonly managed: { regionId: string; imageId: string }[] = [];
  private readonly reads = new Map<string, SharedRead>();
  private readonly changes: RegisteredChange[] = [];
  private readonly barriers = new Map<string, TerraformData>();
  private readonly blocks: StackBlocks;
  private edges?: Map<ITerraformDependable, ITerraformDependable[]>;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    this.blocks = new StackBlocks(this, 'blocks');
  }

  /**
   * Claims an image for the construct at `path`. The same image declared twice in one stack
   * would flip between the two declarations on every apply: refused, naming both. Ids given as
   * tokens cannot be compared at synth and are not claimed.
   */
  public claim(regionId: string, imageId: string, path: string): void {
    this.managed.push({ regionId, imageId });
    if (isToken(regionId) || isToken(imageId)) return;
    const key = `${regionId}/${imageId}`;
    const holder = this.claims.get(key);
    if (holder !== undefined) throw duplicateImage(imageId, regionId, holder, path);
    this.claims.set(key, path);
  }

  /** The shared plan-time read of a region (created on first use). */
  public sharedRead(regionId: string): SharedRead {
    let read = this.reads.get(regionId);
    if (!read) {
      read = new SharedRead(this, this.blocks, regionId, cliProgramPath(this));
      this.reads.set(regionId, read);
    }
    return read;
  }

  /** Every image the stack's constructs manage (ids and regions may be tokens). */
  public managedImages(): readonly { regionId: string; imageId: string }[] {
    return this.managed;
  }

  public addCheck(check: CheckBlock): void {
    this.blocks.addCheck(check);
  }

  /** Orders a change among the stack's others; its resources get their `depends_on` at synth. */
  public order(change: RegisteredChange): void {
    this.changes.push(change);
    this.edges = undefined;
    if (change.deprecates && !this.barriers.has(change.group)) {
      // A resource with no change of its own: additions before it, deprecations after it.
      const barrier = new TerraformData(this, `order_${change.group === '*' ? 'any' : change.group}`, {});
      barrier.addLateDependencies(() => this.edgesFor(barrier));
      this.barriers.set(change.group, barrier);
    }
    for (const resource of [change.apply, change.deprecatesOnDestroy]) {
      resource?.addLateDependencies(() => this.edgesFor(resource));
    }
  }

  private edgesFor(resource: ITerraformDependable): readonly ITerraformDependable[] {
    this.edges ??= orderingEdges<ITerraformDependable>(this.changes, (group) => this.barriers.get(group));
    return this.edges.get(resource) ?? [];
  }
}

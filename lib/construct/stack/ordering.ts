/**
 * The order in which the changes of one stack must run, as dependency edges between resources.
 * Pure: the registry feeds it the stack's changes and turns the edges into `depends_on`.
 *
 * Within a group (a region: families are regional):
 * - every deprecation runs after every change that adds an Available image to a family (a
 *   revival, or an image joining a family): a rollover never trips the "last Available image of
 *   its family" guard, whatever the engine's parallelism;
 * - deprecations run one at a time, in construct-path order: each one's guard sees the ones
 *   before it, so two deprecations can never together empty a family;
 * - deprecations at destroy (`deletionPolicy: DEPRECATE`) run one at a time, likewise.
 */
export interface OrderedChange<T> {
  /** Sorts the chains: the construct path. */
  readonly key: string;
  /** Only changes of one group are ordered: the region (`*` for a region given as a token). */
  readonly group: string;
  /** The resource whose create runs the change. */
  readonly apply: T;
  /** The change deprecates the image. */
  readonly deprecates: boolean;
  /** The change makes the image Available or puts it in a family. */
  readonly adds: boolean;
  /** The resource whose destroy deprecates the image, when the deletion policy is DEPRECATE. */
  readonly deprecatesOnDestroy?: T;
}

/**
 * The resources each resource must wait for. `barrierOf` gives the group's barrier: a resource with
 * no change of its own, standing between the additions and the deprecations so that the edges
 * grow with their sum, not their product (it exists for every group that has a deprecation).
 */
export function orderingEdges<T>(changes: readonly OrderedChange<T>[], barrierOf: (group: string) => T | undefined): Map<T, T[]> {
  const edges = new Map<T, T[]>();
  const add = (from: T, to: T) => {
    if (from !== to) (edges.get(from) ?? edges.set(from, []).get(from)!).push(to);
  };
  const groups = new Map<string, OrderedChange<T>[]>();
  for (const c of changes) (groups.get(c.group) ?? groups.set(c.group, []).get(c.group)!).push(c);
  for (const [group, members] of groups) {
    const sorted = [...members].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const deprecations = sorted.filter((c) => c.deprecates);
    const additions = sorted.filter((c) => c.adds && !c.deprecates);
    const barrier = barrierOf(group);
    if (barrier !== undefined && deprecations.length > 0 && additions.length > 0) {
      for (const a of additions) add(barrier, a.apply);
      for (const d of deprecations) add(d.apply, barrier);
    }
    chain(
      deprecations.map((d) => d.apply),
      add,
    );
    chain(
      sorted.flatMap((c) => (c.deprecatesOnDestroy ? [c.deprecatesOnDestroy] : [])),
      add,
    );
  }
  return edges;
}

function chain<T>(items: readonly T[], add: (from: T, to: T) => void): void {
  for (let i = 1; i < items.length; i++) add(items[i], items[i - 1]);
}

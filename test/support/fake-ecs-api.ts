import { EcsApiError } from '../../lib/handler/ecs/api-error';
import {
  DescribeImagesQuery,
  DescribeImagesResult,
  EcsImageApi,
  ImageRecord,
  ImageTag,
  ModifyImageAttributeRequest,
  SharePermission,
} from '../../lib/handler/ecs/ecs-api';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Image = Mutable<ImageRecord>;

/** One call the fake received: the action and its arguments. */
export interface FakeCall {
  readonly action: string;
  readonly args: unknown;
}

/**
 * An in-memory stand-in for the ECS seam, for unit tests of the reconciler. It is not the oracle
 * (the emulator is): it applies writes as asked and enforces only the status rules the
 * reconciler depends on. Faults are scripted per test:
 * - `loseAnswers(n)`: the next n ModifyImageAttribute calls are applied, then fail as if the answer was lost;
 * - `staleReads(n)`: the next n DescribeImages after a write still show the image as it was before it;
 * - `instances` / `shares`: what DescribeInstances / DescribeImageSharePermission report.
 */
export class FakeEcsApi implements EcsImageApi {
  public readonly calls: FakeCall[] = [];
  private readonly images = new Map<string, Image>();
  private lostAnswers = 0;
  private stale = 0;
  private beforeLastWrite?: Image;
  public instances: Record<string, string[]> = {};
  public shares: Record<string, string[]> = {};

  constructor(images: ImageRecord[]) {
    for (const i of images) this.images.set(i.imageId, { ...i, tags: [...i.tags] });
  }

  loseAnswers(n: number): this {
    this.lostAnswers = n;
    return this;
  }

  staleReads(n: number): this {
    this.stale = n;
    return this;
  }

  image(id: string): ImageRecord {
    return this.images.get(id)!;
  }

  actions(): string[] {
    return this.calls.map((c) => c.action);
  }

  async describeImages(q: DescribeImagesQuery): Promise<DescribeImagesResult> {
    this.calls.push({ action: 'DescribeImages', args: q });
    const statuses = q.status?.split(',') ?? ['Available'];
    const servesStale = this.stale > 0 && this.beforeLastWrite !== undefined;
    const visible = [...this.images.values()].map((i) =>
      servesStale && i.imageId === this.beforeLastWrite!.imageId ? this.beforeLastWrite! : i,
    );
    if (servesStale) this.stale -= 1;
    const images = visible.filter(
      (i) =>
        (q.imageId === undefined || q.imageId.split(',').includes(i.imageId)) &&
        (q.imageFamily === undefined || i.imageFamily === q.imageFamily) &&
        (q.tagKey === undefined || i.tags.some((t) => t.key === q.tagKey)) &&
        (q.imageOwnerAlias === undefined || (i.imageOwnerAlias ?? 'self') === q.imageOwnerAlias) &&
        statuses.includes(i.status ?? 'Available'),
    );
    return { images: images.map((i) => ({ ...i })), totalCount: images.length };
  }

  async modifyImageAttribute(r: ModifyImageAttributeRequest): Promise<string> {
    this.calls.push({ action: 'ModifyImageAttribute', args: r });
    const image = this.images.get(r.imageId);
    if (!image)
      throw new EcsApiError({ action: 'ModifyImageAttribute', code: 'InvalidImageId.NotFound', statusCode: 404, transient: false });
    if (r.status === 'Deprecated' && image.status !== 'Available') {
      throw new EcsApiError({ action: 'ModifyImageAttribute', code: 'ImageStatus.NotAvailable', statusCode: 403, transient: false });
    }
    if (r.status === 'Available' && image.status !== 'Deprecated') {
      throw new EcsApiError({ action: 'ModifyImageAttribute', code: 'ImageStatus.NotDeprecated', statusCode: 403, transient: false });
    }
    this.beforeLastWrite = { ...image };
    const { regionId: _r, imageId: _i, ...fields } = r;
    Object.assign(image, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
    if (this.lostAnswers > 0) {
      this.lostAnswers -= 1;
      throw new EcsApiError({ action: 'ModifyImageAttribute', code: 'ConnectionReset', transient: true, message: 'answer lost' });
    }
    return `RID-${this.calls.length}`;
  }

  async describeInstancesUsingImage(regionId: string, imageId: string, limit: number): Promise<string[]> {
    this.calls.push({ action: 'DescribeInstances', args: { regionId, imageId, limit } });
    return (this.instances[imageId] ?? []).slice(0, limit);
  }

  async describeImageSharePermission(regionId: string, imageId: string): Promise<SharePermission> {
    this.calls.push({ action: 'DescribeImageSharePermission', args: { regionId, imageId } });
    return { accounts: this.shares[imageId] ?? [], public: false };
  }

  async tagImage(regionId: string, imageId: string, tags: readonly ImageTag[]): Promise<void> {
    this.calls.push({ action: 'TagResources', args: { regionId, imageId, tags } });
    const image = this.images.get(imageId)!;
    image.tags = [...image.tags.filter((t) => !tags.some((n) => n.key === t.key)), ...tags];
  }

  async untagImages(regionId: string, imageIds: readonly string[], keys: readonly string[]): Promise<void> {
    this.calls.push({ action: 'UntagResources', args: { regionId, imageIds, keys } });
    for (const id of imageIds) {
      const image = this.images.get(id);
      if (image) image.tags = image.tags.filter((t) => !keys.includes(t.key));
    }
  }
}

/** The emulator's mutable in-memory state. */
import { Clock, formatIsoSeconds } from '../time';
import { EmulatorState, StateImage } from '../types';
import { parseImage } from './parse-image';
import { ParsedState } from './parse-state';
import { AccessKeyRecord, ImageRecord, InstanceRecord, ShareRecord } from './records';
import { expectObject } from './state-checks';
import { imageToStateForm, instanceToStateForm } from './state-form';

/** What `GET /__emulator/state` shows: everything but the access keys. */
export type StateSnapshot = Required<Pick<EmulatorState, 'images' | 'instances' | 'shares'>>;

/**
 * Images, instances, shares and access keys. Image records are immutable values: a change
 * replaces the record in one assignment, so a failed request never leaves half an update behind.
 */
export class EmulatorStore {
  /** Access keys by id. */
  readonly accessKeys: ReadonlyMap<string, AccessKeyRecord>;
  /** Requests per second per access key from the state file, if any. */
  readonly rateLimit?: number;
  private readonly images = new Map<string, ImageRecord>();
  /** Each image as it was before its last change (what a stale read shows). */
  private readonly previous = new Map<string, ImageRecord>();
  /** Image ID ⇒ epoch ms at which a Creating/Waiting image becomes Available. */
  private readonly readyAt = new Map<string, number>();
  private readonly instances: readonly InstanceRecord[];
  private readonly shares = new Map<string, readonly ShareRecord[]>();

  constructor(
    parsed: ParsedState,
    private readonly clock: Clock,
  ) {
    const now = clock();
    this.accessKeys = new Map(parsed.accessKeys.map((key) => [key.id, key]));
    this.rateLimit = parsed.rateLimit;
    for (const { record, readyAfterSeconds } of parsed.images) this.putImage(record, readyAfterSeconds, now);
    this.instances = parsed.instances;
    const sharedTime = formatIsoSeconds(now);
    for (const [imageId, accounts] of parsed.shares) {
      this.shares.set(
        imageId,
        accounts.map((accountId) => ({ accountId, sharedTime })),
      );
    }
  }

  /** Every image, after applying due Creating ⇒ Available transitions. */
  allImages(): ImageRecord[] {
    this.applyReadiness();
    return [...this.images.values()];
  }

  /** One image by ID, after applying due transitions. */
  image(imageId: string): ImageRecord | undefined {
    this.applyReadiness();
    return this.images.get(imageId);
  }

  /** Deletes an image, as if deleted in the console (`DELETE /__emulator/images/<id>`); false when there was none. */
  deleteImage(imageId: string): boolean {
    this.readyAt.delete(imageId);
    this.shares.delete(imageId);
    return this.images.delete(imageId);
  }

  /** Replaces an image record (the only way a request changes an image). */
  replaceImage(record: ImageRecord): void {
    const before = this.images.get(record.ImageId);
    if (before) this.previous.set(record.ImageId, before);
    this.images.set(record.ImageId, record);
  }

  /**
   * The store as a lagging replica sees it (a `StaleRead` fault): every image as it was before its
   * last change. Writes through it change the real store.
   */
  staleView(): EmulatorStore {
    const stale = (image: ImageRecord) => this.previous.get(image.ImageId) ?? image;
    return Object.create(this, {
      allImages: { value: () => this.allImages().map(stale) },
      image: {
        value: (id: string) => {
          const found = this.image(id);
          return found ? stale(found) : undefined;
        },
      },
    }) as EmulatorStore;
  }

  /**
   * Creates an image or merges `partial` into an existing one (`POST /__emulator/images`).
   * `ReadyAfterSeconds` counts from now.
   * @throws StateFileError when the result is not a valid image
   */
  upsertImage(partial: unknown): ImageRecord {
    const patch = expectObject(partial, 'image') as Partial<StateImage>;
    const existing = typeof patch.ImageId === 'string' ? this.image(patch.ImageId) : undefined;
    const now = this.clock();
    const merged: Record<string, unknown> = existing ? this.mergeIntoStateForm(existing, patch, now) : { ...patch };
    const { record, readyAfterSeconds } = parseImage(merged, 'image', formatIsoSeconds(now));
    this.putImage(record, readyAfterSeconds, now);
    return record;
  }

  /** Instances of any account in `regionId` that run `imageId`. */
  instancesUsing(imageId: string, regionId: string): InstanceRecord[] {
    return this.instances.filter((instance) => instance.ImageId === imageId && instance.RegionId === regionId);
  }

  /** Instances of `accountId` in `regionId`. */
  instancesOf(accountId: string, regionId: string): InstanceRecord[] {
    return this.instances.filter((instance) => instance.OwnerId === accountId && instance.RegionId === regionId);
  }

  /** Accounts the image is shared with. */
  sharesOf(imageId: string): readonly ShareRecord[] {
    return this.shares.get(imageId) ?? [];
  }

  /** Current images, instances and shares in state-file form (no secrets). */
  snapshot(): StateSnapshot {
    const now = this.clock();
    return {
      images: this.allImages().map((record) => imageToStateForm(record, this.remainingSeconds(record.ImageId, now))),
      instances: this.instances.map(instanceToStateForm),
      shares: Object.fromEntries([...this.shares].map(([imageId, list]) => [imageId, list.map((share) => share.accountId)])),
    };
  }

  private mergeIntoStateForm(existing: ImageRecord, patch: Partial<StateImage>, now: number): Record<string, unknown> {
    const merged: Record<string, unknown> = {
      ...imageToStateForm(existing, this.remainingSeconds(existing.ImageId, now)),
      ...patch,
      Features: { ...existing.Features, ...(patch.Features ?? {}) },
    };
    if (patch.Status !== undefined && patch.ReadyAfterSeconds === undefined) delete merged.ReadyAfterSeconds;
    if (patch.Status !== undefined && patch.Progress === undefined) delete merged.Progress;
    if (patch.ImageOwnerAlias !== undefined && patch.ImageOwnerId === undefined) delete merged.ImageOwnerId;
    return merged;
  }

  private putImage(record: ImageRecord, readyAfterSeconds: number | undefined, now: number): void {
    this.images.set(record.ImageId, record);
    if (readyAfterSeconds === undefined) this.readyAt.delete(record.ImageId);
    else this.readyAt.set(record.ImageId, now + readyAfterSeconds * 1000);
  }

  private remainingSeconds(imageId: string, now: number): number | undefined {
    const at = this.readyAt.get(imageId);
    return at === undefined ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
  }

  private applyReadiness(): void {
    const now = this.clock();
    for (const [imageId, at] of this.readyAt) {
      if (at > now) continue;
      this.readyAt.delete(imageId);
      const record = this.images.get(imageId);
      if (record && (record.Status === 'Creating' || record.Status === 'Waiting')) {
        this.images.set(imageId, { ...record, Status: 'Available', Progress: '100%' });
      }
    }
  }
}

import { Construct } from 'constructs';
import { AttributeValues, terraformKeyOf } from '../../attributes';
import { COMMANDS } from '../../protocol/commands';
import { imageKey, READ_QUERY } from '../../protocol/read';
import { ExternalData } from '../external-data';
import { configValue } from '../literal';
import { ImageRead } from './image-read';
import { StackBlocks } from './stack-blocks';

/** One image of a shared read: its id and declared values are literals, known at plan. */
export interface SharedReadMember {
  readonly imageId: string;
  readonly desired: AttributeValues;
  readonly syncTagKey: string;
  /** A declared deprecation is dropped if the image turns out shared (a family's `excludeShared`). */
  readonly keepIfShared?: boolean;
}

/**
 * The plan-time read of every image of a stack in one region: one `external` data source, one
 * process, ceil(N / 100) DescribeImages calls. Its query holds only literals, so it is always
 * read at plan (an unknown value would defer it to apply and force every image's reconciler to
 * be replaced). Images refer to their keys of the result through one `local`, which engines
 * evaluate faster than a reference to the data source from every resource.
 */
export class SharedRead {
  private readonly members = new Map<string, SharedReadMember>();
  private readonly localName: string;

  constructor(scope: Construct, blocks: StackBlocks, regionId: string, program: string) {
    const data = new ExternalData(scope, `read_${regionId}`, {
      program: ['node', program, COMMANDS.read],
      query: () => this.query(regionId),
    });
    this.localName = `managed_images_${regionId.replace(/[^A-Za-z0-9]/g, '_')}`;
    blocks.addLocal(this.localName, `\${${data.resultMapRef}}`);
  }

  /** Adds an image; returns where its keys of the result are. */
  public add(member: SharedReadMember): ImageRead {
    this.members.set(member.imageId, member);
    return { ref: (key) => `local.${this.localName}[${JSON.stringify(imageKey(member.imageId, key))}]` };
  }

  private query(regionId: string): Record<string, string> {
    const query: Record<string, string> = { [READ_QUERY.regionId]: regionId };
    for (const m of this.members.values()) {
      query[imageKey(m.imageId, READ_QUERY.syncTag)] = m.syncTagKey;
      if (m.keepIfShared) query[imageKey(m.imageId, READ_QUERY.keepIfShared)] = 'true';
      for (const [name, value] of Object.entries(m.desired)) {
        query[imageKey(m.imageId, terraformKeyOf(name as keyof AttributeValues))] = configValue(value as string);
      }
    }
    return query;
  }
}

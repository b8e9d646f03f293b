/** Reads and validates a whole state file (or object) into defaulted records. */
import { readFileSync } from 'node:fs';
import { formatIsoSeconds } from '../time';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION_ID, EmulatorState } from '../types';
import { ParsedImage, parseImage } from './parse-image';
import { AccessKeyRecord, INSTANCE_STATUSES, InstanceRecord } from './records';
import {
  StateFileError,
  expectAccountId,
  expectArray,
  expectObject,
  expectOnlyKeys,
  fail,
  optionalAccountId,
  optionalChoice,
  optionalString,
  optionalTime,
  requiredString,
} from './state-checks';

/** The access key accepted when the state names none. */
export const DEFAULT_ACCESS_KEY: AccessKeyRecord = { id: 'test', secret: 'test', accountId: DEFAULT_ACCOUNT_ID };

/** A validated state. */
export interface ParsedState {
  readonly accessKeys: readonly AccessKeyRecord[];
  readonly images: readonly ParsedImage[];
  readonly instances: readonly InstanceRecord[];
  /** Image ID ⇒ account IDs. */
  readonly shares: ReadonlyMap<string, readonly string[]>;
  readonly rateLimit?: number;
  readonly rateLimitPerMinute?: number;
}

/**
 * Validates a state object, or reads and validates the JSON file at that path.
 * @throws StateFileError naming the bad entry
 */
export function parseState(input: EmulatorState | string | undefined, nowMs: number): ParsedState {
  const raw = typeof input === 'string' ? readStateFile(input) : (input ?? {});
  const root = expectObject(raw, 'state');
  expectOnlyKeys(root, ['accessKeys', 'images', 'instances', 'shares', 'rateLimit', 'rateLimitPerMinute'], 'state');

  const accessKeys = expectArray(root.accessKeys ?? [], 'accessKeys').map(parseAccessKey);
  assertUnique(
    accessKeys.map((key) => key.id),
    'accessKeys',
    'access key id',
  );

  const creationTime = formatIsoSeconds(nowMs);
  const images = expectArray(root.images ?? [], 'images').map((entry, index) => parseImage(entry, `images[${index}]`, creationTime));
  assertUnique(
    images.map((image) => image.record.ImageId),
    'images',
    'ImageId',
  );

  const instances = expectArray(root.instances ?? [], 'instances').map((entry, index) => parseInstance(entry, index, creationTime));
  assertUnique(
    instances.map((instance) => instance.InstanceId),
    'instances',
    'InstanceId',
  );

  const imageIds = new Set(images.map((image) => image.record.ImageId));
  const shares = new Map<string, string[]>();
  for (const [imageId, accounts] of Object.entries(expectObject(root.shares ?? {}, 'shares'))) {
    const where = `shares[${JSON.stringify(imageId)}]`;
    if (!imageIds.has(imageId)) fail(where, 'names an image that is not in "images"');
    const list = expectArray(accounts, where).map((account, index) => expectAccountId(account, `${where}[${index}]`));
    shares.set(imageId, [...new Set(list)]);
  }

  const rateLimit = root.rateLimit;
  if (rateLimit !== undefined && (typeof rateLimit !== 'number' || !(rateLimit > 0))) fail('rateLimit', 'must be a positive number');
  const rateLimitPerMinute = root.rateLimitPerMinute;
  if (
    rateLimitPerMinute !== undefined &&
    (typeof rateLimitPerMinute !== 'number' || !Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 1)
  ) {
    fail('rateLimitPerMinute', 'must be a whole number, 1 or more');
  }
  return {
    accessKeys: accessKeys.length > 0 ? accessKeys : [DEFAULT_ACCESS_KEY],
    images,
    instances,
    shares,
    rateLimit,
    rateLimitPerMinute: rateLimitPerMinute as number | undefined,
  };
}

function readStateFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new StateFileError(`Cannot read emulator state file ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StateFileError(`Emulator state file ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

function parseAccessKey(raw: unknown, index: number): AccessKeyRecord {
  const where = `accessKeys[${index}]`;
  const object = expectObject(raw, where);
  expectOnlyKeys(object, ['id', 'secret', 'accountId', 'securityToken', 'expiration'], where);
  const id = requiredString(object, 'id', where);
  const at = `${where} (${id})`;
  const securityToken = optionalString(object, 'securityToken', at);
  if (securityToken === '') fail(`${at}.securityToken`, 'must not be empty (omit it for a plain access key)');
  const expiresAt = optionalTime(object, 'expiration', at);
  if (expiresAt !== undefined && securityToken === undefined) fail(`${at}.expiration`, 'only applies to a key with a securityToken');
  return {
    id,
    secret: requiredString(object, 'secret', at),
    accountId: optionalAccountId(object, 'accountId', at) ?? DEFAULT_ACCOUNT_ID,
    ...(securityToken !== undefined ? { securityToken } : {}),
    ...(expiresAt !== undefined ? { expiresAt } : {}),
  };
}

function parseInstance(raw: unknown, index: number, creationTime: string): InstanceRecord {
  const where = `instances[${index}]`;
  const object = expectObject(raw, where);
  const instanceId = requiredString(object, 'InstanceId', where);
  const at = `${where} (${instanceId})`;
  expectOnlyKeys(
    object,
    ['InstanceId', 'ImageId', 'RegionId', 'Status', 'InstanceName', 'OwnerId', 'ZoneId', 'InstanceType', 'OSType', 'CreationTime'],
    at,
  );
  const regionId = optionalString(object, 'RegionId', at) || DEFAULT_REGION_ID;
  return {
    InstanceId: instanceId,
    ImageId: requiredString(object, 'ImageId', at),
    RegionId: regionId,
    Status: optionalChoice(object, 'Status', INSTANCE_STATUSES, at) ?? 'Running',
    InstanceName: optionalString(object, 'InstanceName', at) ?? instanceId,
    OwnerId: optionalAccountId(object, 'OwnerId', at) ?? DEFAULT_ACCOUNT_ID,
    ZoneId: optionalString(object, 'ZoneId', at) ?? `${regionId}-a`,
    InstanceType: optionalString(object, 'InstanceType', at) ?? 'ecs.g7.large',
    OSType: optionalString(object, 'OSType', at) ?? 'linux',
    CreationTime: optionalString(object, 'CreationTime', at) ?? creationTime.replace(/:\d{2}Z$/, 'Z'),
  };
}

function assertUnique(values: readonly string[], where: string, what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) fail(where, `duplicate ${what} ${JSON.stringify(value)}`);
    seen.add(value);
  }
}

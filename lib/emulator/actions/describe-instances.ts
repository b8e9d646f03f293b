/**
 * DescribeInstances (§5.1), as far as image usage needs: the caller's instances in a region,
 * filtered by ImageId, InstanceIds (JSON array) and Status. `MaxResults`/`NextToken` select
 * token paging (MaxResults clamped to 10–100); otherwise `PageNumber`/`PageSize`.
 */
import { apiError } from '../error-catalogue';
import { Params } from '../params';
import { INSTANCE_STATUSES, InstanceRecord } from '../state/records';
import { ActionHandler } from './action';
import { MAX_PAGE_SIZE, decodeNextToken, pageOf, pageParams, tokenPageOf } from './pagination';

const MIN_MAX_RESULTS = 10;

/** The DescribeInstances handler. */
export const describeInstances: ActionHandler = ({ params, accountId, store }) => {
  const regionId = params.regionId();
  const imageId = params.nonEmpty('ImageId');
  const instanceIds = readInstanceIds(params);
  const status = params.nonEmpty('Status');
  if (status !== undefined && !(INSTANCE_STATUSES as readonly string[]).includes(status)) throw apiError('invalidParameter', 'Status');
  const matches = store
    .instancesOf(accountId, regionId)
    .filter(
      (instance) =>
        (imageId === undefined || instance.ImageId === imageId) &&
        (instanceIds === undefined || instanceIds.includes(instance.InstanceId)) &&
        (status === undefined || instance.Status === status),
    );

  if (params.nonEmpty('MaxResults') !== undefined || params.nonEmpty('NextToken') !== undefined) {
    const maxResults = Math.min(
      MAX_PAGE_SIZE,
      Math.max(MIN_MAX_RESULTS, params.integer('MaxResults', MIN_MAX_RESULTS, 1, Number.MAX_SAFE_INTEGER)),
    );
    const { page, nextToken } = tokenPageOf(matches, decodeNextToken(params), maxResults);
    return {
      TotalCount: matches.length,
      PageNumber: 1,
      PageSize: maxResults,
      NextToken: nextToken,
      Instances: { Instance: page.map(renderInstance) },
    };
  }
  const { pageNumber, pageSize } = pageParams(params);
  return {
    TotalCount: matches.length,
    PageNumber: pageNumber,
    PageSize: pageSize,
    NextToken: '',
    Instances: { Instance: pageOf(matches, pageNumber, pageSize).map(renderInstance) },
  };
};

/** `InstanceIds`: a JSON array of up to 100 IDs. */
function readInstanceIds(params: Params): string[] | undefined {
  const text = params.nonEmpty('InstanceIds');
  if (text === undefined) return undefined;
  let ids: unknown;
  try {
    ids = JSON.parse(text);
  } catch {
    throw apiError('invalidParameter', 'InstanceIds');
  }
  if (!Array.isArray(ids) || ids.length > MAX_PAGE_SIZE || ids.some((id) => typeof id !== 'string'))
    throw apiError('invalidParameter', 'InstanceIds');
  return ids as string[];
}

function renderInstance(instance: InstanceRecord): Record<string, unknown> {
  const { OwnerId: _owner, ...fields } = instance;
  return { ...fields };
}

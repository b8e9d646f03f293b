/** Page-number and next-token pagination shared by the list actions. */
import { apiError } from '../error-catalogue';
import { Params } from '../params';

/** Maximum page size of every paged action. */
export const MAX_PAGE_SIZE = 100;

/** `PageNumber` (≥ 1, default 1) and `PageSize` (1–100, default 10) of a request. */
export function pageParams(params: Params): { pageNumber: number; pageSize: number } {
  return {
    pageNumber: params.integer('PageNumber', 1, 1, Number.MAX_SAFE_INTEGER),
    pageSize: params.integer('PageSize', 10, 1, MAX_PAGE_SIZE),
  };
}

/** The items of one page (1-based page number). */
export function pageOf<T>(items: readonly T[], pageNumber: number, pageSize: number): T[] {
  return items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
}

/** An opaque `NextToken` for a list offset. */
export function encodeNextToken(offset: number): string {
  return Buffer.from(`offset:${offset}`, 'utf8').toString('base64url');
}

/** The list offset of a `NextToken` (0 when absent); a token the emulator did not issue ⇒ 400 InvalidParameter. */
export function decodeNextToken(params: Params): number {
  const token = params.nonEmpty('NextToken');
  if (token === undefined) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match) throw apiError('invalidParameter', 'NextToken');
  return Number(match[1]);
}

/** One token-paged slice and the token of the next one ("" on the last page). */
export function tokenPageOf<T>(items: readonly T[], offset: number, size: number): { page: T[]; nextToken: string } {
  const end = offset + size;
  return { page: items.slice(offset, end), nextToken: end < items.length ? encodeNextToken(end) : '' };
}

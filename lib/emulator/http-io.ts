/** Small HTTP helpers: reading bodies and writing JSON answers. */
import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './error-catalogue';

/** Every answer's content type (the SDK parses anything else as an error). */
export const JSON_CONTENT_TYPE = 'application/json;charset=utf-8';
/** Largest request body read (the API sends none; control bodies are small). */
const MAX_BODY_BYTES = 1024 * 1024;

/** A new request ID: an upper-case UUID. */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

/** Reads the whole request body (up to 1 MiB). */
export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('Request body too large.'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Writes a JSON answer. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  if (response.headersSent || response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { ...headers, 'Content-Type': JSON_CONTENT_TYPE, 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

/** Writes the service's error body `{RequestId, HostId, Code, Message, Recommend}`. */
export function sendApiError(response: ServerResponse, error: ApiError, requestId: string, hostId: string): void {
  const recommend = `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=Ecs&requestId=${requestId}`;
  sendJson(
    response,
    error.httpStatus,
    { RequestId: requestId, HostId: hostId, Code: error.code, Message: error.message, Recommend: recommend },
    { ...error.headers, 'x-acs-request-id': requestId },
  );
}

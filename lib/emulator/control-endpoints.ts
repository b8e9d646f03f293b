/**
 * Test control endpoints under `/__emulator/` (no signature):
 * - `GET /__emulator/calls` every API call in order; `DELETE /__emulator/calls` clears the log;
 * - `POST /__emulator/faults` arms a fault (`FaultSpec`); `GET` lists, `DELETE` disarms all;
 * - `GET /__emulator/state` images, instances and shares (never access keys);
 * - `POST /__emulator/images` upserts a (partial) image in state-file form;
 * - `DELETE /__emulator/images/<id>` deletes an image (as someone would in the console);
 * - `POST /__emulator/latency` sets the delay before every API answer (`{"DelayMs": N}`).
 * Control errors answer `{"Error": "<message>"}`.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { CallLog } from './call-log';
import { FaultInjector, FaultSpecError } from './fault-injector';
import { Latency } from './latency';
import { readBody, sendJson } from './http-io';
import { StateFileError } from './state/state-checks';
import { imageToStateForm } from './state/state-form';
import { EmulatorStore } from './state/store';

/** The path prefix of the control endpoints. */
export const CONTROL_PREFIX = '/__emulator/';

/** What the control endpoints work with. */
export interface ControlDependencies {
  readonly store: EmulatorStore;
  readonly faults: FaultInjector;
  readonly callLog: CallLog;
  readonly latency: Latency;
}

/** Handles one control request. */
export async function handleControlRequest(request: IncomingMessage, response: ServerResponse, deps: ControlDependencies): Promise<void> {
  const path = (request.url ?? '').split('?')[0];
  const route = `${request.method ?? 'GET'} ${path}`;
  try {
    switch (route) {
      case 'GET /__emulator/calls':
        return sendJson(response, 200, deps.callLog.all());
      case 'DELETE /__emulator/calls':
        return sendJson(response, 200, { Cleared: deps.callLog.clear() });
      case 'GET /__emulator/faults':
        return sendJson(response, 200, deps.faults.pending());
      case 'POST /__emulator/faults':
        return sendJson(response, 200, deps.faults.add(await readJson(request)));
      case 'DELETE /__emulator/faults':
        deps.faults.clear();
        return sendJson(response, 200, {});
      case 'GET /__emulator/state':
        return sendJson(response, 200, deps.store.snapshot());
      case 'POST /__emulator/images':
        return sendJson(response, 200, imageToStateForm(deps.store.upsertImage(await readJson(request))));
      case 'POST /__emulator/latency':
        deps.latency.set(await readJson(request));
        return sendJson(response, 200, { DelayMs: deps.latency.delayMs });
      default:
        if (request.method === 'DELETE' && path.startsWith(`${CONTROL_PREFIX}images/`)) {
          const imageId = decodeURIComponent(path.slice(`${CONTROL_PREFIX}images/`.length));
          return deps.store.deleteImage(imageId)
            ? sendJson(response, 200, { Deleted: imageId })
            : sendJson(response, 404, { Error: `No image ${imageId}.` });
        }
        return sendJson(response, 404, { Error: `Unknown control endpoint: ${route}` });
    }
  } catch (error) {
    if (error instanceof FaultSpecError || error instanceof StateFileError || error instanceof SyntaxError || error instanceof RangeError) {
      return sendJson(response, 400, { Error: error.message });
    }
    return sendJson(response, 500, { Error: (error as Error).message });
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const text = (await readBody(request)).toString('utf8');
  return JSON.parse(text === '' ? '{}' : text);
}

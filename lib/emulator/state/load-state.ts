/** The public `loadState` helper. */
import { EmulatorState } from '../types';
import { parseState } from './parse-state';
import { accessKeyToStateForm, imageToStateForm, instanceToStateForm } from './state-form';

/**
 * Reads (from a JSON file path) or takes a state object, validates it and returns it with every
 * default filled in. The result can be passed back as `EmulatorOptions.state`.
 * @throws StateFileError with a message naming the bad entry, e.g.
 *   `Invalid emulator state: images[2] (m-abc).Status: must be one of Creating, …`
 */
export function loadState(fileOrObject: EmulatorState | string): EmulatorState {
  const parsed = parseState(fileOrObject, Date.now());
  return {
    accessKeys: parsed.accessKeys.map(accessKeyToStateForm),
    images: parsed.images.map(({ record, readyAfterSeconds }) => imageToStateForm(record, readyAfterSeconds)),
    instances: parsed.instances.map(instanceToStateForm),
    shares: Object.fromEntries(parsed.shares),
    ...(parsed.rateLimit !== undefined ? { rateLimit: parsed.rateLimit } : {}),
  };
}

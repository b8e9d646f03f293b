/** Injected faults (`POST /__emulator/faults`): the next N calls of an action fail as told. */
import { findDefinitionByCode } from './error-catalogue';
import { FaultSpec } from './types';

/** The `Code` that makes the emulator drop the connection without answering (and without acting). */
export const CONNECTION_RESET = 'ConnectionReset';
/** The `Code` that makes the emulator act on the call, then drop the connection: the answer is lost. */
export const ANSWER_LOST = 'AnswerLost';
/** The `Code` that makes the emulator answer as a lagging replica would: images as they were before their last change. */
export const STALE_READ = 'StaleRead';

/** A validated fault with its defaults filled in. */
export interface ArmedFault {
  readonly Action: string;
  readonly Code?: string;
  readonly HttpStatus: number;
  readonly Message: string;
  readonly RetryAfterMs?: number;
  readonly DelayMs?: number;
  /** Calls still to fail. */
  Count: number;
  /** Matching calls still to let through before failing. */
  After: number;
  /** Only calls with this `ImageId` parameter match. */
  readonly ImageId?: string;
}

/** Thrown for an invalid fault description; the message says which field. */
export class FaultSpecError extends Error {}

/** Holds armed faults in the order they were added. */
export class FaultInjector {
  private armed: ArmedFault[] = [];

  /** Validates and arms a fault. @throws FaultSpecError */
  add(raw: unknown): ArmedFault {
    const fault = parseFault(raw);
    this.armed.push(fault);
    return { ...fault };
  }

  /** The first armed fault for `action` (or `*`) and the call's image, counting one use; undefined when none. */
  take(action: string, imageId?: string): ArmedFault | undefined {
    const fault = this.armed.find(
      (candidate) =>
        (candidate.Action === action || candidate.Action === '*') && (candidate.ImageId === undefined || candidate.ImageId === imageId),
    );
    if (!fault) return undefined;
    if (fault.After > 0) {
      fault.After -= 1;
      return undefined;
    }
    fault.Count -= 1;
    if (fault.Count <= 0) this.armed = this.armed.filter((candidate) => candidate !== fault);
    return { ...fault };
  }

  /** Faults still armed. */
  pending(): ArmedFault[] {
    return this.armed.map((fault) => ({ ...fault }));
  }

  /** Disarms every fault. */
  clear(): void {
    this.armed = [];
  }
}

function parseFault(raw: unknown): ArmedFault {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new FaultSpecError('The fault must be a JSON object.');
  const spec = raw as Partial<Record<keyof FaultSpec, unknown>>;
  const allowed = ['Action', 'Code', 'HttpStatus', 'Count', 'After', 'ImageId', 'Message', 'RetryAfterMs', 'DelayMs'];
  const unknown = Object.keys(spec).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw new FaultSpecError(`Unknown fault field(s): ${unknown.join(', ')}.`);
  if (typeof spec.Action !== 'string' || spec.Action === '') throw new FaultSpecError('"Action" must be an action name or "*".');
  if (spec.Code !== undefined && (typeof spec.Code !== 'string' || spec.Code === ''))
    throw new FaultSpecError('"Code" must be a non-empty string.');
  if (spec.Message !== undefined && typeof spec.Message !== 'string') throw new FaultSpecError('"Message" must be a string.');
  if (spec.ImageId !== undefined && (typeof spec.ImageId !== 'string' || spec.ImageId === ''))
    throw new FaultSpecError('"ImageId" must be a non-empty string.');
  const count = integer(spec.Count, 'Count', 1) ?? 1;
  const after = integer(spec.After, 'After', 0) ?? 0;
  const retryAfterMs = integer(spec.RetryAfterMs, 'RetryAfterMs', 0);
  const delayMs = integer(spec.DelayMs, 'DelayMs', 0);
  const httpStatus = integer(spec.HttpStatus, 'HttpStatus', 400);
  if (httpStatus !== undefined && httpStatus > 599) throw new FaultSpecError('"HttpStatus" must be between 400 and 599.');
  if (spec.Code === undefined && delayMs === undefined)
    throw new FaultSpecError('Give "Code" (an error to answer) or "DelayMs" (a delay), or both.');
  const code = spec.Code as string | undefined;
  const known = code !== undefined ? findDefinitionByCode(code) : undefined;
  return {
    Action: spec.Action,
    ...(code !== undefined ? { Code: code } : {}),
    HttpStatus: httpStatus ?? known?.httpStatus ?? 500,
    Message: (spec.Message as string | undefined) ?? known?.message.replace(/ ?%s/g, '') ?? 'Injected fault.',
    ...(retryAfterMs !== undefined ? { RetryAfterMs: retryAfterMs } : {}),
    ...(delayMs !== undefined ? { DelayMs: delayMs } : {}),
    Count: count,
    After: after,
    ...(spec.ImageId !== undefined ? { ImageId: spec.ImageId as string } : {}),
  };
}

function integer(value: unknown, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new FaultSpecError(`"${name}" must be an integer of at least ${min}.`);
  }
  return value;
}

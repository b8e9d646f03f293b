import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Shared knowledge of a throttle: when one caller of an account is told to wait, the others wait
 * too instead of spending calls the limit would refuse anyway. The engine runs one handler
 * process per changed image (ten at a time by default), so the gate is shared between processes.
 */
export interface ThrottleGate {
  /** Waits until the action may be called again (no later than `notAfter`). */
  wait(action: string, sleep: (ms: number) => Promise<void>, now: () => number, notAfter: number): Promise<void>;
  /** Records that the action may not be called again before `untilMs`. */
  hold(action: string, untilMs: number): void;
}

/** A gate in this process only (tests, and callers without a file system to share). */
export function memoryThrottleGate(): ThrottleGate {
  const until = new Map<string, number>();
  return {
    async wait(action, sleep, now, notAfter) {
      const at = Math.min(until.get(action) ?? 0, notAfter);
      if (at > now()) await sleep(at - now());
    },
    hold(action, untilMs) {
      until.set(action, Math.max(until.get(action) ?? 0, untilMs));
    },
  };
}

/**
 * A gate shared by every process of this user on this machine that calls the same endpoint with
 * the same access key id: one small file per action in the temporary directory, holding the time
 * until which the action waits. The key id and endpoint are hashed into the name; no secret is read.
 * The directory is the user's own: one that someone else can write to is not used (another user
 * could otherwise hold this user's calls). A file that cannot be read or written is no gate at all:
 * calls go ahead, and retries still apply.
 */
export function fileThrottleGate(scope: string, dir = defaultGateDir()): ThrottleGate {
  const id = createHash('sha256').update(scope).digest('hex').slice(0, 16);
  const file = (action: string) => path.join(dir, `${id}-${action.replace(/[^A-Za-z0-9]/g, '_')}`);
  let usable: boolean | undefined;
  const ready = () => (usable ??= ownDirectory(dir));
  const read = (action: string): number => {
    if (!ready()) return 0;
    try {
      return Number(fs.readFileSync(file(action), 'utf8')) || 0;
    } catch {
      return 0;
    }
  };
  return {
    async wait(action, sleep, now, notAfter) {
      const at = Math.min(read(action), notAfter);
      if (at > now()) await sleep(at - now());
    },
    hold(action, untilMs) {
      if (!ready() || read(action) >= untilMs) return;
      try {
        const tmp = `${file(action)}.${process.pid}`;
        fs.writeFileSync(tmp, String(untilMs));
        fs.renameSync(tmp, file(action));
      } catch {
        // No shared gate: this process still waits its own delay.
      }
    },
  };
}

/** One directory per user in the temporary directory. */
function defaultGateDir(): string {
  return path.join(os.tmpdir(), `managed-image-throttle-${process.getuid?.() ?? 'user'}`);
}

/** Creates `dir` (0700) if needed; true when it is a directory of this user that no one else can write to. */
function ownDirectory(dir: string): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = fs.lstatSync(dir);
    const owner = process.getuid === undefined || stat.uid === process.getuid();
    return stat.isDirectory() && owner && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

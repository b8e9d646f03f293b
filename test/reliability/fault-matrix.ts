/**
 * The fault matrix: one scenario per way an ECS call can go wrong, each run against the emulator
 * with the CLI as it ships (`node dist/managed-image.js handle`, default retry policy), and each
 * checked for the same three things: the image converges, no write is sent that the diff did not
 * ask for, and when retries run out the message says so. Used by the jest test beside it and by
 * bench/reliability.ts, which writes the latest results to docs/reliability.md.
 */
import { ChildProcess, spawn } from 'child_process';
import { EmulatorCall, RunningEmulator, startEmulator } from '../../lib/emulator';
import { CLI_BUNDLE } from '../support/cli-process';
import { EmulatorControl } from '../support/emulator-control';
import { image } from '../support/emulator-harness';

export const REGION = 'cn-hangzhou';
const ID = 'm-bp1fault0001';
/** The change every scenario asks for: a rename and a deprecation (two requests, in order). */
const ASKED = { ImageName: 'after-fault', Status: 'Deprecated' };

export interface FaultScenario {
  /** The fault, in a few words. */
  readonly fault: string;
  /** Whether the scenario ends in success (the fault clears in time) or in a failure that says retries ran out. */
  readonly expect: 'converges' | 'gives up';
  /** Arms the fault(s); may change the image. */
  readonly arm: (control: EmulatorControl) => Promise<void>;
  /** Environment for the CLI (a short call timeout, say). */
  readonly env?: Record<string, string>;
  /** Extra event properties (a short wait timeout bounds throttling). */
  readonly props?: Record<string, unknown>;
  /** Kills the first run when it reaches this point, then runs the CLI again. */
  readonly killAfterWrites?: number;
}

export const SCENARIOS: readonly FaultScenario[] = [
  {
    fault: 'Throttling.User x3 on ModifyImageAttribute',
    expect: 'converges',
    arm: (c) => c.fault({ Action: 'ModifyImageAttribute', Code: 'Throttling.User', HttpStatus: 400, Count: 3 }),
  },
  {
    fault: 'Throttling.User on every call, beyond the 3 s wait timeout',
    expect: 'gives up',
    props: { WaitTimeoutSeconds: 3 },
    arm: (c) => c.fault({ Action: '*', Code: 'Throttling.User', HttpStatus: 400, Count: 1000, RetryAfterMs: 500 }),
  },
  {
    fault: 'ServiceUnavailable (503) x2 on ModifyImageAttribute',
    expect: 'converges',
    arm: (c) => c.fault({ Action: 'ModifyImageAttribute', Code: 'ServiceUnavailable', HttpStatus: 503, Count: 2 }),
  },
  {
    fault: 'ServiceUnavailable (503) on every call',
    expect: 'gives up',
    arm: (c) => c.fault({ Action: '*', Code: 'ServiceUnavailable', HttpStatus: 503, Count: 1000 }),
  },
  {
    fault: 'InternalError (500) x2 on DescribeImages',
    expect: 'converges',
    arm: (c) => c.fault({ Action: 'DescribeImages', Code: 'InternalError', HttpStatus: 500, Count: 2 }),
  },
  {
    fault: 'connection reset x2 on ModifyImageAttribute',
    expect: 'converges',
    arm: (c) => c.fault({ Action: 'ModifyImageAttribute', Code: 'ConnectionReset', Count: 2 }),
  },
  {
    fault: 'an answer slower than the call timeout (1.5 s against 1 s)',
    expect: 'converges',
    env: { MANAGED_IMAGE_CALL_TIMEOUT_MS: '1000' },
    arm: (c) => c.fault({ Action: 'ModifyImageAttribute', DelayMs: 1_500 }),
  },
  {
    fault: 'the answer lost after the server applied the write',
    expect: 'converges',
    arm: (c) => c.fault({ Action: 'ModifyImageAttribute', Code: 'AnswerLost', Count: 2 }),
  },
  {
    fault: 'stale reads x3 after the writes',
    expect: 'converges',
    arm: (c) => c.fault({ Action: 'DescribeImages', Code: 'StaleRead', After: 1, Count: 3 }),
  },
  {
    fault: 'InvalidStatus.ImageIsCreating x2 from ModifyImageAttribute',
    expect: 'converges',
    arm: (c) => c.fault({ Action: 'ModifyImageAttribute', Code: 'InvalidStatus.ImageIsCreating', HttpStatus: 403, Count: 2 }),
  },
  {
    fault: 'the image still Creating for 2 s',
    expect: 'converges',
    arm: (c) => c.upsertImage({ ImageId: ID, Status: 'Creating', Progress: '50%', ReadyAfterSeconds: 2 }),
  },
  {
    fault: 'the process killed between the writes and the read-back, then run again',
    expect: 'converges',
    killAfterWrites: 2,
    // The read-back is the fourth DescribeImages: after the first read, the name guard's (a rename
    // with a Status change) and the family guard's. killedMidway checks the kill landed there.
    arm: (c) => c.fault({ Action: 'DescribeImages', DelayMs: 10_000, After: 3, Count: 1 }),
  },
];

export interface MatrixRow {
  readonly fault: string;
  readonly expected: FaultScenario['expect'];
  /** The image ended as asked. */
  readonly converged: boolean;
  /** ModifyImageAttribute calls (all, answered or not) and the ones that carried anything not asked for. */
  readonly writes: number;
  readonly unaskedWrites: number;
  readonly calls: number;
  /** The failure line, when the run failed. */
  readonly failure?: string;
  /** For the kill scenario: the first run was killed with its writes made and its read-back pending. */
  readonly killedMidway?: boolean;
  readonly seconds: number;
  /** The row holds: converged as expected, or gave up saying so, and never an unasked write. */
  readonly ok: boolean;
}

interface CliRun {
  readonly status: number | null;
  readonly stderr: string;
}

function runCli(
  emulator: RunningEmulator,
  env: Record<string, string>,
  props: Record<string, unknown>,
  onChild?: (c: ChildProcess) => void,
): Promise<CliRun> {
  const event = { RequestType: 'Create', ResourceProperties: { RegionId: REGION, ImageId: ID, ...ASKED, ...props } };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_BUNDLE, 'handle', JSON.stringify(event)], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
        ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true',
        ALIBABA_CLOUD_ECS_ENDPOINT: emulator.url,
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'test',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'test',
        MANAGED_IMAGE_LOG_LEVEL: 'error',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stderr }));
    onChild?.(child);
  });
}

/** Whether a ModifyImageAttribute call carried only what the scenario asked for. */
function asked(call: EmulatorCall): boolean {
  const { RegionId: _r, ImageId: _i, DryRun: _d, ...fields } = call.Params;
  return Object.entries(fields).every(([k, v]) => (ASKED as Record<string, string>)[k] === v);
}

/** Runs one scenario against a fresh emulator and returns its row. */
export async function runScenario(s: FaultScenario): Promise<MatrixRow> {
  const emulator = await startEmulator({
    state: {
      images: [image(ID, { ImageName: 'before-fault', ImageFamily: 'fault' }), image('m-bp1fault0002', { ImageFamily: 'fault' })] as never,
    },
  });
  const control = new EmulatorControl(emulator.url);
  const started = Date.now();
  try {
    await s.arm(control);
    let run: CliRun;
    let killedMidway: boolean | undefined;
    if (s.killAfterWrites) {
      // Kill the first run once its writes went through (it is then waiting for the slow read-back).
      const first = await runCli(emulator, s.env ?? {}, s.props ?? {}, (child) => {
        const poll = setInterval(() => {
          if (emulator.calls().filter((c) => c.Action === 'ModifyImageAttribute' && c.Code === null).length >= s.killAfterWrites!) {
            clearInterval(poll);
            child.kill('SIGKILL');
          }
        }, 20);
        child.on('close', () => clearInterval(poll));
      });
      killedMidway = first.status === null;
      await control.clearFaults();
      run = await runCli(emulator, s.env ?? {}, s.props ?? {});
    } else {
      run = await runCli(emulator, s.env ?? {}, s.props ?? {});
    }
    const calls = emulator.calls();
    const writes = calls.filter((c) => c.Action === 'ModifyImageAttribute');
    const now = await control.image(ID);
    const converged = now.ImageName === ASKED.ImageName && now.Status === ASKED.Status;
    const failure = run.status === 0 ? undefined : run.stderr.trim().split('\n').pop();
    const unaskedWrites = writes.filter((c) => !asked(c)).length;
    const ok =
      unaskedWrites === 0 &&
      (s.expect === 'converges'
        ? converged && run.status === 0
        : run.status === 1 && /Gave up after \d+ attempts over \d+\.\d s\./.test(failure ?? ''));
    return {
      fault: s.fault,
      expected: s.expect,
      converged,
      writes: writes.length,
      unaskedWrites,
      calls: calls.length,
      failure,
      killedMidway,
      seconds: (Date.now() - started) / 1000,
      ok: ok && killedMidway !== false,
    };
  } finally {
    await emulator.close();
  }
}

import { EmulatorOptions, EmulatorState, RunningEmulator, startEmulator } from '../../lib/emulator';
import { EmulatorControl } from './emulator-control';
import { createHandler, HandlerDeps } from '../../lib/handler/handler';
import { ManagedImageEvent, ManagedImageProperties, ManagedImageResponse } from '../../lib/protocol/event';
import { silentLogger } from '../../lib/handler/logging/log';

export const REGION = 'cn-hangzhou';
export const ACCOUNT = '1000000000000001';

/** A custom image of the test account, as the emulator's state file describes one. */
export function image(id: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ImageId: id,
    ImageName: `img-${id.slice(2)}`,
    Status: 'Available',
    RegionId: REGION,
    CreationTime: '2026-01-01T00:00:00Z',
    Architecture: 'x86_64',
    BootMode: 'BIOS',
    ...fields,
  };
}

/**
 * The emulator, reached by the unmodified SDK over HTTP with the `test`/`test` key pair from the
 * environment, and a handler with short waits. One per test file; `reset` gives each test its own state.
 */
export class EmulatorHarness {
  private emulator?: RunningEmulator;

  async start(state: EmulatorState | Record<string, unknown> = {}, extra: Omit<EmulatorOptions, 'state'> = {}): Promise<RunningEmulator> {
    await this.stop();
    this.emulator = await startEmulator({ state: state as EmulatorState, ...extra });
    process.env.ALIBABA_CLOUD_ECS_ENDPOINT = this.emulator.url;
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'test';
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'test';
    return this.emulator;
  }

  async stop(): Promise<void> {
    await this.emulator?.close();
    this.emulator = undefined;
    delete process.env.ALIBABA_CLOUD_ECS_ENDPOINT;
    delete process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
    delete process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
  }

  get url(): string {
    if (!this.emulator) throw new Error('emulator not started');
    return this.emulator.url;
  }

  /** The handler as shipped (real SDK, real retry wrapper), with waits shrunk for tests. */
  handler(deps: HandlerDeps = {}) {
    return createHandler({
      log: silentLogger,
      retryPolicy: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20 },
      timing: { settlePollInitialMs: 50, settlePollMaxMs: 200, readBackAttempts: 3, readBackDelayMs: 10 },
      ...deps,
    });
  }

  /** Sends one event, filling RequestType Create and the region by default. */
  simulate(
    props: Partial<ManagedImageProperties> & { ImageId: string },
    event: Partial<ManagedImageEvent> = {},
    deps?: HandlerDeps,
  ): Promise<ManagedImageResponse> {
    return this.handler(deps)({
      RequestType: 'Create',
      ...event,
      ResourceProperties: { RegionId: REGION, ...props } as ManagedImageProperties,
    });
  }

  /** The control endpoints of the running emulator. */
  get control(): EmulatorControl {
    return new EmulatorControl(this.url);
  }

  calls = () => this.control.calls();
  clearCalls = () => this.control.clearCalls();
  modifyCalls = () => this.control.modifyCalls();
  fault = (f: Parameters<EmulatorControl['fault']>[0]) => this.control.fault(f);
  image = (id: string) => this.control.image(id);
  upsertImage = (fields: Record<string, unknown>) => this.control.upsertImage(fields);

  /** The actions called, in order, e.g. ['DescribeImages', 'ModifyImageAttribute']. */
  async actions(): Promise<string[]> {
    return (await this.calls()).map((c) => c.Action);
  }
}

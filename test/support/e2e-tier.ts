import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startEmulatorProcess } from './cli-process';
import { EmulatorControl } from './emulator-control';
import { Engine, EngineSession, findEngines } from './engine-session';

/** The credentials the end-to-end stacks run with (they must never reach config, state or logs). */
export const E2E_SECRET = 'e2e-secret-value-7f3a';
export const E2E_ACCESS_KEY = 'AKIDE2EPIPELINE';

const found = findEngines();

/**
 * `describe` once per engine found (OpenTofu, and Terraform when on PATH). Without an engine the
 * tier is skipped with a note, except under CI=true, where it fails.
 */
export function describeOnEachEngine(title: string, body: (engine: Engine, tier: E2eTier) => void): void {
  if (found.engines.length === 0) {
    const message = `End-to-end tier: no engine available (${found.notes.join(' ')})`;
    if (process.env.CI === 'true') throw new Error(`${message}. Under CI=true the end-to-end tier must not be skipped.`);
    process.stderr.write(`\n*** SKIPPING the end-to-end tier. ${message} ***\n\n`);
    describe.skip(title, () => test('skipped', () => undefined));
    return;
  }
  describe.each(found.engines.map((e) => [e.name, e] as [string, Engine]))(`${title} on %s`, (_name, engine) => {
    body(engine, new E2eTier(engine));
  });
}

/** One engine's emulator and working directory, set up in beforeAll and torn down in afterAll. */
export class E2eTier {
  private emulator?: Awaited<ReturnType<typeof startEmulatorProcess>>;
  private workdir?: string;

  constructor(public readonly engine: Engine) {}

  /** Starts the emulator (as the CLI ships it) with these images, once per describe block. */
  async start(state: { images: Record<string, unknown>[]; [key: string]: unknown }, args: string[] = []): Promise<void> {
    this.workdir = fs.mkdtempSync(path.join(os.tmpdir(), `managed-image-e2e-${this.engine.name}-`));
    const file = path.join(this.workdir, 'state.json');
    fs.writeFileSync(file, JSON.stringify({ accessKeys: [{ id: E2E_ACCESS_KEY, secret: E2E_SECRET }], ...state }));
    this.emulator = await startEmulatorProcess(['--state', file, ...args]);
  }

  async stop(): Promise<void> {
    await this.emulator?.stop();
    if (this.workdir) fs.rmSync(this.workdir, { recursive: true, force: true });
  }

  get url(): string {
    return this.emulator!.url;
  }

  get dir(): string {
    return this.workdir!;
  }

  /** The engines' CLI config: hashicorp/external from the local filesystem mirror. */
  get cliConfigFile(): string {
    return found.cliConfigFile!;
  }

  get control(): EmulatorControl {
    return new EmulatorControl(this.url);
  }

  /** The environment of the engine: the emulator's endpoint and the pipeline's credentials. */
  env(): Record<string, string> {
    return {
      ALIBABA_CLOUD_ECS_ENDPOINT: this.url,
      ALIBABA_CLOUD_ACCESS_KEY_ID: E2E_ACCESS_KEY,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: E2E_SECRET,
    };
  }

  /** A stack directory of its own, driven through this engine (`env` adds to or overrides env()). */
  session(name: string, env: Record<string, string> = {}): EngineSession {
    return new EngineSession(this.engine, found.cliConfigFile!, path.join(this.workdir!, name), { ...this.env(), ...env });
  }
}

/** Engine output with the diagnostic frame (│, ╵, ╷) and line wrapping removed, for matching sentences. */
export function flat(text: string): string {
  return text.replace(/[│╵╷]/g, ' ').replace(/\s+/g, ' ');
}

if (found.engines.length > 0) process.stderr.write(`\nEnd-to-end tier: ${found.notes.join('; ')}\n`);

import * as fs from 'fs';
import * as path from 'path';
import { App, Fn, LocalBackend, TerraformStack } from 'cdktf';
import { ManagedCustomImage, ManagedCustomImageProps } from '../../lib';
import { TerraformData } from '../../lib/construct/terraform-data';

const engines = require('../../tools/engines/engines.js') as {
  findEngines(o?: { build?: boolean }): { engines: Engine[]; cliConfigFile?: string; notes: string[] };
  engineEnv(cliConfigFile: string, extra?: Record<string, string>): NodeJS.ProcessEnv;
  runEngine(engine: Engine, args: string[], o: { cwd: string; env: NodeJS.ProcessEnv }): Promise<EngineResult>;
};

export interface Engine {
  readonly name: string;
  readonly bin: string;
  readonly version: string;
}

export interface EngineResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const findEngines = engines.findEngines;

export const STACK = 'e2e';

/** How the managed image is declared in one synth of the test stack. */
export interface StackSpec extends Partial<ManagedCustomImageProps> {
  readonly imageId: string;
  /** Take the imageId from another resource's attribute (a token) instead of a literal. */
  readonly imageIdFromResource?: boolean;
}

/**
 * One stack directory driven through a real engine, the way a pipeline would: synthesize,
 * then init / plan / apply / destroy in `cdktf.out/stacks/e2e`.
 */
export class EngineSession {
  public readonly outdir: string;
  public readonly stackDir: string;

  constructor(
    public readonly engine: Engine,
    private readonly cliConfigFile: string,
    workdir: string,
    private readonly extraEnv: Record<string, string>,
  ) {
    this.outdir = path.join(workdir, 'cdktf.out');
    this.stackDir = path.join(this.outdir, 'stacks', STACK);
  }

  /** Synthesizes the stack with the given props (a new App each time, as a new `cdktf synth` would). */
  synth(spec: StackSpec): void {
    this.synthStack((stack) => {
      const { imageIdFromResource, imageId, ...props } = spec;
      // A real token (an attribute of another resource), unknown at plan on the first apply.
      const source = imageIdFromResource ? new TerraformData(stack, 'image_source', { input: { id: imageId } }) : undefined;
      new ManagedCustomImage(stack, 'Image', {
        regionId: 'cn-hangzhou',
        ...props,
        imageId: source ? Fn.lookup(source.output, 'id', '') : imageId,
      });
    });
  }

  /** Synthesizes whatever `build` puts in the stack (a new App each time). */
  synthStack(build: (stack: TerraformStack) => void): void {
    fs.mkdirSync(this.outdir, { recursive: true });
    const app = new App({ outdir: this.outdir });
    const stack = new TerraformStack(app, STACK);
    new LocalBackend(stack, { path: 'terraform.tfstate' });
    build(stack);
    app.synth();
  }

  run(args: string[], cwd = this.stackDir): Promise<EngineResult> {
    return engines.runEngine(this.engine, args, { cwd, env: engines.engineEnv(this.cliConfigFile, this.extraEnv) });
  }

  async init(cwd = this.stackDir): Promise<void> {
    await this.expectOk(['init', '-input=false'], cwd);
  }

  /** `plan -detailed-exitcode`: 0 no changes, 2 changes. */
  plan(cwd = this.stackDir): Promise<EngineResult> {
    return this.run(['plan', '-input=false', '-detailed-exitcode'], cwd);
  }

  apply(cwd = this.stackDir, extra: string[] = []): Promise<EngineResult> {
    return this.run(['apply', '-input=false', '-auto-approve', ...extra], cwd);
  }

  destroy(cwd = this.stackDir): Promise<EngineResult> {
    return this.run(['destroy', '-input=false', '-auto-approve'], cwd);
  }

  async expectOk(args: string[], cwd = this.stackDir): Promise<EngineResult> {
    const res = await this.run(args, cwd);
    if (res.code !== 0) throw new Error(`${this.engine.name} ${args.join(' ')} exited ${res.code}\n${res.stdout}\n${res.stderr}`);
    return res;
  }

  state(cwd = this.stackDir): string {
    return fs.readFileSync(path.join(cwd, 'terraform.tfstate'), 'utf8');
  }
}

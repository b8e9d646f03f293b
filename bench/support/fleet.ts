/*
 * What the benchmarks share: the fleet (N images declared with imageName, description,
 * imageFamily and features, and the matching emulator state), its bare terraform_data
 * counterpart, stack synthesis into a directory, the emulator as the CLI ships it, and the engines.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import * as readline from 'readline';
import { spawn } from 'child_process';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { ImdsSupport, ManagedCustomImage, ManagedCustomImageProps, NvmeSupport } from '../../lib';
import { TerraformData } from '../../lib/construct/terraform-data';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CLI_BUNDLE = path.join(ROOT, 'dist', 'managed-image.js');
export const REGION = 'cn-hangzhou';
export const STACK = 'bench';

export interface Engine {
  readonly name: string;
  readonly bin: string;
  readonly version: string;
}
const engines = require('../../tools/engines/engines.js') as {
  findEngines(o?: { build?: boolean; log?: (line: string) => void }): { engines: Engine[]; cliConfigFile?: string; notes: string[] };
  engineEnv(cliConfigFile: string, extra?: Record<string, string>): Record<string, string>;
};
export const { findEngines, engineEnv } = engines;

/** A stack builder: puts N resources of one kind in `stack`. */
export type Build = (stack: TerraformStack, n: number) => void;

const imageId = (i: number) => `m-bp1fleet${String(i).padStart(5, '0')}`;

/** The declaration of image i (families of 50: the API allows 100 images per family). */
export function fleetProps(i: number): ManagedCustomImageProps {
  return {
    regionId: REGION,
    imageId: imageId(i),
    imageName: `web-${i}`,
    description: `Fleet image ${i}`,
    imageFamily: `fleet-${Math.floor(i / 50)}`,
    features: { imdsSupport: ImdsSupport.V2, nvmeSupport: NvmeSupport.SUPPORTED },
  };
}

/** N ManagedCustomImage, each with imageName, description, imageFamily and features. */
export const managed: Build = (stack, n) => {
  for (let i = 0; i < n; i++) new ManagedCustomImage(stack, `image${i}`, fleetProps(i));
};

/** N bare terraform_data, each with a trivial input (the project's binding: no per-instance validation). */
export const bare: Build = (stack, n) => {
  for (let i = 0; i < n; i++) new TerraformData(stack, `data${i}`, { input: { image_id: imageId(i) } });
};

/** The emulator's state for N images: as declared, or (`renamed`) each with another name (one change each). */
export function fleetState(n: number, { renamed = false } = {}): object {
  const images = Array.from({ length: n }, (_, i) => {
    const p = fleetProps(i);
    return {
      ImageId: p.imageId,
      RegionId: REGION,
      ImageName: renamed ? `old-${i}` : p.imageName,
      Description: p.description,
      ImageFamily: p.imageFamily,
      Features: { ImdsSupport: 'v2', NvmeSupport: 'supported' },
      Status: 'Available',
      CreationTime: '2026-01-01T00:00:00Z',
      Architecture: 'x86_64',
      BootMode: 'BIOS',
    };
  });
  return { images };
}

/** Synthesizes one stack (local state file, as a pipeline would) under `outdir`; returns its directory. */
export function synthTo(outdir: string, build: Build, n: number): string {
  fs.mkdirSync(outdir, { recursive: true });
  const app = new App({ outdir });
  const stack = new TerraformStack(app, STACK);
  new LocalBackend(stack, { path: 'terraform.tfstate' });
  build(stack, n);
  app.synth();
  return path.join(outdir, 'stacks', STACK);
}

/** `managed-image emulator --state FILE` as a child process, with its control endpoints. */
export async function startEmulator(stateFile: string, state: object): Promise<Emulator> {
  fs.writeFileSync(stateFile, JSON.stringify(state));
  const child = spawn(process.execPath, [CLI_BUNDLE, 'emulator', '--state', stateFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`emulator exited (${code}) before printing its URL`)));
  });
  return new Emulator(url, () => child.kill('SIGTERM'));
}

export interface Call {
  readonly Action: string;
  readonly Params: Record<string, string>;
  readonly Code: string | null;
}

export class Emulator {
  constructor(
    public readonly url: string,
    public readonly stop: () => void,
  ) {}

  calls(): Promise<Call[]> {
    return this.request('GET', '/__emulator/calls') as Promise<Call[]>;
  }

  async clearCalls(): Promise<void> {
    await this.request('DELETE', '/__emulator/calls');
  }

  async images(): Promise<Record<string, any>[]> {
    return ((await this.request('GET', '/__emulator/state')) as { images: Record<string, any>[] }).images;
  }

  /** The engine environment: this endpoint, the emulator's test key, nothing else of ours. */
  env(cliConfigFile: string): Record<string, string> {
    return engineEnv(cliConfigFile, {
      ALIBABA_CLOUD_ECS_ENDPOINT: this.url,
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'test',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'test',
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
      ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true',
    });
  }

  // One connection per request (no keep-alive pool), as test/support/emulator-control.ts explains.
  private request(method: string, pathname: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const req = http.request(this.url + pathname, { method, agent: false }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () =>
          (res.statusCode ?? 500) >= 400 ? reject(new Error(`${method} ${pathname}: ${body}`)) : resolve(JSON.parse(body)),
        );
      });
      req.on('error', reject);
      req.end();
    });
  }
}

/** The median (the mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** MET / MISSED. */
export const verdict = (ok: boolean): string => (ok ? 'MET' : 'MISSED');

import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';

/** The bundled CLI, as shipped (built by `npm run build`). */
export const CLI_BUNDLE = path.resolve(__dirname, '..', '..', 'dist', 'managed-image.js');

/**
 * The bundled program as esbuild wrote it: the bundle holds it as a string (`var PROGRAM = "...";`
 * on its second line) that the launcher after it compiles with V8's code cache.
 */
export function bundledProgram(bundle = CLI_BUNDLE): string {
  const line = fs.readFileSync(bundle, 'utf8').split('\n')[1];
  const prefix = 'var PROGRAM = ';
  if (!line.startsWith(prefix) || !line.endsWith(';')) throw new Error(`${bundle}: no PROGRAM on its second line`);
  return JSON.parse(line.slice(prefix.length, -1)) as string;
}

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the bundled CLI to completion, with an environment of the test's choosing only. */
export function runCli(
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; bundle?: string; cwd?: string } = {},
): CliResult {
  const res = spawnSync(process.execPath, [options.bundle ?? CLI_BUNDLE, ...args], {
    input: options.input ?? '',
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
      ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true',
      ...options.env,
    },
    cwd: options.cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** `managed-image emulator` as a child process; resolves once it printed its URL. */
export async function startEmulatorProcess(
  args: string[] = [],
): Promise<{ url: string; child: ChildProcess; stop(): Promise<number | null> }> {
  const child = spawn(process.execPath, [CLI_BUNDLE, 'emulator', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`emulator exited (${code}) before printing its URL: ${stderr}`)));
  });
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

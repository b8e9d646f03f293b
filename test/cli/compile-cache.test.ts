/**
 * The CLI's V8 code cache (scripts/esbuild/compile-cache-launcher.js): written once, after the
 * first run, into a directory only the user can write to; then used as it is; a cache that is
 * corrupt, or a directory others can write to, costs only the compile and never the run.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli-process';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'managed-image-cache-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const version = (cacheDir: string, extra: NodeJS.ProcessEnv = {}) =>
  runCli(['--version'], { env: { MANAGED_IMAGE_CACHE_DIR: cacheDir, ...extra } });
const cacheFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);
const mode = (file: string) => fs.statSync(file).mode & 0o777;

test('the first run writes one cache, private to the user; the next runs use it and leave it as it is', () => {
  const dir = path.join(root, 'cache');
  expect(version(dir)).toMatchObject({ status: 0, stdout: '0.1.0\n' });
  const [file, ...others] = cacheFiles(dir);
  expect(others).toEqual([]);
  expect(file).toMatch(/^managed-image-[0-9a-f]{24}-v\d+\.\d+\.\d+-\w+\.v8cache$/);
  expect(mode(dir)).toBe(0o700);
  expect(mode(path.join(dir, file))).toBe(0o600);
  const written = fs.readFileSync(path.join(dir, file));
  expect(written.length).toBeGreaterThan(10_000);

  fs.utimesSync(path.join(dir, file), new Date(0), new Date(0));
  expect(version(dir)).toMatchObject({ status: 0, stdout: '0.1.0\n' });
  expect(fs.statSync(path.join(dir, file)).mtimeMs).toBe(0);
  expect(fs.readFileSync(path.join(dir, file)).equals(written)).toBe(true);
});

test('a corrupt cache is rejected by V8, the run goes on, and the cache is written again', () => {
  const dir = path.join(root, 'cache');
  version(dir);
  const [file] = cacheFiles(dir);
  fs.writeFileSync(path.join(dir, file), 'not a V8 code cache');
  expect(version(dir)).toMatchObject({ status: 0, stdout: '0.1.0\n', stderr: '' });
  expect(fs.readFileSync(path.join(dir, file)).length).toBeGreaterThan(10_000);
});

test.each([
  ['writable by the group', 0o770],
  ['writable by anyone', 0o777],
])('a directory %s is not used, and the run goes on', (_name, permissions) => {
  const dir = path.join(root, 'shared');
  fs.mkdirSync(dir);
  fs.chmodSync(dir, permissions);
  expect(version(dir)).toMatchObject({ status: 0, stdout: '0.1.0\n' });
  expect(cacheFiles(dir)).toEqual([]);
});

test('"off" keeps no cache; without HOME or a directory there is none either', () => {
  expect(version('off', { HOME: path.join(root, 'home') })).toMatchObject({ status: 0, stdout: '0.1.0\n' });
  expect(fs.existsSync(path.join(root, 'home'))).toBe(false);
  const res = runCli(['--version'], { env: { HOME: undefined, XDG_CACHE_HOME: undefined, MANAGED_IMAGE_CACHE_DIR: undefined } });
  expect(res).toMatchObject({ status: 0, stdout: '0.1.0\n' });
});

test('without a directory named, the cache goes under XDG_CACHE_HOME', () => {
  const xdg = path.join(root, 'xdg');
  expect(runCli(['--version'], { env: { XDG_CACHE_HOME: xdg } }).status).toBe(0);
  expect(cacheFiles(path.join(xdg, 'cdktf-alicloud-managed-image'))).toHaveLength(1);
});

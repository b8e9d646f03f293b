/**
 * The bundle after scripts/esbuild's plugins: the SDK's client with only the kept actions, their
 * models only, stubs for the modules its calls never use, xml2js deferred. It must still do
 * everything the CLI does, through the real SDK, over HTTP.
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as readline from 'readline';
import * as vm from 'vm';
import { bundledProgram, CLI_BUNDLE, runCli, startEmulatorProcess } from '../support/cli-process';
import { EmulatorControl } from '../support/emulator-control';
import { image } from '../support/emulator-harness';

// Plain JS build scripts, read as they run in the build.
const { stubSource } = require('../../scripts/esbuild/stub-modules') as { stubSource(name: string, exportNames: string[]): string };
const UNUSED_MODULES = require('../../scripts/esbuild/unused-modules') as Record<string, { exports: string[] }>;
const SILENCED_MODULES = require('../../scripts/esbuild/silenced-modules') as Record<string, { exports: string[] }>;

const ID = 'm-bp1slim0001';
const bundleText = bundledProgram();
/** Which of the strings the bundle contains (a failure lists strings, not the 0.4 MB bundle). */
const found = (...strings: string[]) => strings.filter((s) => bundleText.includes(s));
let emulator: Awaited<ReturnType<typeof startEmulatorProcess>>;
let dir: string;
const env = () => ({
  ALIBABA_CLOUD_ECS_ENDPOINT: emulator.url,
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'test',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'test',
});

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'managed-image-slim-'));
  fs.writeFileSync(path.join(dir, 'state.json'), JSON.stringify({ images: [image(ID, { ImageName: 'slim' })] }));
  emulator = await startEmulatorProcess(['--state', path.join(dir, 'state.json')]);
});

afterAll(async () => {
  await emulator?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a handle run through the bundled SDK makes each of its five kinds of call against the emulator', async () => {
  const control = new EmulatorControl(emulator.url);
  await control.clearCalls();
  // A rename, a boot mode change (checks instances), deprecation (checks shares), a sync token (tags).
  const event = {
    RequestType: 'Create',
    ResourceProperties: {
      RegionId: 'cn-hangzhou',
      ImageId: ID,
      ImageName: 'slim-v2',
      BootMode: 'UEFI',
      Status: 'Deprecated',
      SyncToken: 'ImageName#0123456789ab',
    },
  };
  const res = runCli(['handle', JSON.stringify(event)], { env: env() });
  expect(res.stderr).not.toMatch(/InternalError|is not in this bundle|is not a constructor|is not a function/);
  expect(res.status).toBe(0);
  expect(JSON.parse(res.stdout).Data.Changes.map((c: { Attribute: string }) => c.Attribute)).toEqual(['ImageName', 'BootMode', 'Status']);
  const actions = (await control.calls()).map((c) => c.Action);
  expect(new Set(actions)).toEqual(
    new Set(['DescribeImages', 'DescribeInstances', 'DescribeImageSharePermission', 'ModifyImageAttribute', 'TagResources']),
  );
  expect(await control.image(ID)).toMatchObject({ ImageName: 'slim-v2', BootMode: 'UEFI', Status: 'Deprecated' });
});

test("dist/handler.js (the package's ./handler export) runs the handler with no node_modules beside it", () => {
  // Copied where no node_modules is reachable: the SDK is a devDependency, shipped only in the bundles.
  const alone = fs.mkdtempSync(path.join(os.tmpdir(), 'managed-image-handler-'));
  try {
    fs.copyFileSync(path.join(path.dirname(CLI_BUNDLE), 'handler.js'), path.join(alone, 'handler.js'));
    const event = {
      RequestType: 'Create',
      ResourceProperties: { RegionId: 'cn-hangzhou', ImageId: ID, Description: 'from dist/handler.js' },
    };
    const script = `require('./handler.js').handler(${JSON.stringify(event)}).then((r) => process.stdout.write(JSON.stringify(r)))`;
    const res = spawnSync(process.execPath, ['-e', script], { cwd: alone, env: { ...env(), NODE_PATH: '' }, encoding: 'utf8' });
    expect(res.stderr).not.toMatch(/Cannot find module|is not in this bundle/);
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout).Data.Changes).toEqual([
      expect.objectContaining({ Attribute: 'Description', To: 'from dist/handler.js' }),
    ]);
  } finally {
    fs.rmSync(alone, { recursive: true, force: true });
  }
});

describe('what the bundle carries', () => {
  // A string each module's own code has, which nothing else in the bundle would.
  test.each([
    ['ws', '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'],
    ['https-proxy-agent', 'https-proxy-agent:agent'],
    ['http-proxy-agent', 'Creating new HttpProxyAgent instance'],
    ['socks-proxy-agent', 'a SOCKS proxy server `hostname` and `port` must be specified!'],
    ['moment', 'value provided is not in a recognized RFC2822'],
    ['lodash', '__lodash_hash_undefined__'],
    ['xmlbuilder', 'Invalid character in name'],
  ])('no code of %s, only its stub', (name, marker) => {
    expect(Object.keys(UNUSED_MODULES)).toContain(name);
    const stub = `managed-image: "${name}" is not in this bundle`;
    expect(found(marker, stub)).toEqual([stub]);
  });

  test('no code of debug (nor of supports-color, which it loads), only its silenced loggers', () => {
    expect(Object.keys(SILENCED_MODULES)).toEqual(['debug']);
    const silenced = 'managed-image: "debug" is silenced in this bundle';
    expect(found('hideDate', 'FORCE_COLOR', silenced)).toEqual([silenced]);
  });

  test('the client methods and models of the eight kept actions, and of no other', () => {
    const kept = [
      'DescribeImages',
      'ModifyImageAttribute',
      'DescribeInstances',
      'DescribeImageSharePermission',
      'TagResources',
      'UntagResources',
      'ListTagResources',
      'DescribeImageFromFamily',
    ].flatMap((action) => [
      `${action[0].toLowerCase()}${action.slice(1)}WithOptions(`,
      ...['Request', 'Response', 'ResponseBody'].map((model) => `"${action}${model}"`),
    ]);
    expect(found(...kept)).toEqual(kept);
    expect(found('runInstancesWithOptions(', 'deleteImageWithOptions(', '"RunInstancesRequest"', '"CreateImageResponse"')).toEqual([]);
  });
});

describe('paths that need a replaced module', () => {
  test('a stub throws its clear message when called or constructed, through any of its exports', () => {
    for (const [name, entry] of Object.entries(UNUSED_MODULES)) {
      const mod = { exports: {} as unknown };
      vm.runInNewContext(stubSource(name, entry.exports), { module: mod, exports: mod.exports });
      const stub = mod.exports as (() => unknown) & Record<string, new () => unknown>;
      const message = new RegExp(`^managed-image: "${name}" is not in this bundle \\(its ECS calls never use it\\)`);
      expect(() => stub()).toThrow(message);
      for (const e of entry.exports) expect(() => new stub[e]()).toThrow(message);
    }
  });

  test('none is reachable from the CLI: the WebSocket transport needs a ws:// endpoint, which is refused before any call', () => {
    const res = runCli(['read'], {
      env: { ...env(), ALIBABA_CLOUD_ECS_ENDPOINT: 'ws://127.0.0.1:9' },
      input: JSON.stringify({ region_id: 'cn-hangzhou', image_id: ID }),
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(
      /ALIBABA_CLOUD_ECS_ENDPOINT "ws:\/\/127\.0\.0\.1:9" is not valid: it must be an http:\/\/ or https:\/\/ URL/,
    );
    expect(res.stderr).not.toContain('is not in this bundle');
  });

  test('an error answered in XML still gives its API code: xml2js is deferred, not stubbed', async () => {
    const xml = await startXmlErrorServer();
    try {
      const res = runCli(['read'], {
        env: { ...env(), ALIBABA_CLOUD_ECS_ENDPOINT: xml.url },
        input: JSON.stringify({ region_id: 'cn-hangzhou', image_id: ID }),
      });
      expect(res.status).toBe(1);
      expect(res.stderr).toMatch(/^InvalidParameter\.Xml: .*answered in XML.*REQ-XML-1/m);
    } finally {
      xml.child.kill('SIGTERM');
    }
  });

  test('a read loads neither zlib nor tty: zlib is deferred, debug (which loads tty) silenced', () => {
    // Written at exit by a preload: the built-in modules the process loaded, in Node's own list.
    const list = path.join(dir, 'builtins-loaded.txt');
    const preload = path.join(dir, 'list-builtins.js');
    fs.writeFileSync(
      preload,
      `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`,
    );
    const res = runCli(['read'], {
      env: { ...env(), NODE_OPTIONS: `--require ${preload}` },
      input: JSON.stringify({ region_id: 'cn-hangzhou', image_id: ID }),
    });
    expect(res.status).toBe(0);
    const loaded = fs.readFileSync(list, 'utf8').split('\n');
    expect(loaded).toContain('NativeModule https');
    expect(loaded.filter((m) => /^NativeModule (zlib|tty)$/.test(m))).toEqual([]);
  });
});

describe('the SDK prints nothing of its own', () => {
  test('DEBUG=* makes the SDK print no request line, header, body or credential: debug is silenced', async () => {
    // Unsilenced, httpx prints every request header to stderr, x-acs-security-token included.
    const token = 'CAIS-sts-token-7f3a9c';
    const res = runCli(['read'], {
      env: { ...env(), ALIBABA_CLOUD_SECURITY_TOKEN: token, DEBUG: '*', DEBUG_COLORS: 'no' },
      input: JSON.stringify({ region_id: 'cn-hangzhou', image_id: ID }),
    });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ status: (await new EmulatorControl(emulator.url).image(ID)).Status });
    expect(res.stdout).not.toContain(token);
  });

  test('a silenced logger does nothing and is never enabled, whatever DEBUG says', () => {
    const { silencedSource } = require('../../scripts/esbuild/silence-modules') as { silencedSource(name: string, e: string[]): string };
    const mod = { exports: {} as unknown };
    const printed: unknown[] = [];
    const console = { log: (...a: unknown[]) => printed.push(a), error: (...a: unknown[]) => printed.push(a) };
    vm.runInNewContext(silencedSource('debug', []), { module: mod, exports: mod.exports, console, process: { env: { DEBUG: '*' } } });
    const createLogger = mod.exports as ((name: string) => ((...a: unknown[]) => void) & { enabled: boolean }) & {
      enabled(n: string): boolean;
    };
    const log = createLogger('httpx:header');
    log('> %s', 'x-acs-security-token: secret');
    expect(log.enabled).toBe(false);
    expect(createLogger.enabled('httpx:header')).toBe(false);
    expect(printed).toEqual([]);
  });
});

/**
 * A server (its own process: runCli blocks this one) that answers every request 400 in XML, with
 * the content type on which the SDK parses the body as XML.
 */
async function startXmlErrorServer(): Promise<{ url: string; child: ChildProcess }> {
  const script = `
    const server = require('http').createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(400, { 'content-type': 'text/xml;charset=utf-8' });
        res.end('<?xml version="1.0" encoding="UTF-8"?><Error><RequestId>REQ-XML-1</RequestId><Code>InvalidParameter.Xml</Code><Message>answered in XML</Message></Error>');
      });
    });
    server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port));
    process.on('SIGTERM', () => server.close(() => process.exit(0)));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`XML error server exited (${code})`)));
  });
  return { url, child };
}

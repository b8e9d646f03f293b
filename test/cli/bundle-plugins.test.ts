/**
 * The bundle's esbuild plugins (scripts/esbuild) fail the build, loudly, when the SDK is not laid
 * out as they expect or the project uses what the bundle left out: never a bundle with a broken client.
 */
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const SDK_DIST = path.join(ROOT, 'node_modules', '@alicloud', 'ecs20140526', 'dist');

const { neededModelFiles, readBarrel } = require('../../scripts/esbuild/ecs-models-barrel');
const { keepActionMethods } = require('../../scripts/esbuild/ecs-client-methods');
const { ecsSeamCheck } = require('../../scripts/esbuild/ecs-seam-check');
const { stubModules } = require('../../scripts/esbuild/stub-modules');
const UNUSED_MODULES = require('../../scripts/esbuild/unused-modules');
const { silenceModules } = require('../../scripts/esbuild/silence-modules');
const SILENCED_MODULES = require('../../scripts/esbuild/silenced-modules');

const clientSource = () => fs.readFileSync(path.join(SDK_DIST, 'client.js'), 'utf8');
const modelsDir = path.join(SDK_DIST, 'models');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'managed-image-plugins-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Builds one entry file written to the temporary directory; resolves to the error texts, [] if it built. */
async function buildErrors(source: string, plugins: esbuild.Plugin[], options: esbuild.BuildOptions = {}): Promise<string[]> {
  const entry = path.join(dir, `entry-${Math.random().toString(36).slice(2)}.ts`);
  fs.writeFileSync(entry, source);
  try {
    await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      logLevel: 'silent',
      nodePaths: [path.join(ROOT, 'node_modules')],
      plugins,
      ...options,
    });
    return [];
  } catch (e) {
    return ((e as esbuild.BuildFailure).errors ?? []).map((m) => m.text);
  }
}

describe('the models barrel', () => {
  test("follows an action's requires to every model file it needs", () => {
    const files = neededModelFiles(modelsDir, readBarrel(path.join(modelsDir, 'model.js')), clientSource(), ['DescribeImages']);
    expect([...files].sort()).toEqual(['DescribeImagesRequest', 'DescribeImagesResponse', 'DescribeImagesResponseBody']);
  });

  test('an action the SDK does not have fails the build', () => {
    expect(() => neededModelFiles(modelsDir, readBarrel(path.join(modelsDir, 'model.js')), clientSource(), ['DescribeImagez'])).toThrow(
      /@alicloud\/ecs20140526 layout changed: dist\/client.js has no method describeImagezWithOptions/,
    );
  });

  test('a barrel laid out otherwise fails the build', () => {
    const barrel = path.join(dir, 'model.js');
    fs.writeFileSync(barrel, 'exports.A = require("./A");\n');
    expect(() => readBarrel(barrel)).toThrow(/layout changed: model\.js has 1 requires but 0 were understood/);
  });

  test('a model file the barrel names but the package lacks fails the build', () => {
    const fileOf = new Map([
      ['DescribeImagesRequest', 'NoSuchFile'],
      ['DescribeImagesResponse', 'NoSuchFile'],
    ]);
    expect(() => neededModelFiles(modelsDir, fileOf, clientSource(), ['DescribeImages'])).toThrow(
      /model file models\/NoSuchFile\.js is missing/,
    );
  });
});

describe('the client methods', () => {
  test('keep the actions asked for, the constructor and getEndpoint', () => {
    const { source, kept } = keepActionMethods(clientSource(), ['DescribeImages']);
    expect(kept).toBe(4);
    expect(source).toMatch(/\n {4}async describeImagesWithOptions\(/);
    expect(source).not.toMatch(/\n {4}async modifyImageAttribute\(/);
    expect(source).toMatch(/\n {4}getEndpoint\(/);
  });

  test('an action the client does not have fails the build', () => {
    expect(() => keepActionMethods(clientSource(), ['DescribeImagez'])).toThrow(
      /layout changed: the Client class has no method describeImagez/,
    );
  });

  test('a kept method calling a dropped one fails the build', () => {
    const source = clientSource().replace(
      'return await this.describeImagesWithOptions(request, runtime);',
      'await this.describeRegionsWithOptions({}, runtime);\n        return await this.describeImagesWithOptions(request, runtime);',
    );
    expect(() => keepActionMethods(source, ['DescribeImages'])).toThrow(
      /layout changed: the kept method describeImages calls describeRegionsWithOptions, which is not kept/,
    );
  });

  test('a class body laid out otherwise fails the build', () => {
    const source = clientSource().replace('\n    getEndpoint(', '\n    static version = 1;\n    getEndpoint(');
    expect(() => keepActionMethods(source, ['DescribeImages'])).toThrow(
      /layout changed: unexpected line \d+ in the Client class: "static version = 1;"/,
    );
  });
});

test('a stubbed module required from a file its proof does not cover fails the build', async () => {
  const errors = await buildErrors("import * as _ from 'lodash';\nexport const m = _.merge;\n", [stubModules(UNUSED_MODULES)]);
  expect(errors).toEqual(
    expect.arrayContaining([expect.stringMatching(/^stub-modules: "lodash" is now required by .*entry-\w+\.ts; check how it uses it/)]),
  );
});

test('a silenced module required from a file the table does not list fails the build', async () => {
  const errors = await buildErrors("import debug from 'debug';\nexport const log = debug('mine');\n", [silenceModules(SILENCED_MODULES)]);
  expect(errors).toEqual(
    expect.arrayContaining([expect.stringMatching(/^silence-modules: "debug" is now required by .*entry-\w+\.ts; check how it uses it/)]),
  );
});

test('project code naming a model of an action the bundle does not carry fails the build', async () => {
  const source =
    "import Ecs, * as $Ecs from '@alicloud/ecs20140526';\nexport const run = (c: Ecs) => c.runInstances(new $Ecs.RunInstancesRequest({}));\n";
  const errors = await buildErrors(source, [ecsSeamCheck({ actions: ['DescribeImages'] })], { external: ['@alicloud/ecs20140526'] });
  expect(errors).toEqual([
    expect.stringMatching(
      /^ecs-seam-check: .*entry-\w+\.ts uses @alicloud\/ecs20140526's RunInstancesRequest, which is not among the bundle's actions/,
    ),
  ]);
});

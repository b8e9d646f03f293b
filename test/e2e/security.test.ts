/*
 * Security checks on every engine, kept in CI: hostile text in a description runs nothing and reaches
 * ModifyImageAttribute verbatim through the engine's provisioners, and the pipeline's credentials (an
 * STS key whose secret and token hold quotes and backslashes) appear in no file the engine writes and
 * in no output of the engine or the CLI, at debug level, on success and on failure. The emulator's
 * own refusals (a wrong secret, an x-acs-date more than 15 minutes off, a reused nonce) are tested
 * in test/emulator/authentication.test.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ManagedCustomImage } from '../../lib';
import { image } from '../support/emulator-harness';
import { describeOnEachEngine, flat } from '../support/e2e-tier';
import { EngineResult } from '../support/engine-session';

jest.setTimeout(240_000);

const REGION = 'cn-hangzhou';

/** An STS key whose secret and token hold the characters a redaction can miss once JSON-escaped. */
const STS = {
  id: 'STS.E2Esecurity',
  secret: 'sts-secret-"quoted"-back\\slash-\ttab-8c1e',
  securityToken: 'sts-token-"q"-\\-CAIS9f2d7e',
};
const STS_ENV = {
  ALICLOUD_ACCESS_KEY: STS.id,
  ALICLOUD_SECRET_KEY: STS.secret,
  ALICLOUD_SECURITY_TOKEN: STS.securityToken,
  MANAGED_IMAGE_LOG_LEVEL: 'debug',
  // Node tools' usual debug switch: the SDK's httpx would print every request header (the token) with it.
  DEBUG: '*',
};

/**
 * Each payload tries to create its own file in `canaries`; none may exist afterwards. Quoting,
 * substitution, chaining, redirection, newlines, globs and option injection into the CLI.
 */
function payloads(canaries: string): string[] {
  const c = (n: number) => path.join(canaries, String(n));
  return [
    `golden $(touch ${c(1)})`,
    `golden \`touch ${c(2)}\``,
    `golden; touch ${c(3)} #`,
    `golden' ; touch ${c(4)} ; echo '`,
    `golden" ; touch ${c(5)} ; echo "`,
    `golden \\"; touch ${c(6)}; echo \\"`,
    `golden | touch ${c(7)} && touch ${c(8)} || touch ${c(9)} & touch ${c(10)}`,
    `golden\ntouch ${c(11)}\r\ntouch ${c(12)}`,
    `golden > ${c(13)} < /etc/passwd 2>&1`,
    `golden <(touch ${c(14)}) $((6*7)) \${IFS}touch\${IFS}${c(15)} $HOME ~ * ?`,
    `--endpoint=http://127.0.0.1:1 --help -- $(touch ${c(16)})`,
    `golden \\\\'$(touch ${c(17)})'\\\\ "$(touch ${c(18)})" 中文 !! %s %n`,
  ];
}

const HOSTILE = Array.from({ length: 12 }, (_, i) => `m-e2ehost${String(i + 1).padStart(2, '0')}`);
const CREDS = 'm-e2ecred01';

describeOnEachEngine('Security', (_engine, tier) => {
  const canaries = fs.mkdtempSync(path.join(os.tmpdir(), 'managed-image-canaries-'));
  beforeAll(() =>
    tier.start({
      images: [...HOSTILE.map((id) => image(id, { Description: 'before' })), image(CREDS, { ImageName: 'creds-orig' })],
      accessKeys: [{ id: STS.id, secret: STS.secret, securityToken: STS.securityToken }],
    }),
  );
  afterAll(async () => {
    await tier.stop();
    fs.rmSync(canaries, { recursive: true, force: true });
  });

  const control = () => tier.control;

  test('every shell metacharacter and quoting trick in a description reaches ModifyImageAttribute verbatim and runs nothing', async () => {
    const descriptions = payloads(canaries);
    const s = tier.session('hostile', STS_ENV);
    s.synthStack((stack) =>
      HOSTILE.forEach(
        (imageId, i) => new ManagedCustomImage(stack, `Image${i}`, { regionId: REGION, imageId, description: descriptions[i] }),
      ),
    );
    await s.init();
    await control().clearCalls();
    await s.expectOk(['apply', '-input=false', '-auto-approve', '-parallelism=10']);

    expect(fs.readdirSync(canaries)).toEqual([]);
    for (const [i, imageId] of HOSTILE.entries()) {
      expect(await control().modifyCalls(imageId)).toEqual([{ Description: descriptions[i] }]);
      expect((await control().image(imageId)).Description).toBe(descriptions[i]);
    }
    // What was stored reads back as exactly what was declared: no drift, nothing run on the plan either.
    expect((await s.plan()).code).toBe(0);
    expect(fs.readdirSync(canaries)).toEqual([]);
  });

  test('the secret and the token appear in no synthesized file, state, engine output or CLI log, on success or failure', async () => {
    const s = tier.session('creds', { ...STS_ENV, TF_LOG: 'DEBUG', TF_LOG_PATH: path.join(tier.dir, 'creds-engine.log') });
    const outputs: EngineResult[] = [];
    const run = async (step: Promise<EngineResult>) => outputs.push(await step);
    const synth = (imageName: string) =>
      s.synthStack((stack) => new ManagedCustomImage(stack, 'Image', { regionId: REGION, imageId: CREDS, imageName }));

    synth('creds-managed');
    await s.init();
    await run(s.apply());
    expect((await control().image(CREDS)).ImageName).toBe('creds-managed');
    await control().upsertImage({ ImageId: CREDS, ImageName: 'creds-hand-edited' });
    await run(s.plan());
    await run(s.apply());
    // A write the service refuses, and a read that fails until retries run out: both are reported.
    synth('creds-refused');
    await control().fault({ Action: 'ModifyImageAttribute', Code: 'InvalidImageName.Malformed', HttpStatus: 400, Count: 1 });
    await run(s.apply());
    await control().clearFaults();
    await run(s.apply());
    await control().fault({ Action: 'DescribeImages', Code: 'ServiceUnavailable', HttpStatus: 503, Count: 1000 });
    await run(s.plan());
    await control().clearFaults();
    await run(s.destroy());

    const codes = outputs.map((o) => o.code);
    expect(codes).toEqual([0, 2, 0, 1, 0, 1, 0]);
    expect(flat(outputs[3].stdout + outputs[3].stderr)).toContain('InvalidImageName.Malformed');
    expect(flat(outputs[5].stdout + outputs[5].stderr)).toMatch(/Gave up after \d+ attempts/);

    const texts = [
      ...outputs.flatMap((o) => [o.stdout, o.stderr]),
      fs.readFileSync(path.join(tier.dir, 'creds-engine.log'), 'utf8'),
      ...filesUnder(s.outdir).map((file) => fs.readFileSync(file, 'utf8')),
    ];
    // The scan covers the CLI's debug lines (its retries) and the engine's own debug log.
    expect(texts.join('')).toContain('retrying after a transient error');
    expect(texts[outputs.length * 2].length).toBeGreaterThan(10_000);
    for (const secret of [STS.secret, STS.securityToken]) {
      for (const form of [secret, JSON.stringify(secret).slice(1, -1)]) {
        expect(texts.filter((t) => t.includes(form))).toEqual([]);
      }
    }
    // The key id is no secret, but it has no business in the configuration or the state either.
    const files = filesUnder(s.outdir).map((file) => fs.readFileSync(file, 'utf8'));
    expect(files.filter((t) => t.includes(STS.id))).toEqual([]);
  });

  test('a wrong secret is refused by the signature check; the message names neither secret and nothing is written', async () => {
    const wrong = 'wrong-secret-value-5d0b';
    const s = tier.session('wrong-secret', { ...STS_ENV, ALICLOUD_SECRET_KEY: wrong });
    s.synthStack((stack) => new ManagedCustomImage(stack, 'Image', { regionId: REGION, imageId: HOSTILE[0], imageName: 'never-applied' }));
    await s.init();
    await control().clearCalls();
    const result = await s.apply();
    expect(result.code).toBe(1);
    const text = result.stdout + result.stderr;
    expect(flat(text)).toContain('SignatureDoesNotMatch');
    expect(text).not.toContain(wrong);
    expect(text).not.toContain(STS.secret);
    expect(await control().modifyCalls()).toEqual([]);
  });
});

/** Every text file the synth and the engine wrote, without the provider binaries under .terraform. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || file.includes(`${path.sep}.terraform${path.sep}`)) return [];
    return [file];
  });
}

/* What the CLI refuses of its input, and what it never lets through into a log line. */
import { Readable } from 'stream';
import { readStdin } from '../../lib/cli/io';
import { redact } from '../../lib/handler/logging/redact';
import { stderrLogger } from '../../lib/handler/logging/log';

describe('stdin', () => {
  test('more than the limit is refused as it arrives, not buffered whole', async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled += 1;
        this.push(Buffer.alloc(64 * 1024, 0x61));
      },
    });
    await expect(readStdin('event', endless, 1024 * 1024)).rejects.toThrow('the event on stdin is larger than 1 MiB');
    expect(pulled).toBeLessThan(40);
  });

  test('invalid UTF-8 is refused, not turned into replacement characters', async () => {
    const bytes = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    await expect(readStdin('event', Readable.from([bytes]))).rejects.toThrow('the event on stdin is not valid UTF-8');
  });

  test('valid UTF-8 (Chinese included) reads as it is', async () => {
    expect(await readStdin('event', Readable.from([Buffer.from('{"d":"镜像"}')]))).toBe('{"d":"镜像"}');
  });
});

describe('redaction', () => {
  const env = { ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'se"cr\\et\tvalue' };

  test('masks a secret holding a quote, a backslash and a tab, raw and JSON-escaped', () => {
    expect(redact(`raw ${env.ALIBABA_CLOUD_ACCESS_KEY_SECRET} and json ${JSON.stringify(env.ALIBABA_CLOUD_ACCESS_KEY_SECRET)}`, env)).toBe(
      'raw *** and json "***"',
    );
  });

  test('a log line that carries it shows it nowhere', () => {
    let line = '';
    stderrLogger(env, (l) => (line += l)).log('info', 'event', { leaked: env.ALIBABA_CLOUD_ACCESS_KEY_SECRET });
    expect(line).not.toContain('se\\"cr');
    expect(line).toContain('"leaked":"***"');
  });
});

import * as http from 'http';
import { EmulatorCall } from '../../lib/emulator';

/**
 * The emulator's control endpoints (/__emulator/*), for tests. Each call opens its own
 * connection (no keep-alive pool): the CLI and e2e tests block the event loop in spawnSync for
 * seconds, and a pooled socket that closed meanwhile would fail the next call with
 * "other side closed".
 */
export class EmulatorControl {
  constructor(private readonly url: string) {}

  calls(): Promise<EmulatorCall[]> {
    return this.request('GET', '/__emulator/calls') as Promise<EmulatorCall[]>;
  }

  async clearCalls(): Promise<void> {
    await this.request('DELETE', '/__emulator/calls');
  }

  /** Every ModifyImageAttribute call (for one image), without the parameters every call carries. */
  async modifyCalls(imageId?: string): Promise<Record<string, string>[]> {
    return (await this.calls())
      .filter((c) => c.Action === 'ModifyImageAttribute' && (imageId === undefined || c.Params.ImageId === imageId))
      .map(({ Params: { RegionId: _r, ImageId: _i, DryRun: _d, ...rest } }) => rest);
  }

  async fault(fault: {
    Action: string;
    Code?: string;
    HttpStatus?: number;
    Count?: number;
    After?: number;
    ImageId?: string;
    RetryAfterMs?: number;
    DelayMs?: number;
  }): Promise<void> {
    await this.request('POST', '/__emulator/faults', fault);
  }

  /** Disarms every fault. */
  async clearFaults(): Promise<void> {
    await this.request('DELETE', '/__emulator/faults');
  }

  async image(id: string): Promise<Record<string, unknown>> {
    const state = (await this.request('GET', '/__emulator/state')) as { images: Record<string, unknown>[] };
    const found = state.images.find((i) => i.ImageId === id);
    if (!found) throw new Error(`no image ${id} in the emulator`);
    return found;
  }

  async upsertImage(fields: Record<string, unknown>): Promise<void> {
    await this.request('POST', '/__emulator/images', fields);
  }

  /** Deletes an image, as someone would in the console. */
  async deleteImage(id: string): Promise<void> {
    await this.request('DELETE', `/__emulator/images/${encodeURIComponent(id)}`);
  }

  /** Sets the delay before every API answer. */
  async latency(delayMs: number): Promise<void> {
    await this.request('POST', '/__emulator/latency', { DelayMs: delayMs });
  }

  private request(method: string, path: string, body?: unknown): Promise<unknown> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        `${this.url}${path}`,
        { method, agent: false, headers: payload ? { 'content-type': 'application/json' } : {} },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (text += d));
          res.on('end', () => {
            if ((res.statusCode ?? 500) >= 400) return reject(new Error(`${method} ${path}: ${res.statusCode} ${text}`));
            resolve(text ? JSON.parse(text) : undefined);
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
}

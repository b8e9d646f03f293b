import { SECRET_ENV_NAMES } from '../../protocol/environment';

const MASK = '***';

/**
 * Masks every credential value found in the environment (access key ids, secrets and tokens)
 * wherever it appears in the text. Defence in depth: nothing should ever carry them, and this
 * makes sure logs and error messages cannot.
 */
export function redact(text: string, env: NodeJS.ProcessEnv = process.env): string {
  let out = text;
  for (const name of SECRET_ENV_NAMES) {
    const secret = env[name];
    if (!secret || secret.length < 4) continue;
    // As it is, and as JSON writes it (a secret holding `"`, `\` or a tab appears escaped in a JSON log line).
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) out = out.split(form).join(MASK);
  }
  return out;
}

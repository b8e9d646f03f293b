import { Token } from './cdk';
import { escapeTemplate } from './hcl';

/** A cdktf token (an attribute of another resource, a variable): its value is known only at plan or apply. */
export function isToken(value: unknown): boolean {
  return typeof value === 'string' && Token.isUnresolved(value);
}

/**
 * A prop value as it must be written into the configuration. A literal is escaped, so that
 * Terraform reads `${...}` and `%{...}` in it as text and the API receives it verbatim; a token
 * stays a token (and is checked by the reader and the handler once its value is known).
 */
export function configValue(value: string): string {
  return isToken(value) ? value : escapeTemplate(value);
}

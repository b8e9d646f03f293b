import { RULES } from '../../messages/validation';
import { Rule } from './rule';

/** A rule for a fixed value set; matching is exact (the API is case-sensitive). */
export function oneOf(allowed: readonly string[]): Rule {
  return (v) => (allowed.includes(v) ? undefined : RULES.oneOf(allowed));
}

import { RULES } from '../../messages/validation';
import { characterCount, firstBroken, hasControlCharacter, Rule } from './rule';

const descriptionRules: readonly Rule[] = [
  (v) => (characterCount(v) < 2 || characterCount(v) > 256 ? RULES.descriptionLength : undefined),
  (v) => (/^https?:\/\//i.test(v) ? RULES.descriptionNoUrlStart : undefined),
  (v) => (hasControlCharacter(v) ? RULES.noControlCharacters : undefined),
];

export function checkDescription(value: string): string | undefined {
  return firstBroken(value, descriptionRules);
}

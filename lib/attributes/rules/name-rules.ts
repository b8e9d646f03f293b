import { RULES } from '../../messages/validation';
import { characterCount, firstBroken, Rule } from './rule';

// Chinese characters as the ECS API's own pattern counts them (CJK Unified Ideographs).
const CHINESE = '\\u4e00-\\u9fa5';
const STARTS_WITH_LETTER_OR_CHINESE = new RegExp(`^[A-Za-z${CHINESE}]`);
const ONLY_NAME_CHARACTERS = new RegExp(`^[A-Za-z0-9${CHINESE}.:_-]*$`);

const nameRules: readonly Rule[] = [
  (v) => (characterCount(v) < 2 || characterCount(v) > 128 ? RULES.nameLength : undefined),
  (v) => (STARTS_WITH_LETTER_OR_CHINESE.test(v) ? undefined : RULES.nameStart),
  (v) => (/^(aliyun|acs:)/i.test(v) ? RULES.nameReservedPrefix : undefined),
  (v) => (/https?:\/\//i.test(v) ? RULES.nameNoUrl : undefined),
  (v) => (ONLY_NAME_CHARACTERS.test(v) ? undefined : RULES.nameCharacters),
];

/** ImageName and ImageFamily share one rule set. */
export function checkImageName(value: string): string | undefined {
  return firstBroken(value, nameRules);
}

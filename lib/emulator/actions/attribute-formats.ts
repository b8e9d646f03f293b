/**
 * Format rules of the image attributes ModifyImageAttribute accepts (§4.1 and the seed page).
 * Lengths count Unicode code points, so a Chinese character counts as one.
 */

/** 2–128 characters, first a letter or Chinese character, then letters, Chinese, digits, `.` `:` `_` `-`. */
const NAME_PATTERN = /^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5.:_-]{1,127}$/u;
/** Reserved prefixes of names and families (compared case-insensitively). */
const RESERVED_PREFIX = /^(aliyun|acs:)/i;
const URL_MARKER = /https?:\/\//i;
/** ASCII control characters other than tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this rule
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** ImageName rule (`InvalidImageName.Malformed`); also the ImageFamily rule (`InvalidImageFamily.Malformed`). */
export function isValidImageName(name: string): boolean {
  return NAME_PATTERN.test(name) && !RESERVED_PREFIX.test(name) && !URL_MARKER.test(name);
}

/** Description rule (`InvalidDescription.Malformed`, 400): 2–256 characters, not starting with `http://`/`https://`. */
export function isWellFormedDescription(description: string): boolean {
  const length = [...description].length;
  return length >= 2 && length <= 256 && !/^https?:\/\//i.test(description);
}

/**
 * The seed table's 403 `InvalidDescription.Malformed` ("description is not valid"). Emulator
 * choice: a description holding ASCII control characters (tab and line breaks are allowed).
 */
export function isAcceptableDescriptionText(description: string): boolean {
  return !CONTROL_CHARACTER.test(description);
}

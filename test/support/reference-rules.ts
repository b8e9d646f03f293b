/**
 * An independent reference of the ModifyImageAttribute format rules, written from
 * shared/reference/ecs-image-api.md §4.1 alone. It is the oracle of the property tests: it must
 * not import anything from lib/, and it deliberately uses no regular expression, so that it shares
 * no code and no pattern with the validators it judges.
 *
 * The rules, as documented (and the readings taken where the document leaves a choice open):
 *
 * ImageName (and ImageFamily, "same character rules as ImageName"):
 *   - 2 to 128 characters, counted as Unicode code points (the document's recommendation: a
 *     Chinese character counts as one; an astral character, two UTF-16 units, is one character;
 *     a lone surrogate, being one code point, is one character);
 *   - the first character is a letter A-Z / a-z or a Chinese character U+4E00-U+9FA5;
 *   - every other character is one of those, a digit 0-9, ".", ":", "_" or "-" (so no space:
 *     the document's allowed set excludes it);
 *   - must not start with "aliyun" or "acs:", compared case-insensitively (the document's
 *     recommendation) with ASCII case folding (the prefixes are ASCII words);
 *   - must not contain "http://" or "https://".
 *
 * Description:
 *   - 2 to 256 characters, counted as code points;
 *   - must not start with "http://" or "https://";
 *   - must not contain an ASCII control character (U+0000-U+001F, U+007F) other than tab (U+0009),
 *     line feed (U+000A) and carriage return (U+000D): the project's and the emulator's choice,
 *     not the document's.
 *
 * Reading taken for "http://" and "https://": a URL scheme is case-insensitive (RFC 3986 §3.1),
 * so "HTTP://" and "hTtPs://" are the same markers; folding is ASCII only.
 */

/** The verdict on one value: valid, or the rules it breaks (every one of them, in words). */
export interface Verdict {
  readonly valid: boolean;
  readonly broken: readonly string[];
}

/** The code points of a string; a UTF-16 unit that is not part of a surrogate pair is its own code point. */
export function codePoints(value: string): number[] {
  const points: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    const next = i + 1 < value.length ? value.charCodeAt(i + 1) : -1;
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      points.push(0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00));
      i++;
    } else {
      points.push(unit);
    }
  }
  return points;
}

const isAsciiLetter = (cp: number) => (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
const isDigit = (cp: number) => cp >= 0x30 && cp <= 0x39;
/** "Chinese character" as the document's pattern draws it: U+4E00 to U+9FA5. */
const isDocumentedChinese = (cp: number) => cp >= 0x4e00 && cp <= 0x9fa5;
const NAME_PUNCTUATION = [0x2e /* . */, 0x3a /* : */, 0x5f /* _ */, 0x2d /* - */];

/** ASCII-only lower case: A-Z become a-z, every other code unit stays as it is. */
function asciiLower(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    out += unit >= 0x41 && unit <= 0x5a ? String.fromCharCode(unit + 0x20) : value[i];
  }
  return out;
}

const startsWithFolded = (value: string, prefix: string) => asciiLower(value.slice(0, prefix.length)) === prefix;
const URL_MARKERS = ['http://', 'https://'];

function verdict(broken: string[]): Verdict {
  return { valid: broken.length === 0, broken };
}

/** ImageName per §4.1. */
export function referenceImageName(value: string): Verdict {
  const broken: string[] = [];
  const points = codePoints(value);
  if (points.length < 2 || points.length > 128) broken.push(`length ${points.length} code points is outside 2..128`);
  if (points.length > 0 && !(isAsciiLetter(points[0]) || isDocumentedChinese(points[0]))) {
    broken.push(`starts with U+${hex(points[0])}, not a letter A-Z/a-z or a Chinese character U+4E00-U+9FA5`);
  }
  if (points.length === 0) broken.push('has no first character (must start with a letter or a Chinese character)');
  const outside = points
    .slice(1)
    .filter((cp) => !(isAsciiLetter(cp) || isDocumentedChinese(cp) || isDigit(cp) || NAME_PUNCTUATION.includes(cp)));
  if (outside.length > 0)
    broken.push(`holds characters outside the allowed set: ${[...new Set(outside)].map((cp) => `U+${hex(cp)}`).join(' ')}`);
  for (const prefix of ['aliyun', 'acs:'])
    if (startsWithFolded(value, prefix)) broken.push(`starts with the reserved prefix "${prefix}" (any case)`);
  const folded = asciiLower(value);
  for (const marker of URL_MARKERS) if (folded.includes(marker)) broken.push(`contains "${marker}"`);
  return verdict(broken);
}

/** ImageFamily per §4.1: the ImageName rules. */
export function referenceImageFamily(value: string): Verdict {
  return referenceImageName(value);
}

/** Description per §4.1, plus the project's and the emulator's control-character rule. */
export function referenceDescription(value: string): Verdict {
  const broken: string[] = [];
  const points = codePoints(value);
  if (points.length < 2 || points.length > 256) broken.push(`length ${points.length} code points is outside 2..256`);
  for (const marker of URL_MARKERS) if (startsWithFolded(value, marker)) broken.push(`starts with "${marker}"`);
  const controls = points.filter((cp) => (cp <= 0x1f && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || cp === 0x7f);
  if (controls.length > 0) {
    broken.push(`holds ASCII control characters other than tab, CR, LF: ${[...new Set(controls)].map((cp) => `U+${hex(cp)}`).join(' ')}`);
  }
  return verdict(broken);
}

function hex(cp: number): string {
  return cp.toString(16).toUpperCase().padStart(4, '0');
}

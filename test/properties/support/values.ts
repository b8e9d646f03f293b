/**
 * Generators of ImageName / ImageFamily / Description values for the property tests, and the
 * settings every property file shares (the seed, the run counts). The mix leans on the edges of
 * the documented rules: lengths around 2/128/256, the reserved prefixes in any case, URL markers,
 * CJK inside and outside U+4E00-U+9FA5 (astral Extension B too), ASCII control characters,
 * template markers, spaces, emoji and lone surrogates, plus plain random unicode.
 */
import * as fc from 'fast-check';
import { codePoints } from '../../support/reference-rules';

/** The seed of every property run: fixed, so that a run can be repeated; PROPERTY_SEED overrides it. */
export const SEED = process.env.PROPERTY_SEED !== undefined ? Number(process.env.PROPERTY_SEED) : 20260412;
/** Values per attribute for the pure checks. */
export const PURE_RUNS = 10_000;
/** Values per attribute for the expensive checks (a full construct, parseProperties, an HTTP call). */
export const SAMPLE_RUNS = 300;

/** One seed per attribute, so that names and families are not the same 10,000 strings. */
export const SEEDS = { ImageName: SEED, ImageFamily: SEED + 1, Description: SEED + 2 } as const;
export type Attribute = keyof typeof SEEDS;

let announced = false;
/** Prints the seeds once per test file (fast-check prints the seed of a failure by itself). */
export function announceSeed(file: string): void {
  if (announced) return;
  announced = true;
  process.stderr.write(
    `${file}: fast-check seed ${SEED} (ImageName ${SEEDS.ImageName}, ImageFamily ${SEEDS.ImageFamily}, Description ${SEEDS.Description}); set PROPERTY_SEED to change it\n`,
  );
}

/** fast-check parameters for one attribute's run. */
export function runParameters(attribute: Attribute, numRuns: number): fc.Parameters<unknown> {
  return { seed: SEEDS[attribute], numRuns };
}

const chars = (text: string) => [...text];
const fromCodePoint = (min: number, max: number) => fc.integer({ min, max }).map((cp) => String.fromCodePoint(cp));

/** The characters a name may hold after its first one, and those it may start with. */
const letter = fc.constantFrom(...chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'));
const documentedChinese = fc.oneof(fromCodePoint(0x4e00, 0x9fa5), fc.constantFrom('\u4e00', '\u9fa5', '中', '文', '镜', '像'));
const nameStart = fc.oneof({ weight: 3, arbitrary: letter }, { weight: 1, arbitrary: documentedChinese });
const nameChar = fc.oneof(
  { weight: 4, arbitrary: letter },
  { weight: 2, arbitrary: fc.constantFrom(...chars('0123456789')) },
  { weight: 2, arbitrary: fc.constantFrom('.', ':', '_', '-') },
  { weight: 1, arbitrary: documentedChinese },
);

/** CJK just outside the documented range, in other blocks, and astral (Extension B). */
const otherCjk = fc.oneof(
  fc.constantFrom('\u4dff', '\u9fa6', '\u9fff', '\u3400', '\u4db5', '\u3007', '\uf900', '\ufa2d', '\u3000', '\uff21', '\uff0e'),
  fromCodePoint(0x9fa6, 0x9fff),
  fromCodePoint(0x3400, 0x4dbf),
  fc.constantFrom('\u{20000}', '\u{2a6d6}', '\u{2a6df}', '\u{2b740}', '\u{2f800}', '𠀀', '𪚥'),
  fromCodePoint(0x20000, 0x2a6df),
);
/** ASCII control characters (tab, CR, LF and DEL among them) and a few C1 controls. */
const control = fc.oneof(fromCodePoint(0x00, 0x1f), fc.constantFrom('\t', '\r', '\n', '\u007f', '\u0000'), fromCodePoint(0x80, 0x9f));
const space = fc.constantFrom(' ', '\u00a0', '\u3000', '\u2028', '\ufeff');
const template = fc.constantFrom('${', '%{', '$${', '%%{', '${var.x}', '%{ if true }', '}', '$', '%');
const emoji = fc.oneof(fc.constantFrom('😀', '👍🏽', '👨‍👩‍👧', '🇨🇳', '❤️', '🀄'), fromCodePoint(0x1f300, 0x1faff));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u));
const otherLetters = fc.constantFrom('é', 'ß', 'Ж', 'ω', '\u212a', '\u017f', 'İ', 'ı', 'Ａ', 'ａ', 'ｱ', '٣', '²');
const punctuation = fc.constantFrom(...chars('/\\@#&*+=,;!?\'"<>()[]|~`^'));
const anyCodePoint = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });

const upperOrLower = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((upper) => [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));
const reservedPrefix = fc.oneof(
  upperOrLower('aliyun'),
  upperOrLower('acs:'),
  fc.constantFrom('aliyu', 'acs', 'acs-', 'acs_', 'aliyunx', 'ali-yun', 'ac:s'),
);
const urlMarker = fc.oneof(
  upperOrLower('http://'),
  upperOrLower('https://'),
  fc.constantFrom('http:/', 'https:', 'http//', 'httpx://', 'http\u017f://', 'ftp://', 'http:\\\\', ' http://'),
);

/** The options of the generators. */
export interface ValueOptions {
  /** Whether lone surrogates are among the characters (values the HTTP layer cannot carry). @default true */
  readonly loneSurrogates?: boolean;
}

/** A character that is anything but plain: the edge cases above, mixed with random code points. */
function oddChar(options: ValueOptions): fc.Arbitrary<string> {
  const units: fc.WeightedArbitrary<string>[] = [
    { weight: 3, arbitrary: otherCjk },
    { weight: 3, arbitrary: control },
    { weight: 2, arbitrary: space },
    { weight: 2, arbitrary: template },
    { weight: 2, arbitrary: emoji },
    { weight: 2, arbitrary: otherLetters },
    { weight: 2, arbitrary: punctuation },
    { weight: 3, arbitrary: anyCodePoint },
  ];
  if (options.loneSurrogates !== false) units.push({ weight: 2, arbitrary: loneSurrogate });
  return fc.oneof(...units);
}

/** Any character of the mix: mostly ones a name may hold, often odd ones. */
function mixedChar(kind: 'name' | 'description', options: ValueOptions): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: kind === 'name' ? 6 : 3, arbitrary: nameChar },
    { weight: kind === 'name' ? 1 : 4, arbitrary: fc.constantFrom(...chars(' abcdefghijklmnopqrstuvwxyz ,.!?\t\r\n')) },
    { weight: 2, arbitrary: oddChar(options) },
  );
}

/** `piece` put into `text` between two of its characters (never inside a surrogate pair). */
function insertAt(text: string, piece: string, at: number): string {
  const characters = [...text];
  const cut = at % (characters.length + 1);
  return characters.slice(0, cut).join('') + piece + characters.slice(cut).join('');
}

const joined = (parts: fc.Arbitrary<string>[]) => fc.tuple(...parts).map((p) => p.join(''));

/** Lengths (in characters) around the 2 and max boundaries. */
function boundaryLengths(max: number): fc.Arbitrary<{ min: number; max: number }> {
  return fc.constantFrom({ min: 0, max: 3 }, { min: max - 2, max: max + 2 }, { min: max - 1, max: max + 1 }, { min: 4, max: max - 3 });
}

/**
 * ImageName or ImageFamily values (both have the same rules): random unicode, names from the
 * allowed alphabet near the length boundaries, allowed names with one odd character put in,
 * reserved prefixes, URL markers and other edge cases.
 */
export function nameValues(options: ValueOptions = {}): fc.Arbitrary<string> {
  const mixed = mixedChar('name', options);
  const odd = oddChar(options);
  const allowedOfLength = (min: number, max: number) =>
    joined([nameStart, fc.string({ unit: nameChar, minLength: Math.max(0, min - 1), maxLength: Math.max(0, max - 1) })]);
  const nearBoundary = boundaryLengths(128).chain(({ min, max }) => allowedOfLength(min, max));
  // A valid name with one odd character (or a whole odd piece) at the start, inside or at the end.
  const withOneOdd = fc
    .tuple(allowedOfLength(2, 20), fc.oneof(odd, template, urlMarker, reservedPrefix, otherCjk), fc.nat())
    .map(([name, piece, at]) => insertAt(name, piece, at));
  const prefixed = joined([reservedPrefix, fc.string({ unit: nameChar, maxLength: 130 })]);
  const withUrl = joined([fc.oneof(fc.constant(''), allowedOfLength(1, 10)), urlMarker, fc.string({ unit: nameChar, maxLength: 20 })]);
  const cjkNames = joined([
    fc.oneof(documentedChinese, otherCjk),
    fc.string({ unit: fc.oneof(documentedChinese, otherCjk, nameChar), maxLength: 130 }),
  ]);
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: mixed, maxLength: 140 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 140 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 140 }) },
    { weight: 4, arbitrary: nearBoundary },
    { weight: 4, arbitrary: withOneOdd },
    { weight: 2, arbitrary: prefixed },
    { weight: 2, arbitrary: withUrl },
    { weight: 2, arbitrary: cjkNames },
  );
}

/**
 * Description values: random unicode, text near the 2/256 boundaries (astral characters count as
 * one each), URL markers at the start or inside, control characters, template markers.
 */
export function descriptionValues(options: ValueOptions = {}): fc.Arbitrary<string> {
  const mixed = mixedChar('description', options);
  const odd = oddChar(options);
  const text = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...chars('abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,:;-_()!?')) },
    { weight: 1, arbitrary: documentedChinese },
    { weight: 1, arbitrary: otherCjk },
    // One code point each, so that lengths near the boundaries are the lengths asked for.
    { weight: 1, arbitrary: fromCodePoint(0x1f300, 0x1faff) },
  );
  const nearBoundary = boundaryLengths(256).chain(({ min, max }) => fc.string({ unit: text, minLength: min, maxLength: max }));
  const astralNearBoundary = fc
    .constantFrom(1, 2, 3, 255, 256, 257)
    .chain((n) =>
      fc.string({ unit: fc.oneof(fromCodePoint(0x20000, 0x2a6df), fromCodePoint(0x1f300, 0x1faff)), minLength: n, maxLength: n }),
    );
  const withOneOdd = fc
    .tuple(fc.string({ unit: text, minLength: 2, maxLength: 40 }), fc.oneof(odd, control, template, urlMarker), fc.nat())
    .map(([body, piece, at]) => insertAt(body, piece, at));
  const urlFirst = joined([urlMarker, fc.string({ unit: text, maxLength: 30 })]);
  const urlInside = joined([fc.string({ unit: text, minLength: 1, maxLength: 10 }), urlMarker, fc.string({ unit: text, maxLength: 20 })]);
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: mixed, maxLength: 270 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 270 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 270 }) },
    { weight: 4, arbitrary: nearBoundary },
    { weight: 1, arbitrary: astralNearBoundary },
    { weight: 4, arbitrary: withOneOdd },
    { weight: 2, arbitrary: urlFirst },
    { weight: 1, arbitrary: urlInside },
  );
}

/** The values of one attribute. */
export function valuesOf(attribute: Attribute, options: ValueOptions = {}): fc.Arbitrary<string> {
  return attribute === 'Description' ? descriptionValues(options) : nameValues(options);
}

/** A value as a reader can see it: JSON with every non-ASCII or control unit escaped. */
export function show(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what must be made visible
  return JSON.stringify(value).replace(/[\u0000-\u001f\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The message of a disagreement, for fast-check to report with the shrunk value. */
export function disagreement(
  validator: string,
  value: string,
  validatorSaysValid: boolean,
  reference: { valid: boolean; broken: readonly string[] },
): string {
  const verdict = (valid: boolean) => (valid ? 'valid' : 'invalid');
  return (
    `${validator} says ${verdict(validatorSaysValid)} but the reference says ${verdict(reference.valid)} for ${show(value)} ` +
    `(${codePoints(value).length} code points)${reference.broken.length ? `; reference: ${reference.broken.join('; ')}` : ''}`
  );
}

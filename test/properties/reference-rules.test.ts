/** The oracle checked on hand-written examples taken from the wording of §4.1, before it judges anything. */
import { codePoints, referenceDescription, referenceImageName } from '../support/reference-rules';

const astralCjk = '\u{20000}'; // CJK Extension B: two UTF-16 units, one character, outside U+4E00-U+9FA5

describe('reference rules (shared/reference/ecs-image-api.md §4.1)', () => {
  test.each([
    ['ab', true],
    ['web-base:v1.0_2', true],
    ['中文', true],
    ['\u4e00\u9fa5', true],
    ['a'.repeat(128), true],
    ['镜'.repeat(128), true],
    ['a', false],
    ['', false],
    ['a'.repeat(129), false],
    ['1web', false],
    ['_web', false],
    ['web base', false],
    ['web\tbase', false],
    ['\u9fa6a', false],
    ['\u4dffa', false],
    [`a${astralCjk}`, false],
    ['aliyun-base', false],
    ['AliYun-base', false],
    ['ACS:base', false],
    ['acs-base', true],
    ['myaliyun', true],
    ['web${x}', false],
    ['a\ud800', false],
  ])('ImageName %j is valid: %s', (value, valid) => {
    expect(referenceImageName(value).valid).toBe(valid);
  });

  test('a name holding http:// or https:// breaks that rule (and the character rule: "/" is not allowed)', () => {
    expect(referenceImageName('webhttp://x').broken).toEqual(expect.arrayContaining(['contains "http://"']));
    expect(referenceImageName('webHTTPS://x').broken).toEqual(expect.arrayContaining(['contains "https://"']));
  });

  test.each([
    ['ab', true],
    ['  ', true],
    ['a\tb\r\nc', true],
    ['x'.repeat(256), true],
    [astralCjk.repeat(256), true],
    ['😀'.repeat(256), true],
    ['x'.repeat(257), false],
    [astralCjk.repeat(257), false],
    ['a', false],
    [astralCjk, false],
    ['', false],
    ['http://example.com', false],
    ['HTTPS://example.com', false],
    ['see http://example.com', true],
    ['http:/x', true],
    ['a\u0000b', false],
    ['a\u001fb', false],
    ['a\u007fb', false],
    ['a\u0085b', true],
    ['${var.x}', true],
    ['a\ud800', true],
  ])('Description %j is valid: %s', (value, valid) => {
    expect(referenceDescription(value).valid).toBe(valid);
  });

  test('code points: a surrogate pair is one, a lone surrogate is one', () => {
    expect(codePoints(`a${astralCjk}b`)).toEqual([0x61, 0x20000, 0x62]);
    expect(codePoints('\udc00\ud800')).toEqual([0xdc00, 0xd800]);
    expect(codePoints('\ud83d\ude00')).toEqual([0x1f600]);
  });
});

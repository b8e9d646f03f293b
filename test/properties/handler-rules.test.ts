/**
 * The handler's check against the reference: checkAttribute (the rule parseProperties applies to
 * each attribute) on 10,000 values per attribute, and the handler's parseProperties on a sample.
 */
import { AttributeValidationError, checkAttribute } from '../../lib/attributes';
import { parseProperties } from '../../lib/handler/event/parse-properties';
import { ATTRIBUTES, assertAgreement } from './support/agreement';
import { announceSeed, PURE_RUNS, SAMPLE_RUNS } from './support/values';

announceSeed('handler-rules');

describe('the handler agrees with the reference rules', () => {
  test.each(ATTRIBUTES)('checkAttribute(%s) on 10,000 values', (attribute) => {
    const tally = assertAgreement(
      attribute,
      `checkAttribute('${attribute}')`,
      (value) => checkAttribute(attribute, value) === undefined,
      PURE_RUNS,
    );
    expect(tally.checked).toBe(PURE_RUNS);
  });

  test.each(ATTRIBUTES)('parseProperties with %s on a sample', (attribute) => {
    const parses = (value: string): boolean => {
      try {
        const parsed = parseProperties({ RegionId: 'cn-hangzhou', ImageId: 'm-bp1x', [attribute]: value });
        expect(parsed.desired[attribute]).toBe(value);
        return true;
      } catch (error) {
        // Only the validation error counts as a refusal, and only one naming this attribute.
        if (!(error instanceof AttributeValidationError)) throw error;
        expect(error.violations.map((v) => v.attribute)).toEqual([attribute]);
        return false;
      }
    };
    const tally = assertAgreement(attribute, 'parseProperties', parses, SAMPLE_RUNS);
    expect(tally.checked).toBe(SAMPLE_RUNS);
  });
});

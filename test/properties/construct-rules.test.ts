/**
 * The construct's synth-time check against the reference: validateProps (what the constructor
 * runs first) on 10,000 values per attribute, and the full constructor on a sample, each value in
 * a fresh stack.
 */
import { TerraformStack, Testing } from 'cdktf';
import { ManagedCustomImage } from '../../lib';
import { validateProps } from '../../lib/construct/validate-props';
import { ATTRIBUTES, assertAgreement } from './support/agreement';
import { announceSeed, Attribute, PURE_RUNS, SAMPLE_RUNS } from './support/values';

announceSeed('construct-rules');

const PROP: Record<Attribute, 'imageName' | 'imageFamily' | 'description'> = {
  ImageName: 'imageName',
  ImageFamily: 'imageFamily',
  Description: 'description',
};
const props = (attribute: Attribute, value: string) => ({ regionId: 'cn-hangzhou', imageId: 'm-bp1x', [PROP[attribute]]: value });

describe('the construct agrees with the reference rules', () => {
  test.each(ATTRIBUTES)('validateProps with %s on 10,000 values', (attribute) => {
    const tally = assertAgreement(
      attribute,
      `validateProps(${PROP[attribute]})`,
      (value) => validateProps(props(attribute, value)).length === 0,
      PURE_RUNS,
    );
    expect(tally.checked).toBe(PURE_RUNS);
  });

  test.each(ATTRIBUTES)('new ManagedCustomImage with %s on a sample', (attribute) => {
    const constructs = (value: string): boolean => {
      try {
        new ManagedCustomImage(new TerraformStack(Testing.app(), 's'), 'Image', props(attribute, value));
        return true;
      } catch (error) {
        // Only the synth-time refusal counts, and only one naming this prop.
        const message = (error as Error).message;
        if (!message.startsWith(`ManagedCustomImage s/Image: ${PROP[attribute]} `)) throw error;
        return false;
      }
    };
    const tally = assertAgreement(attribute, `new ManagedCustomImage({${PROP[attribute]}})`, constructs, SAMPLE_RUNS);
    expect(tally.checked).toBe(SAMPLE_RUNS);
  });
});

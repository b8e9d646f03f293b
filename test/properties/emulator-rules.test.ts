/**
 * The emulator's server-side check against the reference: its own format functions on 10,000
 * values per attribute, and a real ModifyImageAttribute call through the unmodified SDK over HTTP
 * on a sample, which must answer InvalidImageName.Malformed / InvalidImageFamily.Malformed /
 * InvalidDescription.Malformed exactly when the reference says the value is invalid (and succeed
 * otherwise). The emulator is an independent oracle: a disagreement here is reported, not fixed.
 */
import Ecs, * as $Ecs from '@alicloud/ecs20140526';
import { RunningEmulator, startEmulator } from '../../lib/emulator';
import { isAcceptableDescriptionText, isValidImageName, isWellFormedDescription } from '../../lib/emulator/actions/attribute-formats';
import { ecsClient, REGION } from '../emulator/support/sdk-client';
import { REFERENCE, ATTRIBUTES, assertAgreement, assertAgreementAsync } from './support/agreement';
import { announceSeed, Attribute, PURE_RUNS, SAMPLE_RUNS, valuesOf } from './support/values';

announceSeed('emulator-rules');

const PURE: Record<Attribute, [name: string, (value: string) => boolean]> = {
  ImageName: ['isValidImageName', isValidImageName],
  ImageFamily: ['isValidImageName', isValidImageName],
  Description: [
    'isWellFormedDescription && isAcceptableDescriptionText',
    (v) => isWellFormedDescription(v) && isAcceptableDescriptionText(v),
  ],
};

const MALFORMED: Record<Attribute, string> = {
  ImageName: 'InvalidImageName.Malformed',
  ImageFamily: 'InvalidImageFamily.Malformed',
  Description: 'InvalidDescription.Malformed',
};
const FIELD: Record<Attribute, 'imageName' | 'imageFamily' | 'description'> = {
  ImageName: 'imageName',
  ImageFamily: 'imageFamily',
  Description: 'description',
};

/** A UTF-16 unit that is half of a surrogate pair without its other half. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Values the HTTP sample can carry. The SDK sends every parameter in the URL query, built with
 * Node's querystring, which cannot percent-encode a lone surrogate (URIError "URI malformed"
 * before any request): such values never reach the server, so they are left out here (they are
 * generated without lone surrogates, and the filter guards that). The empty string is left out
 * too: `ImageName=` on the wire means "unchanged" to the emulator (see the pinned test below).
 */
const carriable = (attribute: Attribute) =>
  valuesOf(attribute, { loneSurrogates: false }).filter((v) => v !== '' && !LONE_SURROGATE.test(v));

const IMAGE_ID = 'm-bp1x';

describe("the emulator's format functions agree with the reference rules", () => {
  test.each(ATTRIBUTES)('%s on 10,000 values', (attribute) => {
    const [name, saysValid] = PURE[attribute];
    const tally = assertAgreement(attribute, `emulator ${name}`, saysValid, PURE_RUNS);
    expect(tally.checked).toBe(PURE_RUNS);
  });
});

describe('ModifyImageAttribute over HTTP through the SDK agrees with the reference rules', () => {
  let emulator: RunningEmulator;
  let client: Ecs;
  beforeAll(async () => {
    emulator = await startEmulator({ state: { images: [{ ImageId: IMAGE_ID, ImageName: 'property-base', RegionId: REGION }] } });
    client = ecsClient(emulator);
  });
  afterAll(async () => {
    await emulator.close();
  });

  /** Whether the API accepts the value: success ⇒ true, the attribute's Malformed ⇒ false, anything else fails the run. */
  const accepts = (attribute: Attribute) => async (value: string) => {
    try {
      await client.modifyImageAttribute(
        new $Ecs.ModifyImageAttributeRequest({ regionId: REGION, imageId: IMAGE_ID, [FIELD[attribute]]: value }),
      );
      return true;
    } catch (error) {
      const { code, statusCode } = error as { code?: string; statusCode?: number };
      if (code === MALFORMED[attribute]) return false;
      throw new Error(`unexpected answer ${code ?? ''} ${statusCode ?? ''}: ${(error as Error).message}`, { cause: error });
    }
  };

  test.each(ATTRIBUTES)(
    '%s on a sample of values the query string can carry',
    async (attribute) => {
      const tally = await assertAgreementAsync(
        attribute,
        `ModifyImageAttribute(${attribute}) over HTTP`,
        accepts(attribute),
        SAMPLE_RUNS,
        carriable(attribute),
      );
      expect(tally.checked).toBe(SAMPLE_RUNS);
    },
    60_000,
  );

  // A known, documented divergence, pinned so that a change shows: the reference (2 characters at
  // least) refuses "", while the emulator reads an empty parameter as "unchanged" (its choice, §4.1
  // recommends it for Description and ImageFamily; §8 lists it as open). The project's validators
  // refuse "" like the reference.
  test.each(ATTRIBUTES)(
    '%s "" is invalid per the reference, yet the emulator answers success (empty means unchanged)',
    async (attribute) => {
      expect(REFERENCE[attribute]('').valid).toBe(false);
      await expect(accepts(attribute)('')).resolves.toBe(true);
    },
  );
});

import { AttributeChange } from '../../../lib/attributes';
import { planRequests } from '../../../lib/handler/reconcile/request-plan';
import { toModifyRequest } from '../../../lib/handler/reconcile/modify-request';

const name: AttributeChange = { attribute: 'ImageName', from: 'a', to: 'b' };
const nvme: AttributeChange = { attribute: 'Features.NvmeSupport', from: 'unsupported', to: 'supported' };
const deprecate: AttributeChange = { attribute: 'Status', from: 'Available', to: 'Deprecated' };
const revive: AttributeChange = { attribute: 'Status', from: 'Deprecated', to: 'Available' };

describe('planRequests', () => {
  test.each([
    ['nothing to change sends nothing', [], []],
    ['changes without Status go in one call', [name, nvme], [[name, nvme]]],
    ['a revived image is made Available before its other attributes change', [name, revive], [[revive], [name]]],
    ['deprecation comes last', [deprecate, name, nvme], [[name, nvme], [deprecate]]],
    ['a Status change alone is one call', [deprecate], [[deprecate]]],
  ])('%s', (_n, changes, expected) => {
    expect(planRequests(changes as AttributeChange[])).toEqual(expected);
  });
});

describe('toModifyRequest', () => {
  test('carries only the changed fields, Features with only its changed member', () => {
    expect(toModifyRequest({ regionId: 'cn-hangzhou', imageId: 'm-1' }, [name, nvme])).toEqual({
      regionId: 'cn-hangzhou',
      imageId: 'm-1',
      imageName: 'b',
      nvmeSupport: 'supported',
    });
  });
});

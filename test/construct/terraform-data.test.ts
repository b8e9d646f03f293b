import { Fn, TerraformStack, Testing } from 'cdktf';
import { TerraformData } from '../../lib/construct/terraform-data';

describe('TerraformData binding', () => {
  test('passes every meta-argument it promises through to the synthesized resource', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 's');
    const first = new TerraformData(stack, 'first', { input: { a: 'b' } });
    new TerraformData(stack, 'counted', {
      count: 2,
      dependsOn: [first],
      lifecycle: { createBeforeDestroy: false },
      connection: { type: 'ssh', host: 'h' },
    });
    const synth = JSON.parse(Testing.synth(stack)) as { resource: { terraform_data: Record<string, Record<string, unknown>> } };
    expect(synth.resource.terraform_data.counted).toMatchObject({
      count: 2,
      depends_on: ['terraform_data.first'],
      lifecycle: { create_before_destroy: false },
      connection: { type: 'ssh', host: 'h' },
    });
  });

  test('id and output are references usable by other resources', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 's');
    const source = new TerraformData(stack, 'source', { input: { a: 'b' } });
    new TerraformData(stack, 'user', { input: { id: source.id, out: source.outputValue('a'), whole: Fn.jsonencode(source.output) } });
    const synth = JSON.parse(Testing.synth(stack)) as { resource: { terraform_data: Record<string, { input: Record<string, string> }> } };
    expect(synth.resource.terraform_data.user.input).toEqual({
      id: '${terraform_data.source.id}',
      out: '${terraform_data.source.output.a}',
      whole: '${jsonencode(terraform_data.source.output)}',
    });
  });
});

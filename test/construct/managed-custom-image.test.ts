import { App, Fn, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { TerraformData } from '../../lib/construct/terraform-data';
import { BootMode, DeletionPolicy, ImageStatus, ImdsSupport, ManagedCustomImage, ManagedCustomImageProps, NvmeSupport } from '../../lib';

type Resource = {
  input?: Record<string, string>;
  triggers_replace?: Record<string, string>;
  depends_on?: string[];
  lifecycle?: { ignore_changes?: string[]; precondition?: { condition: string; error_message: string }[] };
  provisioner?: { 'local-exec': { command: string; interpreter: string[]; when?: string } }[];
};
type Synth = {
  resource: { terraform_data: Record<string, Resource> };
  data?: { external?: Record<string, { program: string[]; query: Record<string, string> }> };
  locals?: Record<string, string>;
  check?: Record<string, { assert: { condition: string; error_message: string }[] }>;
  terraform?: { required_providers?: Record<string, unknown> };
};

const newStack = () => new TerraformStack(Testing.app(), 's');
const synthStack = (stack: TerraformStack) => JSON.parse(Testing.synth(stack)) as Synth;

function synth(props: Partial<ManagedCustomImageProps> = {}, count = 1): Synth {
  const stack = newStack();
  for (let i = 0; i < count; i++)
    new ManagedCustomImage(stack, `Image${i}`, { regionId: 'cn-hangzhou', imageId: `m-bp1web000${i}`, ...props });
  return synthStack(stack);
}

const resource = (s: Synth, prefix: string) => {
  const entry = Object.entries(s.resource.terraform_data).find(([k]) => k.startsWith(prefix));
  if (!entry) throw new Error(`no terraform_data ${prefix}`);
  return entry[1];
};
const address = (s: Synth, prefix: string) => `terraform_data.${Object.keys(s.resource.terraform_data).find((k) => k.startsWith(prefix))}`;
const reads = (s: Synth) => Object.values(s.data?.external ?? {});

describe('ManagedCustomImage synthesis', () => {
  test("desired attributes become snake_case triggers; the drift marker comes from the stack's shared read", () => {
    const s = synth({
      imageName: 'web-v2',
      status: ImageStatus.AVAILABLE,
      features: { nvmeSupport: NvmeSupport.SUPPORTED, imdsSupport: ImdsSupport.V2 },
    });
    expect(resource(s, 'Image0_reconciler').triggers_replace).toEqual({
      region_id: 'cn-hangzhou',
      image_id: 'm-bp1web0000',
      image_name: 'web-v2',
      status: 'Available',
      nvme_support: 'supported',
      imds_support: 'v2',
      sync_token: '${local.managed_images_cn_hangzhou["m-bp1web0000/sync_token"]}',
    });
    const [read] = reads(s);
    expect(read.query).toEqual({
      'region_id': 'cn-hangzhou',
      'm-bp1web0000/sync_tag': expect.stringMatching(/^cdktf-managed-image:sync:[0-9a-f]{12}$/),
      'm-bp1web0000/image_name': 'web-v2',
      'm-bp1web0000/status': 'Available',
      'm-bp1web0000/nvme_support': 'supported',
      'm-bp1web0000/imds_support': 'v2',
    });
    expect(read.program).toEqual([
      'node',
      expect.stringMatching(/^\$\{path\.module\}\/assets\/ManagedImageCli\/[0-9A-F]+\/managed-image\.js$/),
      'read',
    ]);
    expect(s.locals).toEqual({
      managed_images_cn_hangzhou: expect.stringMatching(/^\$\{data\.external\.ManagedImages_read_cn-hangzhou_[0-9A-F]+\.result\}$/),
    });
    expect(s.terraform!.required_providers).toEqual({ external: { source: 'hashicorp/external', version: '>= 1.2.0, < 3.0.0' } });
  });

  test('a stack reads all its images of a region in one data source, and each region in its own', () => {
    const stack = newStack();
    for (let i = 0; i < 5; i++)
      new ManagedCustomImage(stack, `H${i}`, { regionId: 'cn-hangzhou', imageId: `m-bp1h${i}`, imageName: `web-${i}` });
    new ManagedCustomImage(stack, 'S', { regionId: 'cn-shanghai', imageId: 'm-uf6s0', imageName: 'web-s' });
    const s = synthStack(stack);
    expect(
      reads(s)
        .map((r) => r.query.region_id)
        .sort(),
    ).toEqual(['cn-hangzhou', 'cn-shanghai']);
    expect(
      Object.keys(reads(s).find((r) => r.query.region_id === 'cn-hangzhou')!.query).filter((k) => k.endsWith('/sync_tag')),
    ).toHaveLength(5);
  });

  test('an image given as a token gets a read of its own, so the shared read is never deferred to apply', () => {
    const stack = newStack();
    const source = new TerraformData(stack, 'source', { input: { id: 'm-bp1fromtoken' } });
    new ManagedCustomImage(stack, 'Literal', { regionId: 'cn-hangzhou', imageId: 'm-bp1literal', imageName: 'web' });
    new ManagedCustomImage(stack, 'Token', { regionId: 'cn-hangzhou', imageId: Fn.lookup(source.output, 'id', ''), imageName: 'web-t' });
    const s = synthStack(stack);
    const shared = reads(s).find((r) => r.query['m-bp1literal/sync_tag'])!;
    expect(JSON.stringify(shared.query)).not.toContain('terraform_data');
    const own = reads(s).find((r) => r.query.image_id !== undefined)!;
    expect(own.query).toMatchObject({
      region_id: 'cn-hangzhou',
      image_id: '${terraform_data.source.output.id}',
      image_name: 'web-t',
    });
    expect(resource(s, 'Token_reconciler').triggers_replace!.sync_token).toMatch(
      /^\$\{data\.external\.Token_read_[0-9A-F]+\.result\["sync_token"\]\}$/,
    );
  });

  test('the handler runs from provisioners with an interpreter list: no shell, and no user value in the command', () => {
    const description = 'golden $(rm -rf /) `id`; echo "x" | sh';
    const s = synth({ description, deletionPolicy: DeletionPolicy.RESTORE });
    for (const r of Object.values(s.resource.terraform_data)) {
      for (const p of r.provisioner ?? []) {
        expect(p['local-exec'].interpreter).toEqual(['node', expect.stringContaining('managed-image.js'), 'handle']);
        expect(p['local-exec'].command).toMatch(/^\$\{jsonencode\(\{.*\}\)\}$/);
        expect(p['local-exec'].command).not.toContain('rm -rf');
      }
    }
    expect(resource(s, 'Image0_reconciler').triggers_replace!.description).toBe(description);
  });

  test.each([
    ['${file("/etc/hostname")} and ${HOME}', '$${file("/etc/hostname")} and $${HOME}'],
    ['%{ if true }yes%{ endif }', '%%{ if true }yes%%{ endif }'],
  ])('a literal %j is written escaped, so Terraform passes it on verbatim', (description, written) => {
    const s = synth({ description });
    expect(resource(s, 'Image0_reconciler').triggers_replace!.description).toBe(written);
    expect(reads(s)[0].query['m-bp1web0000/description']).toBe(written);
  });

  test("the create command passes exactly the managed attributes, in the API shape, with the manager's tag", () => {
    const s = synth({ imageFamily: 'web', features: { imdsSupport: ImdsSupport.V2 } });
    expect(resource(s, 'Image0_reconciler').provisioner![0]['local-exec'].command).toBe(
      '${jsonencode({"RequestType" = "Create", "ResourceProperties" = {"RegionId" = self.triggers_replace.region_id, "ImageId" = self.triggers_replace.image_id, ' +
        '"ImageFamily" = self.triggers_replace.image_family, "Features" = {"ImdsSupport" = self.triggers_replace.imds_support}, ' +
        '"AllowEmptyFamily" = self.input.allow_empty_family, "WaitTimeoutSeconds" = self.input.wait_timeout_seconds, ' +
        '"SyncToken" = self.triggers_replace.sync_token, "SyncTagKey" = self.input.sync_tag}})}',
    );
  });

  test("what can never be applied fails the plan: a precondition on the read's refusal, with its message", () => {
    expect(resource(synth({ imageName: 'web' }), 'Image0_reconciler').lifecycle!.precondition).toEqual([
      {
        condition: '${local.managed_images_cn_hangzhou["m-bp1web0000/refusal"] == ""}',
        error_message: '${local.managed_images_cn_hangzhou["m-bp1web0000/refusal"]}',
      },
    ]);
  });

  test('how the image differs from its declaration shows in the plan: a check block per image', () => {
    const checks = Object.values(synth({ imageName: 'web' }, 2).check!);
    expect(checks).toHaveLength(2);
    expect(checks[0]).toEqual({
      assert: [
        {
          condition: '${local.managed_images_cn_hangzhou["m-bp1web0000/drift"] == ""}',
          error_message: '${local.managed_images_cn_hangzhou["m-bp1web0000/drift"]}',
        },
      ],
    });
  });

  test('the deletion policy lives on a resource replaced only when the image changes, and runs at destroy from self only', () => {
    const s = synth({ imageName: 'web', deletionPolicy: DeletionPolicy.RESTORE });
    const deletion = resource(s, 'Image0_deletion');
    expect(deletion.triggers_replace).toEqual({ region_id: 'cn-hangzhou', image_id: 'm-bp1web0000' });
    expect(deletion.input).toMatchObject({
      deletion_policy: 'Restore',
      sync_tag: expect.stringMatching(/^cdktf-managed-image:sync:/),
      restore_image_name: expect.stringMatching(/^\$\{terraform_data\.Image0_original_[0-9A-F]+\.output\.image_name\}$/),
    });
    const exec = deletion.provisioner![0]['local-exec'];
    expect(exec.when).toBe('destroy');
    expect(exec.command.match(/\b(self|data|terraform_data|var|local)\.[a-z_]+/g)!.every((ref) => ref.startsWith('self.'))).toBe(true);
    expect(exec.command).toContain('"SyncTagKey" = self.input.sync_tag, "RestoreTo" = {"ImageName" = self.input.restore_image_name}');
  });

  test('RESTORE records each attribute once, key by key, so an attribute added later is recorded at its own first plan', () => {
    const original = resource(
      synth({ imageName: 'web', description: 'golden', deletionPolicy: DeletionPolicy.RESTORE }),
      'Image0_original',
    );
    expect(original.input).toEqual({
      image_name: '${local.managed_images_cn_hangzhou["m-bp1web0000/current_image_name"]}',
      description: '${local.managed_images_cn_hangzhou["m-bp1web0000/current_description"]}',
    });
    expect(original.lifecycle).toEqual({ ignore_changes: ['input.image_name', 'input.description'] });
    expect(original.triggers_replace).toEqual({ region_id: 'cn-hangzhou', image_id: 'm-bp1web0000' });
  });

  test('only RESTORE records originals', () => {
    expect(Object.keys(synth({ imageName: 'web' }).resource.terraform_data).some((k) => k.includes('original'))).toBe(false);
  });

  test('driftDetection false leaves out the read, the originals, the checks, the precondition and the external provider', () => {
    const s = synth({ imageName: 'web', driftDetection: false });
    expect(s.data).toBeUndefined();
    expect(s.check).toBeUndefined();
    expect(s.terraform?.required_providers).toBeUndefined();
    expect(
      Object.keys(s.resource.terraform_data)
        .map((k) => k.split('_')[1])
        .sort(),
    ).toEqual(['deletion', 'reconciler']);
    expect(resource(s, 'Image0_reconciler').triggers_replace).not.toHaveProperty('sync_token');
    expect(resource(s, 'Image0_reconciler').lifecycle).toBeUndefined();
  });

  test('plain strings work wherever an enum is expected', () => {
    const s = synth({ bootMode: 'UEFI-Preferred' as BootMode, status: 'Deprecated' as ImageStatus });
    expect(resource(s, 'Image0_reconciler').triggers_replace).toMatchObject({ boot_mode: 'UEFI-Preferred', status: 'Deprecated' });
  });

  test('options default and pass through as strings', () => {
    expect(resource(synth({}), 'Image0_reconciler').input).toMatchObject({ allow_empty_family: 'false', wait_timeout_seconds: '1200' });
    expect(resource(synth({ allowEmptyFamily: true, waitTimeout: 60 }), 'Image0_reconciler').input).toMatchObject({
      allow_empty_family: 'true',
      wait_timeout_seconds: '60',
    });
  });

  test('each construct has a drift tag of its own, stable across synths', () => {
    const tags = (s: Synth) =>
      Object.entries(reads(s)[0].query)
        .filter(([k]) => k.endsWith('/sync_tag'))
        .map(([, v]) => v);
    const first = tags(synth({}, 3));
    expect(new Set(first).size).toBe(3);
    expect(tags(synth({}, 3))).toEqual(first);
  });

  test('many images share one copy of the CLI bundle', () => {
    const stack = newStack();
    for (let i = 0; i < 5; i++) new ManagedCustomImage(stack, `I${i}`, { regionId: 'cn-hangzhou', imageId: `m-bp1many${i}` });
    expect(stack.node.findAll().filter((c) => c.node.id === 'ManagedImageCli')).toHaveLength(1);
  });

  test('no credential from the environment reaches the synthesized JSON', () => {
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'AKIDSYNTHLEAK';
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'synth-secret-value';
    try {
      const json = JSON.stringify(synth({ imageName: 'web' }));
      expect(json).not.toContain('AKIDSYNTHLEAK');
      expect(json).not.toContain('synth-secret-value');
    } finally {
      delete process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
      delete process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
    }
  });

  test('uses its own terraform_data binding (no per-instance terraform version probe)', () => {
    const stack = newStack();
    const image = new ManagedCustomImage(stack, 'I', { regionId: 'cn-hangzhou', imageId: 'm-bp1x' });
    expect(image.node.findChild('reconciler')).toBeInstanceOf(TerraformData);
    // constructs keeps registered validations in a private array; none may be registered.
    const registered = (c: { node: unknown }) => (c.node as { validations: unknown[] }).validations;
    expect(stack.node.findAll().flatMap(registered)).toEqual([]);
  });
});

describe('ordering within a stack', () => {
  test('deprecations wait for every revival and family join of the region, and run one at a time in path order', () => {
    const stack = newStack();
    new ManagedCustomImage(stack, 'New', { regionId: 'cn-hangzhou', imageId: 'm-bp1new', imageFamily: 'web' });
    new ManagedCustomImage(stack, 'Revived', { regionId: 'cn-hangzhou', imageId: 'm-bp1rev', status: ImageStatus.AVAILABLE });
    new ManagedCustomImage(stack, 'OldA', { regionId: 'cn-hangzhou', imageId: 'm-bp1olda', status: ImageStatus.DEPRECATED });
    new ManagedCustomImage(stack, 'OldB', { regionId: 'cn-hangzhou', imageId: 'm-bp1oldb', status: ImageStatus.DEPRECATED });
    new ManagedCustomImage(stack, 'Elsewhere', { regionId: 'cn-shanghai', imageId: 'm-uf6else', imageFamily: 'web' });
    const s = synthStack(stack);
    const barrier = address(s, 'ManagedImages_order_cn-hangzhou');
    expect(resource(s, 'ManagedImages_order_cn-hangzhou').depends_on!.sort()).toEqual(
      [address(s, 'New_reconciler'), address(s, 'Revived_reconciler')].sort(),
    );
    expect(resource(s, 'OldA_reconciler').depends_on).toEqual([address(s, 'OldA_deletion'), barrier]);
    expect(resource(s, 'OldB_reconciler').depends_on).toEqual([address(s, 'OldB_deletion'), barrier, address(s, 'OldA_reconciler')]);
    expect(resource(s, 'New_reconciler').depends_on).toEqual([address(s, 'New_deletion')]);
    expect(resource(s, 'Elsewhere_reconciler').depends_on).toEqual([address(s, 'Elsewhere_deletion')]);
  });

  test('deprecations at destroy run one at a time', () => {
    const stack = newStack();
    for (const n of ['A', 'B', 'C'])
      new ManagedCustomImage(stack, n, {
        regionId: 'cn-hangzhou',
        imageId: `m-bp1${n.toLowerCase()}`,
        deletionPolicy: DeletionPolicy.DEPRECATE,
      });
    const s = synthStack(stack);
    expect(resource(s, 'A_deletion').depends_on).toBeUndefined();
    expect(resource(s, 'B_deletion').depends_on).toEqual([address(s, 'A_deletion')]);
    expect(resource(s, 'C_deletion').depends_on).toEqual([address(s, 'B_deletion')]);
  });

  test('dependsOn works both ways: a construct takes it, and can itself be depended on', () => {
    const stack = newStack();
    const first = new ManagedCustomImage(stack, 'First', { regionId: 'cn-hangzhou', imageId: 'm-bp1first', imageName: 'first' });
    const other = new TerraformData(stack, 'other', {});
    new ManagedCustomImage(stack, 'Second', {
      regionId: 'cn-hangzhou',
      imageId: 'm-bp1second',
      imageName: 'second',
      dependsOn: [first, other],
    });
    new TerraformData(stack, 'after', { dependsOn: [first] });
    const s = synthStack(stack);
    expect(resource(s, 'Second_reconciler').depends_on).toEqual([
      address(s, 'First_reconciler'),
      'terraform_data.other',
      address(s, 'Second_deletion'),
    ]);
    expect(resource(s, 'after').depends_on).toEqual([address(s, 'First_reconciler')]);
  });
});

describe('ManagedCustomImage validation at synth', () => {
  const make = (props: Partial<ManagedCustomImageProps>) => () =>
    new ManagedCustomImage(new TerraformStack(new App({ outdir: Testing.app().outdir }), 's'), 'Web', {
      regionId: 'cn-hangzhou',
      imageId: 'm-bp1web',
      ...props,
    } as ManagedCustomImageProps);

  test.each([
    [
      { imageName: 'aliyun-web' },
      'ManagedCustomImage s/Web: imageName "aliyun-web" is not valid: it must not start with "aliyun" or "acs:".',
    ],
    [{ description: 'http://x.example' }, 'description "http://x.example" is not valid: it must not start with "http://" or "https://".'],
    [
      { description: 'bad\u0000nul' },
      'description "bad\\u0000nul" is not valid: it must not contain ASCII control characters other than tab, carriage return and line feed',
    ],
    [
      { description: 'esc\u001b and del\u007f' },
      'it must not contain ASCII control characters other than tab, carriage return and line feed',
    ],
    [{ imageName: 'web-${var.x}' }, 'imageName "web-${var.x}" is not valid: it may contain only letters'],
    [{ features: { imdsSupport: 'v3' as ImdsSupport } }, 'features.imdsSupport "v3" is not valid: it must be one of "v1", "v2".'],
    [{ bootMode: 'EFI' as BootMode }, 'bootMode "EFI" is not valid: it must be one of "BIOS", "UEFI", "UEFI-Preferred".'],
    [
      { imageId: 'ubuntu_22_04.vhd' },
      'imageId "ubuntu_22_04.vhd" is not valid: it must be a custom image ID such as "m-bp1g7004ksh0oeuc0001"',
    ],
    [{ imageId: '${var.image_id}' }, 'imageId "${var.image_id}" is not valid: it must be a custom image ID'],
    [{ regionId: undefined }, 'regionId is required.'],
    [{ waitTimeout: 1.5 }, 'waitTimeout 1.5 is not valid: it must be a whole number of seconds from 0 to 86400.'],
    [{ waitTimeout: NaN }, 'waitTimeout NaN is not valid: it must be a whole number of seconds from 0 to 86400.'],
    [
      { deletionPolicy: 'Delete' as DeletionPolicy },
      'deletionPolicy "Delete" is not valid: it must be one of "Retain", "Deprecate", "Restore".',
    ],
    [
      { deletionPolicy: DeletionPolicy.RESTORE, driftDetection: false },
      'deletionPolicy "Restore" is not valid: it needs driftDetection, whose plan-time read records the values to put back, and driftDetection is false; turn driftDetection on or choose another deletionPolicy.',
    ],
    [{ imagename: 'web' } as never, 'imagename "web" is not a known property. Did you mean imageName?'],
    [{ features: { imds: 'v2' } } as never, 'features.imds "v2" is not a known property. Did you mean features.imdsSupport?'],
    [{ colour: 'blue' } as never, 'colour "blue" is not a known property.'],
  ])('%j is refused, naming the prop and the rule', (props, message) => {
    expect(make(props)).toThrow(message);
  });

  test('the example image ID the rule gives is itself valid', () => {
    expect(make({ imageId: 'm-bp1g7004ksh0oeuc0001' })).not.toThrow();
  });

  test('the same image twice in one stack is refused, naming both paths; in two stacks it is not', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'one');
    new ManagedCustomImage(stack, 'First', { regionId: 'cn-hangzhou', imageId: 'm-bp1twice', imageName: 'a-name' });
    expect(() => new ManagedCustomImage(stack, 'Second', { regionId: 'cn-hangzhou', imageId: 'm-bp1twice', description: 'other' })).toThrow(
      'Image m-bp1twice in cn-hangzhou is declared twice in one stack, by one/First and by one/Second',
    );
    expect(() => new ManagedCustomImage(stack, 'OtherRegion', { regionId: 'cn-shanghai', imageId: 'm-bp1twice' })).not.toThrow();
    expect(
      () => new ManagedCustomImage(new TerraformStack(app, 'two'), 'First', { regionId: 'cn-hangzhou', imageId: 'm-bp1twice' }),
    ).not.toThrow();
  });

  test('token values pass through to be checked by the reader and the handler once known', () => {
    const stack = newStack();
    const name = new TerraformVariable(stack, 'name', { type: 'string' });
    const source = new TerraformData(stack, 'source', { input: { id: 'm-bp1fromtoken' } });
    new ManagedCustomImage(stack, 'Web', { regionId: 'cn-hangzhou', imageId: source.id, imageName: name.stringValue });
    const s = synthStack(stack);
    expect(resource(s, 'Web_reconciler').triggers_replace).toMatchObject({
      image_id: '${terraform_data.source.id}',
      image_name: '${var.name}',
    });
  });
});

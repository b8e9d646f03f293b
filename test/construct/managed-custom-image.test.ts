import { App, TerraformStack, Testing } from 'cdktf';
import { TerraformData } from '../../lib/construct/terraform-data';
import { BootMode, DeletionPolicy, ImageStatus, ImdsSupport, ManagedCustomImage, ManagedCustomImageProps, NvmeSupport } from '../../lib';

type Synth = {
  resource: {
    terraform_data: Record<
      string,
      {
        input?: Record<string, string>;
        triggers_replace?: Record<string, string>;
        lifecycle?: unknown;
        provisioner?: { 'local-exec': { command: string; interpreter: string[]; when?: string } }[];
      }
    >;
  };
  data?: { external?: Record<string, { program: string[]; query: Record<string, string> }> };
  terraform?: { required_providers?: Record<string, unknown> };
};

function synth(props: Partial<ManagedCustomImageProps> = {}, count = 1): Synth {
  const json = Testing.synthScope((scope) => {
    for (let i = 0; i < count; i++) {
      new ManagedCustomImage(scope, `Image${i}`, { regionId: 'cn-hangzhou', imageId: `m-bp1web000${i}`, ...props });
    }
  });
  return JSON.parse(json) as Synth;
}

const byPath = (s: Synth, suffix: string) => {
  const entry = Object.entries(s.resource.terraform_data).find(([k]) => k.startsWith(`Image0_${suffix}`));
  if (!entry) throw new Error(`no terraform_data ${suffix}`);
  return entry[1];
};

describe('ManagedCustomImage synthesis', () => {
  test('desired attributes become snake_case triggers; the drift marker comes from the plan-time read', () => {
    const s = synth({
      imageName: 'web-v2',
      status: ImageStatus.AVAILABLE,
      features: { nvmeSupport: NvmeSupport.SUPPORTED, imdsSupport: ImdsSupport.V2 },
    });
    expect(byPath(s, 'reconciler').triggers_replace).toEqual({
      region_id: 'cn-hangzhou',
      image_id: 'm-bp1web0000',
      image_name: 'web-v2',
      status: 'Available',
      nvme_support: 'supported',
      imds_support: 'v2',
      sync_token: expect.stringMatching(/^\$\{data\.external\.Image0_read_[0-9A-F]+\.result\.sync_token\}$/),
    });
    const read = Object.values(s.data!.external!)[0];
    expect(read.query).toEqual({
      region_id: 'cn-hangzhou',
      image_id: 'm-bp1web0000',
      image_name: 'web-v2',
      status: 'Available',
      nvme_support: 'supported',
      imds_support: 'v2',
    });
    expect(read.program).toEqual([
      'node',
      expect.stringMatching(/^\$\{path\.module\}\/assets\/ManagedImageCli\/[0-9A-F]+\/managed-image\.js$/),
      'read',
    ]);
    expect(s.terraform!.required_providers).toEqual({ external: { source: 'hashicorp/external', version: '>= 1.2.0, < 3.0.0' } });
  });

  test('the handler runs from provisioners with an interpreter list: no shell, and no user value in the command', () => {
    const description = 'golden $(rm -rf /) `id`; echo "x" | sh';
    const s = synth({ description });
    for (const resource of Object.values(s.resource.terraform_data)) {
      for (const p of resource.provisioner ?? []) {
        expect(p['local-exec'].interpreter).toEqual(['node', expect.stringContaining('managed-image.js'), 'handle']);
        expect(p['local-exec'].command).toMatch(/^\$\{jsonencode\(\{.*\}\)\}$/);
        expect(p['local-exec'].command).not.toContain('rm -rf');
      }
    }
    expect(byPath(s, 'reconciler').triggers_replace!.description).toBe(description);
  });

  test('the create command passes exactly the managed attributes, in the API shape', () => {
    const s = synth({ imageFamily: 'web', features: { imdsSupport: ImdsSupport.V2 } });
    expect(byPath(s, 'reconciler').provisioner![0]['local-exec'].command).toBe(
      '${jsonencode({"RequestType" = "Create", "ResourceProperties" = {"RegionId" = self.triggers_replace.region_id, "ImageId" = self.triggers_replace.image_id, ' +
        '"ImageFamily" = self.triggers_replace.image_family, "Features" = {"ImdsSupport" = self.triggers_replace.imds_support}, ' +
        '"AllowEmptyFamily" = self.input.allow_empty_family, "WaitTimeoutSeconds" = self.input.wait_timeout_seconds, "SyncToken" = self.triggers_replace.sync_token}})}',
    );
  });

  test('the deletion policy lives on a resource replaced only when the image changes, and runs at destroy from self only', () => {
    const s = synth({ imageName: 'web', deletionPolicy: DeletionPolicy.RESTORE });
    const deletion = byPath(s, 'deletion');
    expect(deletion.triggers_replace).toEqual({ region_id: 'cn-hangzhou', image_id: 'm-bp1web0000' });
    expect(deletion.input).toMatchObject({
      deletion_policy: 'Restore',
      restore_image_name: expect.stringMatching(/^\$\{terraform_data\.Image0_snapshot_[0-9A-F]+\.output\.current_image_name\}$/),
    });
    const exec = deletion.provisioner![0]['local-exec'];
    expect(exec.when).toBe('destroy');
    expect(exec.command.match(/\b(self|data|terraform_data|var|local)\.[a-z_]+/g)!.every((ref) => ref.startsWith('self.'))).toBe(true);
    expect(exec.command).toContain('"RestoreTo" = {"ImageName" = self.input.restore_image_name}');
  });

  test('the snapshot is recorded once: its input is never updated', () => {
    expect(byPath(synth({ imageName: 'web' }), 'snapshot').lifecycle).toEqual({ ignore_changes: ['input'] });
  });

  test('driftDetection false leaves out the read, the snapshot and the external provider', () => {
    const s = synth({ imageName: 'web', driftDetection: false });
    expect(s.data).toBeUndefined();
    expect(s.terraform?.required_providers).toBeUndefined();
    expect(
      Object.keys(s.resource.terraform_data)
        .map((k) => k.split('_')[1])
        .sort(),
    ).toEqual(['deletion', 'reconciler']);
    expect(byPath(s, 'reconciler').triggers_replace).not.toHaveProperty('sync_token');
  });

  test('plain strings work wherever an enum is expected', () => {
    const s = synth({ bootMode: 'UEFI-Preferred' as BootMode, status: 'Deprecated' as ImageStatus });
    expect(byPath(s, 'reconciler').triggers_replace).toMatchObject({ boot_mode: 'UEFI-Preferred', status: 'Deprecated' });
  });

  test('options default and pass through as strings', () => {
    expect(byPath(synth({}), 'reconciler').input).toEqual({ allow_empty_family: 'false', wait_timeout_seconds: '1200' });
    expect(byPath(synth({ allowEmptyFamily: true, waitTimeout: 60 }), 'reconciler').input).toEqual({
      allow_empty_family: 'true',
      wait_timeout_seconds: '60',
    });
  });

  test('many images share one copy of the CLI bundle', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'many');
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
    const app = Testing.app();
    const stack = new TerraformStack(app, 's');
    const image = new ManagedCustomImage(stack, 'I', { regionId: 'cn-hangzhou', imageId: 'm-bp1x' });
    expect(image.node.findChild('reconciler')).toBeInstanceOf(TerraformData);
    // constructs keeps registered validations in a private array; none may be registered.
    const registered = (c: { node: unknown }) => (c.node as { validations: unknown[] }).validations;
    expect(stack.node.findAll().flatMap(registered)).toEqual([]);
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
    [{ features: { imdsSupport: 'v3' as ImdsSupport } }, 'features.imdsSupport "v3" is not valid: it must be one of "v1", "v2".'],
    [{ bootMode: 'EFI' as BootMode }, 'bootMode "EFI" is not valid: it must be one of "BIOS", "UEFI", "UEFI-Preferred".'],
    [{ imageId: 'ubuntu_22_04.vhd' }, 'imageId "ubuntu_22_04.vhd" is not valid: it must be a custom image ID'],
    [{ regionId: undefined }, 'regionId is required.'],
    [{ waitTimeout: 1.5 }, 'waitTimeout 1.5 is not valid: it must be a whole number of seconds from 0 to 86400.'],
    [
      { deletionPolicy: 'Delete' as DeletionPolicy },
      'deletionPolicy "Delete" is not valid: it must be one of "Retain", "Deprecate", "Restore".',
    ],
    [
      { deletionPolicy: DeletionPolicy.RESTORE, driftDetection: false },
      'deletionPolicy "Restore" is not valid: it needs driftDetection, whose plan-time read records the values to put back, and driftDetection is false; turn driftDetection on or choose another deletionPolicy.',
    ],
  ])('%j is refused, naming the prop and the rule', (props, message) => {
    expect(make(props)).toThrow(message);
  });

  test('token values pass through to be checked by the handler at apply', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 's');
    const source = new TerraformData(stack, 'source', { input: { id: 'm-bp1fromtoken' } });
    new ManagedCustomImage(stack, 'Web', { regionId: 'cn-hangzhou', imageId: source.outputValue('id'), imageName: 'web' });
    const s = JSON.parse(Testing.synth(stack)) as Synth;
    const reconciler = Object.entries(s.resource.terraform_data).find(([k]) => k.startsWith('Web_reconciler'))![1];
    expect(reconciler.triggers_replace!.image_id).toMatch(/^\$\{terraform_data\.source\.output\.id\}$/);
  });

  test('a raw Terraform expression passes through like a token', () => {
    expect(make({ imageId: '${var.image_id}', imageName: '${var.name}' })).not.toThrow();
  });
});

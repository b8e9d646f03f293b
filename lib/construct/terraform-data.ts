import { Construct } from 'constructs';
import { anyToTerraform, dependable, hashMapper, ITerraformDependable, TerraformMetaArguments, TerraformResource } from './cdk';

/** Configuration of a {@link TerraformData}. */
export interface TerraformDataConfig extends TerraformMetaArguments {
  /** Stored in state and mirrored in `output`; a change is an in-place update (runs no provisioner). */
  readonly input?: { [key: string]: string };
  /** Stored in state; a change replaces the resource (destroy, then create). */
  readonly triggersReplace?: { [key: string]: string };
}

/**
 * The `depends_on` entry for `d`: a resource of this stack written as its address (what cdktf's
 * `dependable()` resolves to), since each `dependable()` call makes a token, and making a token
 * records a stack trace (about half of synth time at 500 images, with source maps under ts-node).
 */
function address(d: ITerraformDependable): string {
  return d instanceof TerraformResource ? `${d.terraformResourceType}.${d.friendlyUniqueId}` : dependable(d);
}

/**
 * A minimal binding of the built-in `terraform_data` resource (Terraform >= 1.4, OpenTofu >= 1.6).
 *
 * cdktf's own `DataResource` adds a validation per instance that runs `terraform version` at
 * synth (tens of milliseconds each, multiplied by every image in a stack); this binding leaves it
 * out. It needs no provider.
 */
export class TerraformData extends TerraformResource {
  public static readonly tfResourceType = 'terraform_data';
  private readonly config: TerraformDataConfig;
  private readonly lateDependencies: (() => readonly ITerraformDependable[])[] = [];

  constructor(scope: Construct, id: string, config: TerraformDataConfig = {}) {
    super(scope, id, {
      terraformResourceType: TerraformData.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'terraform' },
      dependsOn: config.dependsOn,
      count: config.count,
      provider: config.provider,
      lifecycle: config.lifecycle,
      forEach: config.forEach,
      provisioners: config.provisioners,
      connection: config.connection,
    });
    this.config = config;
  }

  /** The resource's id (a random UUID Terraform assigns at create). */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The stored `input`, as a map of strings. */
  public get output(): { [key: string]: string } {
    return this.getStringMapAttribute('output');
  }

  /**
   * One value of `output` (the stored `input`) as a Terraform expression, e.g.
   * `${terraform_data.x.output.current_image_name}`. Written out for the reason given in
   * ExternalData.resultValue (token creation records a stack trace).
   */
  public outputValue(key: string): string {
    return `\${${TerraformData.tfResourceType}.${this.friendlyUniqueId}.output.${key}}`;
  }

  /**
   * Adds dependencies known only once the whole stack is built (ordering between constructs):
   * `produce` runs at synth, when every construct exists.
   */
  public addLateDependencies(produce: () => readonly ITerraformDependable[]): void {
    this.lateDependencies.push(produce);
  }

  public get terraformMetaArguments(): { [name: string]: unknown } {
    const base = super.terraformMetaArguments;
    const late = [...new Set(this.lateDependencies.flatMap((produce) => produce()))].filter((d) => d !== this);
    if (late.length === 0) return base;
    return { ...base, dependsOn: [...((base.dependsOn as string[] | undefined) ?? []), ...late.map(address)] };
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return {
      input: hashMapper(anyToTerraform)(this.config.input),
      triggers_replace: hashMapper(anyToTerraform)(this.config.triggersReplace),
    };
  }
}

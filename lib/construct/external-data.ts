import { Construct } from 'constructs';
import { listMapper, hashMapper, stringToTerraform, TerraformDataSource, TerraformProvider, TerraformStack } from './cdk';

/**
 * A minimal binding of the `hashicorp/external` provider. The only published one is archived,
 * pins `~> 2.1` and pulls in real cdktf (see the README), so this library writes the few lines it needs.
 */
export class ExternalProvider extends TerraformProvider {
  public static readonly tfResourceType = 'external';

  /** The one provider of a stack: created on first use. */
  public static of(scope: Construct): ExternalProvider {
    const stack = TerraformStack.of(scope);
    const id = 'ManagedImageExternalProvider';
    return (stack.node.tryFindChild(id) as ExternalProvider | undefined) ?? new ExternalProvider(stack, id);
  }

  private constructor(scope: Construct, id: string) {
    super(scope, id, {
      terraformResourceType: ExternalProvider.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'external', providerVersionConstraint: '>= 1.2.0, < 3.0.0' },
      terraformProviderSource: 'hashicorp/external',
    });
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return {};
  }
}

/** Configuration of an {@link ExternalData}. */
export interface ExternalDataConfig {
  /** The program and its arguments, run without a shell. */
  readonly program: string[];
  /** Passed to the program as a JSON object on stdin; a function is called at synth (a query built from the whole stack). */
  readonly query: { [key: string]: string } | (() => { [key: string]: string });
}

/** The `external` data source: runs a program at plan time and reads a flat map of strings from it. */
export class ExternalData extends TerraformDataSource {
  public static readonly tfResourceType = 'external';
  private readonly config: ExternalDataConfig;

  constructor(scope: Construct, id: string, config: ExternalDataConfig) {
    super(scope, id, {
      terraformResourceType: ExternalData.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'external' },
      provider: ExternalProvider.of(scope),
    });
    this.config = config;
  }

  /**
   * One value of `result` as a Terraform expression, e.g. `${data.external.x.result.sync_token}`.
   * Written out rather than taken from `getStringAttribute`, whose token records a full stack
   * trace on creation: with several references per image that dominated synth time.
   */
  public resultValue(key: string): string {
    return `\${${this.resultRef(key)}}`;
  }

  /** The same reference without `${}`, to compose into a larger expression: `data.external.x.result["k"]`. */
  public resultRef(key: string): string {
    return `data.${ExternalData.tfResourceType}.${this.friendlyUniqueId}.result[${JSON.stringify(key)}]`;
  }

  /** The whole result map, as a reference without `${}`. */
  public get resultMapRef(): string {
    return `data.${ExternalData.tfResourceType}.${this.friendlyUniqueId}.result`;
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return {
      program: listMapper(stringToTerraform, false)(this.config.program),
      query: hashMapper(stringToTerraform)(typeof this.config.query === 'function' ? this.config.query() : this.config.query),
    };
  }
}

import { Construct } from 'constructs';
import { TerraformElement } from '../cdk';

/** A `check` block with one assertion (Terraform >= 1.5, OpenTofu >= 1.6): a failing one is a warning in the plan. */
export interface CheckBlock {
  /** Called at synth: the block's name (unique in the stack). */
  readonly name: () => string;
  /** An expression without `${}` that is true when all is well. */
  readonly condition: string;
  /** An expression without `${}` giving the warning's text. */
  readonly message: string;
}

/**
 * The blocks of a stack that cdktf has no construct for, rendered by one element so that their
 * cost at synth does not grow with a construct per block: `locals` and `check` blocks.
 */
export class StackBlocks extends TerraformElement {
  private readonly locals = new Map<string, string>();
  private readonly checks: CheckBlock[] = [];

  constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  /** Adds `local.<name>`, the value of `expression` (a whole-value expression, `${...}`). */
  public addLocal(name: string, expression: string): void {
    this.locals.set(name, expression);
  }

  public addCheck(check: CheckBlock): void {
    this.checks.push(check);
  }

  public toTerraform(): { [key: string]: unknown } {
    return {
      ...(this.locals.size > 0 ? { locals: Object.fromEntries(this.locals) } : {}),
      ...(this.checks.length > 0
        ? {
            check: Object.fromEntries(
              this.checks.map((c) => [c.name(), { assert: [{ condition: `\${${c.condition}}`, error_message: `\${${c.message}}` }] }]),
            ),
          }
        : {}),
    };
  }
}

/**
 * Builds the Terraform expressions the provisioners pass to the CLI. Only constants of this
 * library and references such as `self.input.x` go into them: a user's value always travels
 * through Terraform's state and `jsonencode`, never through text we assemble, and never a shell.
 */

/** A Terraform expression, used as is. */
export class Expr {
  constructor(public readonly text: string) {}
}

export type HclValue = string | Expr | HclObject;
export interface HclObject {
  readonly [key: string]: HclValue | undefined;
}

/** A constant string as a Terraform string literal (interpolation sequences escaped). */
function literal(value: string): string {
  return JSON.stringify(value).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

export function hclValue(value: HclValue): string {
  if (typeof value === 'string') return literal(value);
  if (value instanceof Expr) return value.text;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined) as [string, HclValue][];
  return `{${entries.map(([k, v]) => `${literal(k)} = ${hclValue(v)}`).join(', ')}}`;
}

/** `${jsonencode({...})}`: the whole command argument is one JSON document built by Terraform. */
export function jsonencoded(value: HclObject): string {
  return `\${jsonencode(${hclValue(value)})}`;
}

export const self = (path: string) => new Expr(`self.${path}`);

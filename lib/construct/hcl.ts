/**
 * Builds the Terraform expressions the provisioners pass to the CLI. Only constants of this
 * library and references such as `self.input.x` go into them: a user's value always travels
 * through Terraform's state and `jsonencode`, never through text we assemble, and never a shell.
 */

/** A Terraform expression, used as is. */
export class Expr {
  constructor(public readonly text: string) {}
}

export type HclValue = string | Expr | HclObject | readonly HclValue[];
export interface HclObject {
  readonly [key: string]: HclValue | undefined;
}

/**
 * Escapes template sequences so Terraform reads the text literally: `${` becomes `$${` and `%{`
 * becomes `%%{` (the replacement is a function: in a replacement *string*, `$$` means one `$`).
 */
export function escapeTemplate(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** A constant string as a Terraform string literal (interpolation sequences escaped). */
function literal(value: string): string {
  return escapeTemplate(JSON.stringify(value));
}

export function hclValue(value: HclValue): string {
  if (typeof value === 'string') return literal(value);
  if (value instanceof Expr) return value.text;
  if (Array.isArray(value)) return `[${value.map((v) => hclValue(v)).join(', ')}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined) as [string, HclValue][];
  return `{${entries.map(([k, v]) => `${literal(k)} = ${hclValue(v)}`).join(', ')}}`;
}

/**
 * The shape of `T` with every scalar replaced by a Terraform expression or a constant: an event
 * written as a template of the handler contract, so the compiler checks every field name.
 */
export type Template<T> = T extends string | number | boolean
  ? Expr | string
  : T extends object
    ? { readonly [K in keyof T]?: Template<T[K]> }
    : never;

/** `${jsonencode({...})}`: the whole command argument is one JSON document built by Terraform. */
export function jsonencoded(value: object): string {
  return `\${jsonencode(${hclValue(value as HclObject)})}`;
}

export const self = (path: string) => new Expr(`self.${path}`);

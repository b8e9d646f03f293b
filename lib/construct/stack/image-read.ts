/**
 * Where one image's plan-time read result is found: a key of the read protocol's result (see
 * protocol/read.ts) as a Terraform reference, without `${}`, ready to compose into expressions.
 */
export interface ImageRead {
  ref(key: string): string;
}

/** `${<reference>}`: a reference as a whole-value expression. */
export function expr(reference: string): string {
  return `\${${reference}}`;
}

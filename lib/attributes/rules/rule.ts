/**
 * A validation rule: returns the rule the value breaks, in words a person can act on,
 * or undefined when the value is fine.
 */
export type Rule = (value: string) => string | undefined;

/** Runs rules in order and returns the first broken one. */
export function firstBroken(value: string, rules: readonly Rule[]): string | undefined {
  for (const rule of rules) {
    const broken = rule(value);
    if (broken !== undefined) return broken;
  }
  return undefined;
}

/** ASCII control characters other than tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Whether the text holds an ASCII control character the API refuses (tab, CR and LF are allowed). */
export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

/** Length in characters as a person counts them (a Chinese character is one). */
export function characterCount(value: string): number {
  return [...value].length;
}

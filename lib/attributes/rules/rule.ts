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

/** Length in characters as a person counts them (a Chinese character is one). */
export function characterCount(value: string): number {
  return [...value].length;
}

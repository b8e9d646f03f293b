import { bootModeInUseGuard } from './boot-mode-in-use';
import { deprecateLastInFamilyGuard } from './deprecate-last-in-family';
import { deprecateSharedGuard } from './deprecate-shared';
import { Guard, GuardContext, GuardRefusal } from './guard';
import { imdsDowngradeGuard } from './imds-downgrade';
import { nameTakenGuard } from './name-taken';

export type { CheckedByCaller, Guard, GuardContext, GuardRefusal } from './guard';

/** Every guard, cheapest first (the first needs no call). */
export const GUARDS: readonly Guard[] = [
  imdsDowngradeGuard,
  nameTakenGuard,
  bootModeInUseGuard,
  deprecateSharedGuard,
  deprecateLastInFamilyGuard,
];

/** Runs every guard and returns all refusals (empty when the changes may be sent). */
export async function runGuards(ctx: GuardContext): Promise<GuardRefusal[]> {
  const refusals: GuardRefusal[] = [];
  for (const guard of GUARDS) {
    const refusal = await guard(ctx);
    if (refusal) refusals.push(refusal);
  }
  return refusals;
}

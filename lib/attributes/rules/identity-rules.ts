import { RULES } from '../../messages/validation';

export function checkRegionId(value: string): string | undefined {
  return /^[a-z]{2,}(-[a-z0-9]+)+$/.test(value) ? undefined : RULES.regionId;
}

export function checkImageId(value: string): string | undefined {
  return /^m-[A-Za-z0-9]+$/.test(value) ? undefined : RULES.imageId;
}

export * from './enums';
export * from './props';
export * from './managed-custom-image';
export * from './family-props';
export * from './golden-image-family';
export * from './managed-image-policy';

export * from './enums';
export * from './props';
export * from './managed-custom-image';

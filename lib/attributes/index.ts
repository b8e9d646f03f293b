export * from './attribute-names';
export * from './value-sets';
export * from './image-properties';
export * from './diff';
export * from './validate';
export * from './violation';
export * from './terraform-keys';

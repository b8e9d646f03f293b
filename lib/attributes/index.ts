export * from './attribute-spec';
export * from './attributes';
export * from './value-sets';
export * from './image-properties';
export * from './diff';
export * from './validate';
export * from './violation';
export * from './terraform-keys';

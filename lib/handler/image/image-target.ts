/** Which image: the region it lives in and its id. */
export interface ImageTarget {
  readonly regionId: string;
  readonly imageId: string;
}

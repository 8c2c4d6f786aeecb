// Placeholders have no identity of their own: fixed ids, so React keys never come from an index.
export const SKELETON_TILE_IDS = Array.from({ length: 18 }, (_, i) => `tile-${i}`);

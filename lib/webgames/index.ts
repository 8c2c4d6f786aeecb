export * from "./codes";
export * from "./currencies";
export * from "./signature";
export * from "./client";
export * from "./launch-url";
export * from "./callback-request";

export * from "./callback-request";
export * from "./client";
export * from "./codes";
export * from "./currencies";
export * from "./launch-url";
export * from "./signature";

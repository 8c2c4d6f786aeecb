export * from "./adjust";
export * from "./errors";
export * from "./launch";
export * from "./money";
export * from "./operations";
export * from "./tokens";

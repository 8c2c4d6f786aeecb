export * from "./errors";
export * from "./money";
export * from "./tokens";
export * from "./launch";
export * from "./operations";
export * from "./adjust";

export * from "./common";
export * from "./workspace";
export * from "./function";
export * from "./logs";
export * from "./observability";
export * from "./build";
export * from "./deploy";
export * from "./registry-url";

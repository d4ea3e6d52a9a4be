/**
 * The phrasebook: the words of the domain, one file per concept, writing and reading side by
 * side. The narrative writes with these words; drafts are read with the same ones.
 */
export * from "./approximation";
export * from "./change";
export * from "./fields";
export * from "./figures";
export * from "./frames";
export * from "./numbering";
export * from "./period";
export * from "./scale";
export * from "./status";

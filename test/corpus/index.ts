/** The fill corpus: every report of shared/seeds/ with the answer of each X (see README.md). */
import { SEED_000 } from "./seed-000";
import { SEED_001 } from "./seed-001";
import { SEED_002 } from "./seed-002";
import { SEED_003 } from "./seed-003";
import { CorpusReport } from "./types";

export * from "./types";
export { SEED_000, SEED_001, SEED_002, SEED_003 };

export const CORPUS: CorpusReport[] = [SEED_000, SEED_001, SEED_002, SEED_003];

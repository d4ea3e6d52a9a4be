/**
 * What a district roll-up (汇总) is made of: the units (one workbook each), the indicators
 * matched across them with their sums and recomputed rates, the findings, the paragraphs.
 * These shapes are the `rollup --format json` contract: add keys freely, never rename one.
 */
import type { Standing } from "../lexicon/status";
import type {
  Analysis,
  AnalysisSection,
  Approximation,
  Category,
  Direction,
  Finding,
  Indicator,
  Paragraph,
} from "../model";

export type UnitAnalysis = Pick<Analysis, "indicators" | "findings" | "tables" | "months" | "year">;

/** One sub-district's workbook, read and analysed. */
export interface UnitInput {
  /** The file name as given ("A街道.xlsx"): how messages name the workbook. */
  file: string;
  /** The unit's name: from its 填报单位 line or title, else the file name (unit-name.ts). */
  named: { name: string; from: "title" | "reporter" | "file"; district?: string };
  /** What the roll-up reads of the unit's analysis (its paragraphs are not needed). */
  analysis: UnitAnalysis;
}

/** A file that could not be read: named with its error, and the roll-up goes on. */
export interface UnreadFile {
  file: string;
  message: string;
  messageEn: string;
}

/**
 * A file read but not counted: a workbook of another year than the district's (`year`), or a
 * second file of a unit counted from another (`of`).
 */
export interface LeftOutFile {
  file: string;
  reason: "otherYear" | "sameUnit";
  year?: number;
  of?: string;
}

/** Where a unit's number stands: its file, sheet and cell. */
export interface UnitCell {
  file: string;
  sheet: string;
  cell: string;
}

export interface Unit {
  /** 0-based, the column order of the 汇总 sheet. */
  index: number;
  name: string;
  file: string;
  /** Where the name came from. */
  nameFrom: "title" | "reporter" | "file";
  months: number;
  year?: number;
  /** Of another period than the district's: shown, not counted among the district's units. */
  offPeriod?: boolean;
}

/** One unit's figures for a district indicator, converted into the district's unit. */
export interface UnitFigure {
  unit: number;
  /** The indicator's name and unit as that workbook writes them. */
  name: string;
  unitOfMeasure: string;
  /** unitScale(own) ÷ unitScale(district): 1e-4 for 元 against 万元. */
  factor: number;
  target?: number;
  actual?: number;
  previous?: number;
  completionRate?: number;
  growth?: number;
  /** 约/余 on the completed value: a sum with one is approximate too. */
  approx?: Approximation;
  standing: Standing;
  /** The workbook's engine withheld the row (a value to fix): never summed. */
  withheld?: string;
  /** The unit's workbook covers another period than the district's: shown, never added up. */
  offPeriod?: boolean;
  /** The code of the unit's finding it is withheld for (PARTS_EXCEED_TOTAL). */
  withheldCode?: string;
  /** Withheld for its target cell only: its completed and last year's values still count. */
  /** …or for its completed value's cell only: its target and last year's values still count. */
  withheldField?: "target" | "actual";
  /** Last year's value is in doubt (text, a likely slip): no growth is computed from it. */
  previousHeld?: boolean;
  cells: { name: UnitCell; target?: UnitCell; actual?: UnitCell; previous?: UnitCell };
}

/** A value of the district: a sum the 汇总 sheet computes, or held back with its reason. */
export type DistrictValue =
  /**
   * `of`: the units added. `lacking`: units counted in the completed total that leave this
   * field blank, left out of it and of the rate or growth computed from it (same units).
   */
  | { kind: "sum"; value: number; of: number[]; lacking?: number[] }
  /** Not made: no unit gave it, or `lacking`, units summed for the rest, left it blank. */
  | { kind: "none"; lacking?: number[] }
  /** `cell`: the unit's cell in doubt, where the value is to be fixed. */
  | { kind: "withheld"; code: string; message: string; cell?: UnitCell };

export interface DistrictIndicator {
  /** Stable within the roll-up: the 汇总 sheet's row ("汇总!B5"). */
  id: string;
  name: string;
  unit: string;
  category: Category;
  direction: Direction;
  /** The section titles it stands under in the first unit that has it. */
  section: string[];
  /** The district indicator it is a part of (其中), by id. */
  parentId?: string;
  /** A percentage (参保率, 接种率): shown per unit, never summed. */
  isRate: boolean;
  figures: UnitFigure[];
  /** Units (indices) that did not report it; duplicates and unread files are not units. */
  missing: number[];
  /**
   * Of the `missing`, the units whose row of this name is in a measure that does not convert
   * (户 where the others count 人): not summed, and named as such, never as not reported.
   */
  otherMeasure?: { unit: number; unitOfMeasure: string; cell: UnitCell }[];
  /**
   * Rows of units in a measure of their own (人 where most count 户), kept apart from the
   * district indicator of that name (`id`, in `unit`): no district total of its own.
   */
  apartFrom?: { id: string; unit: string };
  target: DistrictValue;
  actual: DistrictValue;
  previous: DistrictValue;
  /** Σactual ÷ Σtarget over the units that report both. */
  completionRate?: number;
  /** Σactual ÷ Σprevious − 1 over the units that report both. */
  growth?: number;
  /** Units by completed value, largest first (ties share a rank); counts and amounts only. */
  ranks: { unit: number; rank: number }[];
  /** Units behind target (or behind 序时进度 during the year). */
  behind: number[];
  /** Units whose value is more than 10× the median of the others: a likely 元/万元 slip. */
  outliers: number[];
  /** For a rate indicator: the district's rate from the units' bases, or why there is none. */
  rateBase?: RateBase;
  /**
   * For a rate indicator: the lowest and highest values, with every unit at each (`units`,
   * several when tied; `unit` is the first of them).
   */
  range?: { min: RangeEnd; max: RangeEnd };
}

/**
 * A percentage's district value: Σnumerator ÷ Σdenominator ("ratio") or Σ(rate × base) ÷ Σbase
 * ("weighted") over the units that report it, each unit's base read from its own workbook; or
 * none, with the units that lack a base or whose rows disagree with their stated rate.
 */
export type RateBase =
  | {
      kind: "ratio" | "weighted";
      /** In the rate's own terms: 96.12 for 96.12%. */
      value: number;
      /** The base's name as most units write it (应参保人数), and the numerator's for a ratio. */
      base: string;
      numerator?: string;
      units: number[];
      /** The units' base (and numerator) cells it is computed from. */
      cells: UnitCell[];
      /** The district indicators (by index) the bases and numerators are, when each is one. */
      baseGroup?: number;
      numeratorGroup?: number;
    }
  | { kind: "none"; lacking: string[]; disagreeing: string[]; measures?: string[] };

export interface RangeEnd {
  unit: number;
  value: number;
  units: number[];
}

/** A finding of the roll-up: like the engine's, with the file it is in. */
export interface RollupFinding extends Finding {
  file: string;
}

export interface Rollup {
  /** What the units are called ("街道"), for the text. */
  unitKind: string;
  units: Unit[];
  unread: UnreadFile[];
  /** Files that are the same workbook as an earlier one: left out of every sum. */
  duplicates: { file: string; of: string }[];
  /** Files of a unit that are not counted: another year's workbook, or a unit's second file. */
  leftOut: LeftOutFile[];
  indicators: DistrictIndicator[];
  findings: RollupFinding[];
  /**
   * The district's report, as the engine's: sections of paragraphs whose numbers are cells of
   * the 汇总 sheet (sources), rendered by the same faces as a unit's report.
   */
  sections: AnalysisSection[];
  paragraphs: Paragraph[];
  /** The district indicators as engine rows of the 汇总 sheet (what the paragraphs quote). */
  districtIndicators: Indicator[];
  /** "汇总!D5" → the units' cells that 汇总 cell holds or sums. */
  trace: Record<string, UnitCell[]>;
  months: number;
  year?: number;
  /** The district most units name themselves in ("云溪区"), for the title; else 全区. */
  district?: string;
}

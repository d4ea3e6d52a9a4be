/**
 * The corpus checked against itself and its workbooks, before any fill: each sentence stands
 * in the report where the corpus says, every X of the report is answered once, and every
 * value answer is what the workbook's row gives in the sentence's unit (so an invented figure
 * cannot drift from its ledger).
 */
import {
  CorpusRow,
  CorpusWorkbookSpec,
  corpusCells,
  corpusWorkbookSpec,
  isHeading,
} from "../../samples/corpus-workbooks";
import { Answer, CorpusReport, ValueAnswer, placeholders, sentences, unitAfter } from "./types";

/** One X of a report, with its answer. */
export interface PlaceholderCase {
  report: string;
  /** Index of the sentence in report.sentences. */
  sentenceIndex: number;
  sentence: string;
  /** Offsets of the X run in the report text. */
  start: number;
  end: number;
  /** Offsets of the X run in the sentence. */
  sentenceStart: number;
  /** The X with the unit the sentence writes after it ("X万元"). */
  placeholder: string;
  /** Which X of the sentence (1-based). */
  ordinal: number;
  answer: Answer;
}

/** The cases of a report in text order; throws when the corpus does not match its text. */
export function corpusCases(report: CorpusReport): PlaceholderCase[] {
  const split = sentences(report.text).filter((s) => placeholders(s.text).length > 0);
  const problems: string[] = [];
  if (split.length !== report.sentences.length)
    problems.push(
      `${report.id}: the text has ${split.length} sentences with X, the corpus ${report.sentences.length}`
    );
  const cases: PlaceholderCase[] = [];
  const n = Math.min(split.length, report.sentences.length);
  for (let i = 0; i < n; i++) {
    const span = split[i];
    const entry = report.sentences[i];
    if (span.text !== entry.text) {
      problems.push(
        `${report.id} sentence ${i + 1}: text is\n  ${span.text}\ncorpus has\n  ${entry.text}`
      );
      break;
    }
    const xs = placeholders(span.text);
    if (xs.length !== entry.answers.length) {
      problems.push(
        `${report.id} sentence ${i + 1}: ${xs.length} X, ${entry.answers.length} answers: ${entry.text}`
      );
      continue;
    }
    xs.forEach((x, k) => {
      cases.push({
        report: report.id,
        sentenceIndex: i,
        sentence: span.text,
        start: span.start + x.start,
        end: span.start + x.end,
        sentenceStart: x.start,
        placeholder: span.text.slice(x.start, x.end) + unitAfter(span.text, x.end),
        ordinal: k + 1,
        answer: entry.answers[k],
      });
    });
  }
  if (problems.length) throw new Error(problems.join("\n"));
  return cases;
}

const MONEY: Record<string, number> = { 元: 1, 万元: 1e4, 亿元: 1e8 };

/** A unit as scale × base: 万元 → 1e4 × 元, 万人次 → 1e4 × 人次, 余次 → 1 × 次. */
function scaled(unit: string): { scale: number; base: string } {
  let u = unit.replace(/^[余多]/, "");
  if (MONEY[u] !== undefined) return { scale: MONEY[u], base: "元" };
  let scale = 1;
  if (u.startsWith("亿")) {
    scale = 1e8;
    u = u.slice(1);
  } else if (u.startsWith("万")) {
    scale = 1e4;
    u = u.slice(1);
  }
  u = u.replace(/^[余多]/, "");
  return { scale, base: u };
}

function numberOf(value: number | string | null): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string") {
    const m = /-?\d+(?:\.\d+)?/.exec(value.replace(/,/g, ""));
    if (m) return Number(m[0]);
  }
  return undefined;
}

function roundTo2(x: number): number {
  return Math.round(x * 100 + (x >= 0 ? 1e-9 : -1e-9)) / 100;
}

export interface RowRef {
  row: CorpusRow;
  sheet: string;
  /** The cell the answer reads (its 完成数 for a rate or a growth), "sheet!F7". */
  cell: string;
}

const CELLS = new Map<string, ReturnType<typeof corpusCells>>();

function cellsOf(id: string): ReturnType<typeof corpusCells> {
  if (!CELLS.has(id)) CELLS.set(id, corpusCells(id));
  return CELLS.get(id) as ReturnType<typeof corpusCells>;
}

/** The live (not stale) rows an answer names; the corpus needs exactly one. */
export function findRow(spec: CorpusWorkbookSpec, answer: ValueAnswer): RowRef[] {
  const cells = cellsOf(spec.id);
  const found: RowRef[] = [];
  for (const sheet of spec.sheets) {
    if (sheet.stale) continue;
    if (answer.sheet && sheet.key !== answer.sheet) continue;
    // The section a row stands in: its 类别, or the heading rows above it (一、… （一）…).
    let headings: string[] = [];
    for (const line of sheet.lines) {
      if (isHeading(line)) {
        headings = /^（/.test(line.heading) ? [headings[0] ?? "", line.heading] : [line.heading];
        continue;
      }
      if (line.name !== answer.indicator) continue;
      if (
        answer.kind &&
        line.kind !== answer.kind &&
        !headings.some((t) => t.includes(answer.kind ?? ""))
      )
        continue;
      const byRole = cells.get(line) ?? {};
      const role = answer.field === "rate" || answer.field === "growth" ? "actual" : answer.field;
      found.push({ row: line, sheet: sheet.sheet, cell: byRole[role] ?? byRole.name ?? "" });
    }
  }
  return found;
}

/** What the workbook gives for an answer in the unit the sentence writes; undefined: cannot. */
export function expectedValue(
  row: CorpusRow,
  answer: ValueAnswer,
  sentenceUnit: string,
  rounded = true
): number | undefined {
  const round2 = rounded ? roundTo2 : (x: number): number => x;
  const actual = numberOf(row.actual);
  const targetValue = numberOf(row.target);
  if (answer.field === "rate") {
    if (actual === undefined || targetValue === undefined || targetValue === 0) return undefined;
    return round2((actual / targetValue) * 100);
  }
  if (answer.field === "growth") {
    if (actual === undefined || row.previous === null || row.previous === 0) return undefined;
    return round2((actual / row.previous - 1) * 100);
  }
  const raw =
    answer.field === "target"
      ? targetValue
      : answer.field === "previous"
        ? (row.previous ?? undefined)
        : actual;
  if (raw === undefined) return undefined;
  if (row.unit === "%") return round2(raw);
  if (sentenceUnit.replace(/^[余多]/, "") === "") return round2(raw);
  return round2((raw * scaled(row.unit).scale) / scaled(sentenceUnit).scale);
}

/** Every disagreement between the corpus and its workbook, as readable lines. */
export function corpusProblems(report: CorpusReport): string[] {
  const problems: string[] = [];
  let cases: PlaceholderCase[];
  try {
    cases = corpusCases(report);
  } catch (error) {
    return [(error as Error).message];
  }
  const spec = corpusWorkbookSpec(report.id);
  for (const c of cases) {
    const a = c.answer;
    if (a.value === null) continue;
    const rows = findRow(spec, a);
    const where = `${report.id} «${c.sentence.slice(Math.max(0, c.sentenceStart - 12), c.sentenceStart + 8)}» (${c.placeholder})`;
    if (rows.length !== 1) {
      problems.push(`${where}: ${rows.length} rows named ${a.indicator}`);
      continue;
    }
    const unit = unitAfter(c.sentence, c.sentenceStart + (c.end - c.start));
    const approximate = /^[万亿]?[余多]/.test(unit);
    const want = expectedValue(rows[0].row, a, unit, !approximate);
    const values = [a.value, ...(a.alt ?? [])];
    for (const value of values)
      if (!/^-?\d+(\.\d+)?$/.test(value))
        problems.push(`${where}: answer ${value} is not a plain number`);
    if (want === undefined) problems.push(`${where}: ${a.indicator} has no ${a.field}`);
    else if (approximate) {
      // X余/X多: a figure the ledger's number does not fall below, to the decimals written.
      for (const value of values) {
        const step = 10 ** -(value.split(".")[1]?.length ?? 0);
        if (!(Number(value) <= want + 1e-9 && want < Number(value) + step - 1e-9))
          problems.push(
            `${where}: answer ${value}余, the workbook's ${a.indicator} ${a.field} gives ${want}`
          );
      }
    } else if (a.alt?.length) problems.push(`${where}: alternatives only for 余/多 figures`);
    else if (Number(a.value) !== want)
      problems.push(
        `${where}: answer ${a.value}, the workbook's ${a.indicator} ${a.field} gives ${want}`
      );
  }
  return problems;
}

/**
 * Report templates: sentences a statistician writes in a cell, with the workbook's numbers
 * put in by name. The syntax:
 *
 *   {城镇新增就业}              completed value with its unit: "1126人", "12.6亿元"
 *   {城镇新增就业.目标}         a field: 完成(默认) 目标 上年 完成率 增长 增长率 状态 名称 单位
 *   {固定资产投资:万元}         in another unit of the same kind: "126000万元"
 *   {城镇新增就业.完成率:1}     with 1 decimal (0–4): "112.6%"
 *   {城镇新增就业:数}           the number alone, no unit: "1126"
 *   {固定资产投资:亿元:1}       options combine, separated by ":"
 *   {?城镇新增就业 已完成}…{:}…{/}   text when done, else other text; {:} is optional
 *      conditions: 已完成 未完成 超额完成 增长 下降 持平 有目标 有上年 有数据;
 *      "{?!名称 条件}" negates; "{?名称}" alone means "has a completed value"
 *   {{ and }}                   literal braces
 *
 * Full-width ｛｝：．？！ are accepted as typed by a Chinese input method. Names match loosely
 * as everywhere in the report module (names.ts): spaces, full-width forms, 其中 prefixes and
 * close synonyms; "新增就业" finds 城镇新增就业 when no other indicator fits.
 *
 * Why a hand-written tokenizer and parser and no template library: the field names are
 * Chinese words with Chinese punctuation, names must be looked up loosely against the
 * workbook and errors must point at a character of the cell; the add-in runs under a strict
 * Content Security Policy, which rules out any engine that compiles templates with eval or
 * new Function (Handlebars, lodash.template, EJS…), and logic-less ones (Mustache) have
 * neither formats nor conditions on completion. The grammar is small enough to parse by hand.
 */
import { formatAmount, formatNumber, formatPercent, roundTo } from "../../format";
import { isDone, monthsCovered } from "../../evaluate";
import { TEMPLATE_FIELD_WORDS, TemplateField } from "../../lexicon/fields";
import { statusPhrase } from "../../lexicon/status";
import { Analysis, Indicator, SourceSpan } from "../../model";
import { NarrativeContext, ParagraphBuilder, writeGrowthPhrase, writeValue } from "../../narrative";
import { isKnownUnit, normalizeUnit } from "../../units";
import { CodedText } from "../../errors";
import { narrativeContextOf } from "../context";
import { Figure, figureOf, inTextUnit, textUnitOf } from "../figure";
import { indicatorNamed } from "../lookup";
import { Field, say } from "../messages";
import { IndicatorCatalog } from "../names";

// ---------------------------------------------------------------------------
// Syntax tree

export type { TemplateField };

export type Predicate =
  | "done"
  | "notDone"
  | "exceeded"
  | "up"
  | "down"
  | "flat"
  | "hasTarget"
  | "hasPrevious"
  | "hasValue";

export interface TextNode {
  type: "text";
  text: string;
  offset: number;
}

export interface RefNode {
  type: "ref";
  name: string;
  field: TemplateField;
  /** Unit to convert to ("万元"). */
  unit?: string;
  decimals?: number;
  /** The number without its unit. */
  bare?: boolean;
  /** Offset and length of the whole tag, and of the name inside it. */
  offset: number;
  length: number;
  nameOffset: number;
}

export interface IfNode {
  type: "if";
  name: string;
  predicate: Predicate;
  negate: boolean;
  then: TemplateNode[];
  else: TemplateNode[];
  offset: number;
  length: number;
  nameOffset: number;
  /** A condition that could not be read: written as it stands, branches left out. */
  invalid?: boolean;
}

export type TemplateNode = TextNode | RefNode | IfNode;

export interface TemplateError {
  code:
    | "UNCLOSED_TAG"
    | "STRAY_BRACE"
    | "EMPTY_TAG"
    | "UNKNOWN_FIELD"
    | "BAD_OPTION"
    | "UNKNOWN_CONDITION"
    | "UNCLOSED_CONDITION"
    | "NESTED_TOO_DEEP"
    | "STRAY_ELSE"
    | "STRAY_END"
    | "UNKNOWN_INDICATOR"
    | "AMBIGUOUS_INDICATOR"
    | "NO_VALUE";
  message: string;
  messageEn: string;
  /** 0-based offset of the problem in the template, and its length. */
  offset: number;
  length: number;
  /** 1-based line and column (a cell may hold several lines). */
  line: number;
  column: number;
}

const FIELDS = TEMPLATE_FIELD_WORDS;

const PREDICATES: [Predicate, string[]][] = [
  ["exceeded", ["超额完成", "超额"]],
  ["notDone", ["未完成"]],
  ["done", ["已完成", "完成目标", "完成"]],
  ["up", ["增长", "上升", "提高"]],
  ["down", ["下降", "降低", "减少"]],
  ["flat", ["持平"]],
  ["hasTarget", ["有目标"]],
  ["hasPrevious", ["有上年", "有上年同期"]],
  ["hasValue", ["有数据", "已填报", "有完成数"]],
];

const PREDICATE_WORDS = PREDICATES.flatMap(([p, words]) => words.map((w) => ({ p, w }))).sort(
  (a, b) => b.w.length - a.w.length
);

function fieldOf(word: string): TemplateField | undefined {
  const w = word.trim();
  for (const [field, words] of FIELDS) if (words.includes(w)) return field;
  return undefined;
}

// ---------------------------------------------------------------------------
// Tokenizer

type Token =
  | { kind: "text"; text: string; offset: number }
  | { kind: "tag"; body: string; offset: number; length: number; bodyOffset: number };

const OPEN = new Set(["{", "｛"]);
const CLOSE = new Set(["}", "｝"]);

function position(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source[i] === "\n") {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

function makeError(
  source: string,
  code: TemplateError["code"],
  offset: number,
  length: number,
  problem: CodedText
): TemplateError {
  const { line, column } = position(source, offset);
  const text = say("TEMPLATE_AT", { line, column, problem });
  return { code, message: text.zh, messageEn: text.en, offset, length, line, column };
}

/** "{}", "{.目标}", "{?}": a tag without the name of an indicator. */
function emptyTag(
  source: string,
  token: { offset: number; length: number },
  where: "ref" | "condition" | "braces"
): TemplateError {
  return makeError(source, "EMPTY_TAG", token.offset, token.length, say("EMPTY_TAG", { where }));
}

function tokenize(source: string, errors: TemplateError[]): Token[] {
  const tokens: Token[] = [];
  let text = "";
  let textStart = 0;
  const flush = (at: number) => {
    if (text) tokens.push({ kind: "text", text, offset: textStart });
    text = "";
    textStart = at;
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (OPEN.has(ch) && OPEN.has(source[i + 1] ?? "")) {
      if (!text) textStart = i;
      text += "{";
      i += 2;
      continue;
    }
    if (CLOSE.has(ch) && CLOSE.has(source[i + 1] ?? "")) {
      if (!text) textStart = i;
      text += "}";
      i += 2;
      continue;
    }
    if (OPEN.has(ch)) {
      let j = i + 1;
      while (j < source.length && !CLOSE.has(source[j]) && !OPEN.has(source[j])) j++;
      if (j >= source.length || OPEN.has(source[j])) {
        errors.push(makeError(source, "UNCLOSED_TAG", i, j - i, say("UNCLOSED_TAG", {})));
        if (!text) textStart = i;
        text += source.slice(i, j);
        i = j;
        continue;
      }
      flush(i);
      tokens.push({
        kind: "tag",
        body: source.slice(i + 1, j),
        offset: i,
        length: j + 1 - i,
        bodyOffset: i + 1,
      });
      i = j + 1;
      textStart = i;
      continue;
    }
    if (CLOSE.has(ch)) {
      errors.push(makeError(source, "STRAY_BRACE", i, 1, say("STRAY_BRACE", {})));
    }
    if (!text) textStart = i;
    text += ch;
    i++;
  }
  flush(source.length);
  return tokens;
}

// ---------------------------------------------------------------------------
// Parser

const PART_PREFIX = /^(其中|含|包括)[:：]/;

function parseRef(
  source: string,
  token: Extract<Token, { kind: "tag" }>,
  errors: TemplateError[]
): RefNode | undefined {
  const raw = token.body;
  const lead = raw.length - raw.trimStart().length;
  const body = raw.trim();
  const prefix = PART_PREFIX.exec(body)?.[0] ?? "";
  const rest = body.slice(prefix.length);
  const parts = rest.split(/[:：]/);
  let name = prefix + parts[0];
  let field: TemplateField = "actual";
  const dot = Math.max(name.lastIndexOf("."), name.lastIndexOf("．"));
  const nameOffset = token.bodyOffset + lead;
  if (dot >= 0) {
    const word = name.slice(dot + 1);
    const found = fieldOf(word);
    if (!found) {
      errors.push(
        makeError(
          source,
          "UNKNOWN_FIELD",
          nameOffset + dot + 1,
          word.length,
          say("UNKNOWN_FIELD", { word })
        )
      );
      return undefined;
    }
    field = found;
    name = name.slice(0, dot);
  }
  if (name.trim() === "") {
    errors.push(emptyTag(source, token, "ref"));
    return undefined;
  }
  const node: RefNode = {
    type: "ref",
    name: name.trim(),
    field,
    offset: token.offset,
    length: token.length,
    nameOffset,
  };
  let optionOffset = nameOffset + prefix.length + parts[0].length + 1;
  for (const option of parts.slice(1)) {
    const o = option.trim();
    if (/^\d$/.test(o) && Number(o) <= 4) node.decimals = Number(o);
    else if (o === "数" || o === "纯数" || o === "无单位") node.bare = true;
    else if (o !== "" && (isKnownUnit(o) || o === "%") && /^(actual|target|previous)$/.test(field))
      node.unit = normalizeUnit(o);
    else {
      errors.push(
        makeError(source, "BAD_OPTION", optionOffset, option.length, say("BAD_OPTION", { option }))
      );
      return undefined;
    }
    optionOffset += option.length + 1;
  }
  return node;
}

function parseCondition(
  source: string,
  token: Extract<Token, { kind: "tag" }>,
  errors: TemplateError[]
): IfNode | undefined {
  const raw = token.body.slice(1);
  let at = token.bodyOffset + 1 + (raw.length - raw.trimStart().length);
  let body = raw.trim();
  let negate = false;
  if (/^[!！]|^非/.test(body)) {
    negate = true;
    body = body.slice(1).trimStart();
    at += 1;
  }
  let name = body;
  let predicate: Predicate = "hasValue";
  const spaced = /^(.+?)[\s\u3000.．]+([^\s\u3000.．]+)$/.exec(body);
  const wordOf = (w: string) => PREDICATE_WORDS.find((p) => p.w === w)?.p;
  if (spaced) {
    const p = wordOf(spaced[2]);
    if (!p) {
      errors.push(
        makeError(
          source,
          "UNKNOWN_CONDITION",
          at + body.length - spaced[2].length,
          spaced[2].length,
          say("UNKNOWN_CONDITION", { word: spaced[2] })
        )
      );
      return undefined;
    }
    name = spaced[1];
    predicate = p;
  } else {
    const suffix = PREDICATE_WORDS.find((p) => body.endsWith(p.w) && body.length > p.w.length);
    // "{?城镇新增就业已完成}": a condition word glued to the name.
    if (suffix && suffix.w.length >= 2) {
      name = body.slice(0, body.length - suffix.w.length);
      predicate = suffix.p;
    }
  }
  if (name.trim() === "") {
    errors.push(emptyTag(source, token, "condition"));
    return undefined;
  }
  return {
    type: "if",
    name: name.trim(),
    predicate,
    negate,
    then: [],
    else: [],
    offset: token.offset,
    length: token.length,
    nameOffset: at,
  };
}

export interface ParsedTemplate {
  source: string;
  nodes: TemplateNode[];
  errors: TemplateError[];
}

/** Conditions nest at most this deep: rendering recurses once per level. */
export const MAX_CONDITION_NESTING = 32;

/** Parses a template; syntax errors come back with their place, never thrown. */
export function parseTemplate(source: string): ParsedTemplate {
  const errors: TemplateError[] = [];
  const tokens = tokenize(source, errors);
  const root: TemplateNode[] = [];
  const stack: { node: IfNode; inElse: boolean }[] = [];
  const target = () => {
    const top = stack[stack.length - 1];
    return top ? (top.inElse ? top.node.else : top.node.then) : root;
  };
  for (const token of tokens) {
    if (token.kind === "text") {
      target().push({ type: "text", text: token.text, offset: token.offset });
      continue;
    }
    const body = token.body.trim();
    if (body === "") {
      errors.push(emptyTag(source, token, "braces"));
      continue;
    }
    if (body === ":" || body === "：") {
      const top = stack[stack.length - 1];
      if (!top || top.inElse)
        errors.push(
          makeError(source, "STRAY_ELSE", token.offset, token.length, say("STRAY_ELSE", {}))
        );
      else top.inElse = true;
      continue;
    }
    if (body === "/") {
      const top = stack.pop();
      if (!top)
        errors.push(
          makeError(source, "STRAY_END", token.offset, token.length, say("STRAY_END", {}))
        );
      continue;
    }
    if (body.startsWith("?") || body.startsWith("？")) {
      const node = parseCondition(source, token, errors) ?? {
        type: "if",
        name: "",
        predicate: "hasValue",
        negate: false,
        then: [],
        else: [],
        offset: token.offset,
        length: token.length,
        nameOffset: token.bodyOffset,
        invalid: true,
      };
      if (stack.length >= MAX_CONDITION_NESTING) {
        errors.push(
          makeError(
            source,
            "NESTED_TOO_DEEP",
            token.offset,
            token.length,
            say("NESTED_TOO_DEEP", { levels: MAX_CONDITION_NESTING })
          )
        );
        continue;
      }
      target().push(node);
      stack.push({ node, inElse: false });
      continue;
    }
    // A tag that cannot be read stays in the text as written, for the writer to see.
    const ref = parseRef(source, token, errors);
    target().push(
      ref ?? {
        type: "text",
        text: source.slice(token.offset, token.offset + token.length),
        offset: token.offset,
      }
    );
  }
  for (const open of stack)
    errors.push(
      makeError(
        source,
        "UNCLOSED_CONDITION",
        open.node.offset,
        open.node.length,
        say("UNCLOSED_CONDITION", {})
      )
    );
  return { source, nodes: root, errors };
}

// ---------------------------------------------------------------------------
// Rendering

export interface TemplateResult {
  text: string;
  /** Each number in `text` and the cell(s) it came from. */
  sources: SourceSpan[];
  errors: TemplateError[];
  /** Ids of the indicators the template names. */
  indicatorIds: string[];
}

export interface RenderContext {
  analysis: Analysis;
  catalog: IndicatorCatalog;
  narrative: NarrativeContext;
}

export function renderContext(analysis: Analysis): RenderContext {
  // Built on the first name looked up: a report of the workbook's own structure names none.
  let catalog: IndicatorCatalog | undefined;
  return {
    analysis,
    get catalog() {
      return (catalog ??= new IndicatorCatalog(analysis.indicators, analysis.months));
    },
    narrative: narrativeContextOf(analysis),
  };
}

export { statusPhrase };

function holds(indicator: Indicator, predicate: Predicate, decimals: number): boolean {
  const growth =
    indicator.growth === undefined ? undefined : roundTo(indicator.growth * 100, decimals);
  switch (predicate) {
    case "done":
      return isDone(indicator);
    case "notDone":
      return indicator.status === "behind";
    case "exceeded":
      return indicator.status === "exceeded";
    case "up":
      return growth !== undefined && growth > 0;
    case "down":
      return growth !== undefined && growth < 0;
    case "flat":
      return growth === 0;
    case "hasTarget":
      return !!indicator.target;
    case "hasPrevious":
      return !!indicator.previous;
    default:
      return !!indicator.actual;
  }
}

class Renderer {
  readonly b = new ParagraphBuilder();
  readonly errors: TemplateError[] = [];
  readonly ids = new Set<string>();

  constructor(
    readonly source: string,
    readonly ctx: RenderContext
  ) {}

  error(code: TemplateError["code"], offset: number, length: number, problem: CodedText): void {
    this.errors.push(makeError(this.source, code, offset, length, problem));
  }

  find(name: string, offset: number): Indicator | undefined {
    const named = indicatorNamed(this.ctx.catalog, name);
    if (named.kind === "found") {
      this.ids.add(named.indicator.id);
      return named.indicator;
    }
    const code =
      named.reason.code === "UNKNOWN_INDICATOR" ? "UNKNOWN_INDICATOR" : "AMBIGUOUS_INDICATOR";
    this.error(code, offset, name.length, named.reason);
    return undefined;
  }

  nodes(nodes: TemplateNode[]): void {
    for (const node of nodes) {
      if (node.type === "text") this.b.plain(node.text);
      else if (node.type === "ref") this.ref(node);
      else this.condition(node);
    }
  }

  condition(node: IfNode): void {
    if (node.invalid) {
      this.b.plain(this.source.slice(node.offset, node.offset + node.length));
      return;
    }
    const indicator = this.find(node.name, node.nameOffset);
    if (!indicator) return;
    const value = holds(indicator, node.predicate, this.ctx.narrative.options.decimals);
    this.nodes(value !== node.negate ? node.then : node.else);
  }

  ref(node: RefNode): void {
    const indicator = this.find(node.name, node.nameOffset);
    const raw = this.source.slice(node.offset, node.offset + node.length);
    if (!indicator) {
      this.b.plain(raw);
      return;
    }
    const before = this.errors.length;
    this.write(node, indicator);
    if (this.errors.length > before) this.b.plain(raw);
  }

  /** The figure of the field, or an error at the tag saying why there is none. */
  private figure(
    node: RefNode,
    indicator: Indicator,
    field: Field
  ): Extract<Figure, { kind: "figure" }> | undefined {
    const figure = figureOf(indicator, field, "quote");
    if (figure.kind === "figure") return figure;
    this.error("NO_VALUE", node.offset, node.length, figure.reason);
    return undefined;
  }

  write(node: RefNode, indicator: Indicator): void {
    const decimals = node.decimals ?? this.ctx.narrative.options.decimals;
    const narrative: NarrativeContext = {
      ...this.ctx.narrative,
      options: { ...this.ctx.narrative.options, decimals },
    };
    const b = this.b;
    switch (node.field) {
      case "name":
        b.plain(indicator.name);
        return;
      case "unit":
        b.plain(indicator.unit);
        return;
      case "status":
        b.plain(statusPhrase(indicator, monthsCovered(indicator)));
        return;
      case "rate": {
        const figure = this.figure(node, indicator, "rate");
        if (!figure || !indicator.actual || !indicator.target) return;
        const text = formatPercent(figure.value, decimals);
        b.quote(node.bare ? text.replace(/%$/, "") : text, "rate", indicator.actual, [
          indicator.target,
        ]);
        return;
      }
      case "growth":
      case "growthRate": {
        const figure = this.figure(node, indicator, "growth");
        if (!figure || !indicator.actual || !indicator.previous) return;
        if (node.field === "growth") {
          writeGrowthPhrase(b, indicator, narrative);
          return;
        }
        const points = indicator.growthKind === "points";
        const number = formatNumber(figure.value * 100, decimals);
        const unit = node.bare ? "" : points ? "个百分点" : "%";
        b.quote(`${number}${unit}`, "growth", indicator.actual, [indicator.previous]);
        return;
      }
      default: {
        const figure = this.figure(node, indicator, node.field);
        const number = indicator[node.field];
        if (!figure || !number) return;
        if (node.unit) {
          const converted = inTextUnit(indicator, number.value, textUnitOf(node.unit), node.unit);
          if (converted.kind === "none") {
            this.error("NO_VALUE", node.offset, node.length, converted.reason);
            return;
          }
          b.quote(formatNumber(converted.value, decimals), "value", number);
          if (!node.bare) b.plain(node.unit);
          return;
        }
        if (node.bare) {
          const amount = formatAmount(number.value, indicator.unit, {
            decimals,
            scale: false,
          });
          b.quote(amount.number, "value", number);
          return;
        }
        writeValue(b, indicator, number, narrative);
      }
    }
  }
}

/** Renders a parsed template (or template text) with the analysis' numbers. */
export function renderTemplate(
  template: string | ParsedTemplate,
  analysis: Analysis,
  context: RenderContext = renderContext(analysis)
): TemplateResult {
  const parsed = typeof template === "string" ? parseTemplate(template) : template;
  const renderer = new Renderer(parsed.source, context);
  renderer.nodes(parsed.nodes);
  return {
    text: renderer.b.text,
    sources: renderer.b.sources,
    errors: [...parsed.errors, ...renderer.errors].sort((a, b) => a.offset - b.offset),
    indicatorIds: [...renderer.ids],
  };
}

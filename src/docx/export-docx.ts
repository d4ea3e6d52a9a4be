/**
 * Word export of a Report (src/core/report): title, numbered headings and paragraphs in the
 * layout of official documents (GB/T 9704-2012): A4, margins 37/35/28/26 mm, title in
 * 方正小标宋简体 二号 (22pt) centred, first-level headings 黑体 三号 (16pt), second-level 楷体_GB2312
 * 三号, third- and fourth-level and body text 仿宋_GB2312 三号, first line indented two
 * characters, line spacing fixed at 28pt, page numbers "— 1 —" at the foot.
 *
 * The fonts are named in the styles (styles.xml), East Asian slot included (w:eastAsia), so
 * a reader can restyle the whole document at once; a machine without a font falls back as
 * Word does. Not in src/core because it depends on the `docx` package. Works in Node and in
 * the browser: build the Document with reportToDocument, then reportToBuffer (Node) or
 * reportToBlob (browser).
 *
 * docx 9.x depends on nanoid 6, whose package.json asks for Node ≥ 22; docx bundles the
 * part of nanoid it uses into its own dist files, so it runs on Node 20 (tested in
 * test/docx/export-docx.test.ts).
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  IRunOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from "docx";
import { reportLines } from "../core/report/writing/lines";
import type { Report, ReportLine } from "../core/report";

export const OFFICIAL_FONTS = {
  title: "方正小标宋简体",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  body: "仿宋_GB2312",
  pageNumber: "宋体",
} as const;

/** Sizes in half-points, as Word stores them: 二号 22pt, 三号 16pt, 四号 14pt. */
export const SIZES = { title: 44, heading: 32, body: 32, pageNumber: 28 } as const;

/** 28pt in twentieths of a point; 2 characters of 16pt in twips. */
const LINE = 560;
const INDENT_TWIPS = 640;
const MM = 56.7;

export interface DocxOptions {
  /** Document properties. */
  creator?: string;
  description?: string;
  /** Page numbers at the foot (default true). */
  pageNumbers?: boolean;
}

function font(name: string) {
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name, hint: "eastAsia" };
}

const bodyParagraph = {
  spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  indent: { firstLine: INDENT_TWIPS, firstLineChars: 200 },
};

function run(name: string, size: number, extra: IRunOptions = {}) {
  return { font: font(name), size, color: "000000", ...extra };
}

const HEADING_LEVELS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
];

/** One line of the report (reportLines, as every face renders it) as a Word paragraph. */
function lineParagraph(line: ReportLine): Paragraph {
  switch (line.kind) {
    case "title":
      return new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(line.text)] });
    case "heading":
      return new Paragraph({
        heading: HEADING_LEVELS[line.level - 1],
        children: [new TextRun(line.text)],
      });
    case "note":
      // A note for the statistician, highlighted so it is not sent out by mistake.
      return new Paragraph({ children: [new TextRun({ text: line.text, highlight: "yellow" })] });
    default:
      return new Paragraph({ children: [new TextRun(line.text)] });
  }
}

/** The Word document of a report. */
export function reportToDocument(report: Report, options: DocxOptions = {}): Document {
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            ...run(OFFICIAL_FONTS.pageNumber, SIZES.pageNumber),
            children: ["— ", PageNumber.CURRENT, " —"],
          }),
        ],
      }),
    ],
  });
  const headingParagraph = { ...bodyParagraph, keepNext: true, keepLines: true };
  return new Document({
    creator: options.creator ?? "指标报告助手",
    title: report.title,
    description: options.description ?? "由指标报告助手根据工作簿生成",
    styles: {
      default: {
        document: {
          run: run(OFFICIAL_FONTS.body, SIZES.body),
          paragraph: bodyParagraph,
        },
        title: {
          run: run(OFFICIAL_FONTS.title, SIZES.title),
          paragraph: {
            alignment: AlignmentType.CENTER,
            spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: LINE },
            indent: { firstLine: 0, firstLineChars: 0 },
          },
        },
        heading1: {
          run: run(OFFICIAL_FONTS.heading1, SIZES.heading, { bold: false }),
          paragraph: { ...headingParagraph, outlineLevel: 0 },
        },
        heading2: {
          run: run(OFFICIAL_FONTS.heading2, SIZES.heading, { bold: false, italics: false }),
          paragraph: { ...headingParagraph, outlineLevel: 1 },
        },
        heading3: {
          run: run(OFFICIAL_FONTS.body, SIZES.heading, { bold: true, italics: false }),
          paragraph: { ...headingParagraph, outlineLevel: 2 },
        },
        heading4: {
          run: run(OFFICIAL_FONTS.body, SIZES.heading, { bold: false, italics: false }),
          paragraph: { ...headingParagraph, outlineLevel: 3 },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
            },
          },
        },
        footers: options.pageNumbers === false ? undefined : { default: footer },
        children: reportLines(report).map(lineParagraph),
      },
    ],
  });
}

/** Node: the .docx file's bytes. */
export async function reportToBuffer(report: Report, options?: DocxOptions): Promise<Uint8Array> {
  return Packer.toBuffer(reportToDocument(report, options));
}

/** Browser: the .docx file as a Blob, for a download link. */
export async function reportToBlob(report: Report, options?: DocxOptions): Promise<Blob> {
  return Packer.toBlob(reportToDocument(report, options));
}

/** The MIME type of a .docx file. */
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

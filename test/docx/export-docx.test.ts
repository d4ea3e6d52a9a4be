import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { buildReport, defaultOutline } from "../../src/core/report";
import { OFFICIAL_FONTS, reportToBuffer } from "../../src/docx/export-docx";
import { buildReportWorkbook } from "../../samples/report-workbook";
import { reportAnalysis } from "../core/report/helpers";

interface DocParagraph {
  style: string;
  text: string;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The body paragraphs of word/document.xml: style id and text. */
function paragraphsOf(documentXml: string): DocParagraph[] {
  const body = documentXml.slice(documentXml.indexOf("<w:body>"));
  const paragraphs: DocParagraph[] = [];
  for (const m of body.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)) {
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(m[1])?.[1] ?? "";
    const text = [...m[1].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => unescapeXml(t[1]))
      .join("");
    paragraphs.push({ style, text });
  }
  return paragraphs;
}

async function unzip(bytes: Uint8Array): Promise<{ document: string; styles: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const document = await zip.file("word/document.xml")?.async("string");
  const styles = await zip.file("word/styles.xml")?.async("string");
  if (!document || !styles) throw new Error("not a .docx");
  return { document, styles };
}

function styleXml(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles);
  if (!m) throw new Error(`no style ${id}`);
  return m[0];
}

describe("reportToDocument", () => {
  it("names the official fonts, sizes and spacing in the styles (runs on this Node)", async () => {
    const analysis = reportAnalysis();
    const report = buildReport(analysis, defaultOutline(analysis));
    const { document, styles } = await unzip(await reportToBuffer(report));
    const title = styleXml(styles, "Title");
    expect(title).toContain(`w:eastAsia="${OFFICIAL_FONTS.title}"`);
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
    const h1 = styleXml(styles, "Heading1");
    expect(h1).toContain('w:eastAsia="黑体"');
    expect(h1).toContain('<w:sz w:val="32"/>');
    expect(styleXml(styles, "Heading2")).toContain('w:eastAsia="楷体_GB2312"');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? "";
    expect(defaults).toContain('w:eastAsia="仿宋_GB2312"');
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toMatch(/<w:spacing [^>]*w:line="560" w:lineRule="exact"\/>/);
    expect(defaults).toMatch(/<w:ind w:firstLine="640" w:firstLineChars="200"\/>/);
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const paragraphs = paragraphsOf(document);
    expect(paragraphs[0]).toEqual({ style: "Title", text: "2021年度工作总结" });
    expect(paragraphs[1]).toEqual({ style: "Heading1", text: "一、就业工作" });
    expect(paragraphs[2].style).toBe("");
    expect(paragraphs[2].text).toBe(analysis.paragraphs[0].text);
    expect(process.versions.node).toBeTruthy();
  });
});

describe("indicator-report WORKBOOK --docx FILE", () => {
  let dir: string;
  let workbookPath: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "docx-"));
    workbookPath = path.join(dir, "台账.xlsx");
    await buildReportWorkbook({ config: true }).xlsx.writeFile(workbookPath);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function io() {
    const out = { stdout: "", stderr: "" };
    return {
      out,
      io: {
        stdout: (t: string) => (out.stdout += t),
        stderr: (t: string) => (out.stderr += t),
      },
    };
  }

  it("writes the report of the 报告配置 outline, read back from the .docx", async () => {
    const docx = path.join(dir, "报告.docx");
    const { out, io: cliIo } = io();
    expect(await main([workbookPath, "--docx", docx], cliIo)).toBe(0);
    expect(out.stderr).toMatch(/已写入Word报告 .*报告\.docx（按“报告配置”的大纲，9节）/);
    expect(out.stdout).toMatch(/【报告】/); // the usual output is still printed
    const { document } = await unzip(fs.readFileSync(docx));
    const paragraphs = paragraphsOf(document);
    const headings = paragraphs.filter((p) => /^Heading\d$/.test(p.style));
    expect(headings.map((h) => [h.style, h.text])).toEqual([
      ["Heading1", "一、就业和社会保障"],
      ["Heading2", "（一）就业工作"],
      ["Heading2", "（二）社会保险"],
      ["Heading1", "二、疫苗接种"],
      ["Heading1", "三、经济发展"],
      ["Heading2", "（一）固定资产投资"],
      ["Heading3", "1.商贸流通"],
      ["Heading4", "（1）住宿餐饮"],
      ["Heading2", "（二）企业培育"],
    ]);
    expect(paragraphs[0]).toEqual({ style: "Title", text: "2021年度工作总结" });
    const body = paragraphs.filter((p) => p.style === "");
    expect(body.map((p) => p.text)).toEqual([
      expect.stringContaining("2021年，完成城镇新增就业1126人，完成目标任务的112.6%"),
      expect.stringContaining("城乡居民医保缴费人数达24650人"),
      expect.stringContaining("完成第一剂次接种（18岁以上）43185剂次"),
      "全年完成固定资产投资12.6亿元，同比增长9.19%，超额完成目标任务。",
      expect.stringContaining("批发业主营业务收入达8.72亿元"),
      "住宿餐饮业实现营业额2731.6万元，完成目标任务的105.1%，同比增长10.15%。",
      expect.stringContaining("新增四上企业入库12家"),
    ]);
    // the paragraph after each heading belongs to it
    const index = paragraphs.findIndex((p) => p.text === "（1）住宿餐饮");
    expect(paragraphs[index + 1].text).toMatch(/^住宿餐饮业实现营业额/);
  });

  it("refuses to overwrite the input workbook", async () => {
    const before = fs.readFileSync(workbookPath);
    const { out, io: cliIo } = io();
    expect(await main([workbookPath, "--docx", workbookPath], cliIo)).toBe(2);
    expect(out.stderr).toMatch(
      /^Word报告“.*台账\.xlsx”就是输入的工作簿“.*台账\.xlsx”，不能覆盖，请换一个文件名 \/ the Word report .* is the input workbook .*\n$/
    );
    expect(fs.readFileSync(workbookPath).equals(before)).toBe(true);
  });
});

import { copyText, copyWithTextarea } from "../../src/taskpane/clipboard";

interface FakeArea {
  value: string;
  selected: boolean;
  style: Record<string, string>;
  setAttribute: jest.Mock;
  select(): void;
}

/** Just enough of a Document for the textarea fallback. */
function fakeDocument(execResult: boolean | Error) {
  const appended: FakeArea[] = [];
  const focused = { focus: jest.fn() };
  const doc = {
    activeElement: focused,
    createElement: (): FakeArea => ({
      value: "",
      selected: false,
      style: {},
      setAttribute: jest.fn(),
      select() {
        this.selected = true;
      },
    }),
    body: {
      appendChild: (node: FakeArea) => appended.push(node),
      removeChild: jest.fn(),
    },
    execCommand: jest.fn(() => {
      if (execResult instanceof Error) throw execResult;
      return execResult;
    }),
  };
  return { doc: doc as unknown as Document, appended, focused };
}

describe("copyText", () => {
  it("uses the Clipboard API when it works", async () => {
    const writeText = jest.fn(async () => undefined);
    const { doc } = fakeDocument(true);
    expect(await copyText("文字", { clipboard: { writeText }, document: doc })).toBe(true);
    expect(writeText).toHaveBeenCalledWith("文字");
    expect(doc.execCommand).not.toHaveBeenCalled();
  });

  it("falls back to a hidden textarea when the Clipboard API is refused", async () => {
    const writeText = jest.fn(async () => {
      throw new Error("NotAllowedError");
    });
    const { doc, appended, focused } = fakeDocument(true);
    expect(await copyText("文字", { clipboard: { writeText }, document: doc })).toBe(true);
    expect(doc.execCommand).toHaveBeenCalledWith("copy");
    expect(appended[0]).toMatchObject({ value: "文字", selected: true });
    expect(doc.body.removeChild).toHaveBeenCalled();
    expect(focused.focus).toHaveBeenCalled();
  });

  it("falls back when there is no Clipboard API, and reports failure", async () => {
    expect(await copyText("x", { document: fakeDocument(true).doc })).toBe(true);
    expect(await copyText("x", { document: fakeDocument(false).doc })).toBe(false);
    expect(copyWithTextarea("x", fakeDocument(new Error("denied")).doc)).toBe(false);
    expect(await copyText("x", {})).toBe(false);
  });
});

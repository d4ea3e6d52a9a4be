/**
 * The browser opens files whose names are not ASCII whatever the locale the tests run in.
 * Chromium on Linux converts the (UTF-8) path it is handed into the locale's encoding; under the
 * C locale (no LANG) a name like 问题示例.xlsx then reaches no file and the file input silently
 * stays empty. The harness starts the browser with a UTF-8 locale for that
 * (scripts/find-browser.ts utf8LocaleEnv); here, under LC_ALL=C.
 */
import * as path from "path";
import { Browser } from "playwright-core";
import { SAMPLES, launch } from "./harness";

jest.setTimeout(60_000);

let browser: Browser;

afterAll(async () => {
  await browser?.close();
});

it("gives a file input a file with a Chinese name under the C locale", async () => {
  const env: Record<string, string | undefined> = { ...process.env, LC_ALL: "C" };
  delete env.LANG;
  delete env.LC_CTYPE;
  browser = await launch(env);
  const page = await browser.newPage();
  await page.setContent('<input type="file" data-testid="file">');
  const chosen = page.evaluate(
    () =>
      new Promise<{ name: string; size: number; read: number }>((resolve) => {
        const input = document.querySelector("input")!;
        input.addEventListener("change", async () => {
          const file = input.files![0];
          resolve({
            name: file.name,
            size: file.size,
            read: (await file.arrayBuffer()).byteLength,
          });
        });
      })
  );
  await page.getByTestId("file").setInputFiles(path.join(SAMPLES, "问题示例.xlsx"));
  const file = await Promise.race([
    chosen,
    page.waitForTimeout(10_000).then(() => {
      throw new Error("the file input got no file (no change event in 10 s)");
    }),
  ]);
  expect(file.name).toBe("问题示例.xlsx");
  expect(file.size).toBeGreaterThan(1000);
  expect(file.read).toBe(file.size);
});

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const SCRIPT = path.resolve(__dirname, "..", "..", "scripts", "validate-manifest.js");

/** A schema set shaped like Office's: the main XSD imports a second one by file name. */
const MAIN = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:types"
  targetNamespace="urn:app" xmlns="urn:app" elementFormDefault="qualified">
  <xs:import schemaLocation="OfficeAppBasicTypesV1_0.xsd" namespace="urn:types"/>
  <xs:element name="OfficeApp">
    <xs:complexType><xs:sequence>
      <xs:element name="Id" type="t:Guid"/>
      <xs:element name="Hosts" type="xs:string"/>
    </xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>`;
const TYPES = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:types">
  <xs:simpleType name="Guid"><xs:restriction base="xs:string">
    <xs:pattern value="[0-9a-f]{8}"/>
  </xs:restriction></xs:simpleType>
</xs:schema>`;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "validate-manifest-"));
  fs.mkdirSync(path.join(dir, "schemas"));
  fs.writeFileSync(path.join(dir, "schemas", "OfficeAppManifestV1_1.xsd"), MAIN);
  fs.writeFileSync(path.join(dir, "schemas", "OfficeAppBasicTypesV1_0.xsd"), TYPES);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function manifest(name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>\n<OfficeApp xmlns="urn:app">\n${body}\n</OfficeApp>\n`
  );
  return file;
}

function validate(...args: string[]) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run validate (scripts/validate-manifest.js)", () => {
  it("passes a manifest that follows the schemas, and names the validator", () => {
    const file = manifest("good.xml", "<Id>0123abcd</Id><Hosts>Workbook</Hosts>");
    const run = validate("--schemas", path.join(dir, "schemas"), file);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/good\.xml is valid: checked offline .*xmllint-wasm \d+\.\d+/);
  });

  it("fails a manifest with an element out of order, with its line", () => {
    const file = manifest("order.xml", "<Hosts>Workbook</Hosts>\n<Id>0123abcd</Id>");
    const run = validate("--schemas", path.join(dir, "schemas"), file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/order\.xml is NOT valid/);
    expect(run.stderr).toMatch(
      /order\.xml:3: .*Element '\{urn:app\}Hosts': This element is not expected/
    );
  });

  it("checks types from the imported schema file", () => {
    const file = manifest("guid.xml", "<Id>not-a-guid</Id><Hosts>Workbook</Hosts>");
    const run = validate("--schemas", path.join(dir, "schemas"), file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/guid\.xml:3: .*'not-a-guid'/);
  });

  it("says the manifest was not validated when there are no schemas, without failing", () => {
    const file = manifest("any.xml", "<Hosts/>");
    const run = validate("--offline", "--schemas", path.join(dir, "absent"), file);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /any\.xml: validation SKIPPED, not validated\. No offline schemas at/
    );
  });

  it("fails on a manifest that does not exist", () => {
    const run = validate("--schemas", path.join(dir, "schemas"), path.join(dir, "missing.xml"));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Manifest not found/);
  });
});

/**
 * The one catalogue of what the product tells its users: the findings of the audit
 * (findings.ts) and the report's messages (report/messages.ts: template and 报告配置 errors,
 * fill and check reasons). Each code is defined once, with its severity and its text in both
 * languages; the two parts may not share a code.
 */
import { FINDING_RULES, FindingCode } from "./findings";
import { Severity } from "./model";
import { REPORT_MESSAGES, ReportMessageCode } from "./report/messages";

export type MessageCode = FindingCode | ReportMessageCode;

/** A code defined in both parts would make this type `never` somewhere: see the test. */
export type SharedCodes = Extract<FindingCode, ReportMessageCode>;
const NO_SHARED_CODES: [SharedCodes] extends [never] ? true : false = true;
void NO_SHARED_CODES;

export function isMessageCode(code: string): code is MessageCode {
  return code in FINDING_RULES || code in REPORT_MESSAGES;
}

export function messageSeverity(code: MessageCode): Severity {
  return code in FINDING_RULES
    ? FINDING_RULES[code as FindingCode].severity
    : REPORT_MESSAGES[code as ReportMessageCode].severity;
}

export const MESSAGE_CODES: MessageCode[] = [
  ...(Object.keys(FINDING_RULES) as FindingCode[]),
  ...(Object.keys(REPORT_MESSAGES) as ReportMessageCode[]),
];

/** The pure view-model between the model (Trace + AgentView) and the webview's protocol shapes. */
export { formatCost, formatCount, formatDuration, formatTokens, plural } from './format';
export { buildRows, serviceName, totalTokens } from './rows';
export { attributeValueText, attrValueText, buildSpanDetail, clipText, MESSAGE_TEXT_LIMIT } from './spanDetail';
export { buildTraceStructure } from './structure';
export { buildTraceSummary, diagnosticCount, formatSummaryLine, formatSummaryText, SUMMARY_DIAGNOSTIC_LIMIT, type SummaryInput } from './summary';

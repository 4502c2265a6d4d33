/** Pure view-models of the timeline: critical path, self time, cost rows, cards, scales. */
export { criticalPath, latestEndingRoot, type CriticalPath } from './criticalPath';
export { selfTimes } from './selfTime';
export { costSteps, iterationFailed, toolCallSignature, type CostStep, type CostSteps, type WasteReason } from './costSteps';
export { findCancellation, type Cancellation } from './cancellation';
export { placedIterations, type PlacedIteration } from './steps';
export { timelineCards, timelineCard, DEFAULT_CARD_LIMITS, type CardLimits, type CardToolExecution, type CardError, type TimelineCard, type Timeline } from './timelineRows';
export { timeScale, clampWindow, zoomAround, panBy, panByPx, minimapBrush, minimapCenterAt, type TimeWindow, type TimeScale } from './scales';
export { clipText, previewValue } from './clip';

/**
 * The local OTLP/HTTP receiver (Node host code) — public surface for the extension and the CLI.
 * Pure protocol pieces live in src/core/receiver; the OTLP/JSON encoder in src/core/export.
 */
export { startLocalReceiver, exporterEnvironment, type LocalReceiver, type LocalReceiverOptions } from './localReceiver';
export { OtlpHttpReceiver, type ReceiverOptions, type ReceiverAddress, type ReceiverStats, type SpanSink } from './otlpHttpReceiver';
export { TraceStore, type TraceStoreOptions, type SpansEvent, type TraceUpdatedEvent, type TraceRemovedEvent } from './traceStore';
export { DEFAULT_LIMITS, type ReceiverLimits } from './limits';
export { findFreePort, urlFor, PortInUseError, NonLoopbackBindError } from './ports';
export { StoreLockedError } from './storeFiles';
export type { Event, Disposable } from './events';
export type { StoredTraceSummary, AgentFigures } from '../core/receiver/traceSummary';
export { agentFiguresAnalyzer } from './analyzeAgentFigures';

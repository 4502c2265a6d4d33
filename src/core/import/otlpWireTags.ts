import { tagOf } from './protoReader';

/**
 * The OTLP trace schema as protobuf field tags (field number << 3 | wire type), from
 * opentelemetry-proto trace.proto / common.proto / resource.proto. One table for the
 * importer's decoder (otlpProto.ts, otlpProtoValues.ts) and the receiver's transcoder
 * (src/core/receiver/proto*.ts), so the two readers of the same bytes cannot disagree on it.
 * Wire types: 0 varint, 1 fixed64/double, 2 length-delimited, 5 fixed32.
 */
const LEN = 2;

// ExportTraceServiceRequest / TracesData
export const T_RESOURCE_SPANS = tagOf(1, LEN);
// ResourceSpans (field 1000 is the pre-1.0 `instrumentation_library_spans`, same shape as ScopeSpans)
export const T_RESOURCE = tagOf(1, LEN);
export const T_SCOPE_SPANS = tagOf(2, LEN);
export const T_SCHEMA_URL = tagOf(3, LEN); // also ScopeSpans.schema_url
export const T_LIBRARY_SPANS = tagOf(1000, LEN);
// Resource
export const T_RESOURCE_ATTR = tagOf(1, LEN);
export const T_RESOURCE_DROPPED = tagOf(2, 0);
// ScopeSpans
export const T_SCOPE = tagOf(1, LEN);
export const T_SPAN = tagOf(2, LEN);
// InstrumentationScope (and the old InstrumentationLibrary, which has only name and version)
export const T_SCOPE_NAME = tagOf(1, LEN);
export const T_SCOPE_VERSION = tagOf(2, LEN);
export const T_SCOPE_ATTR = tagOf(3, LEN);
export const T_SCOPE_DROPPED = tagOf(4, 0);
// Span
export const T_TRACE_ID = tagOf(1, LEN);
export const T_SPAN_ID = tagOf(2, LEN);
export const T_TRACE_STATE = tagOf(3, LEN);
export const T_PARENT_ID = tagOf(4, LEN);
export const T_NAME = tagOf(5, LEN);
export const T_KIND = tagOf(6, 0);
export const T_START = tagOf(7, 1);
export const T_END = tagOf(8, 1);
export const T_SPAN_ATTR = tagOf(9, LEN);
export const T_DROPPED_ATTRS = tagOf(10, 0);
export const T_EVENT = tagOf(11, LEN);
export const T_DROPPED_EVENTS = tagOf(12, 0);
export const T_LINK = tagOf(13, LEN);
export const T_DROPPED_LINKS = tagOf(14, 0);
export const T_STATUS = tagOf(15, LEN);
export const T_FLAGS = tagOf(16, 5);
// Span.Event
export const T_EVENT_TIME = tagOf(1, 1);
export const T_EVENT_NAME = tagOf(2, LEN);
export const T_EVENT_ATTR = tagOf(3, LEN);
export const T_EVENT_DROPPED = tagOf(4, 0);
// Span.Link
export const T_LINK_TRACE_ID = tagOf(1, LEN);
export const T_LINK_SPAN_ID = tagOf(2, LEN);
export const T_LINK_TRACE_STATE = tagOf(3, LEN);
export const T_LINK_ATTR = tagOf(4, LEN);
export const T_LINK_DROPPED = tagOf(5, 0);
export const T_LINK_FLAGS = tagOf(6, 5);
// Status
export const T_STATUS_MESSAGE = tagOf(2, LEN);
export const T_STATUS_CODE = tagOf(3, 0);
// KeyValue, KeyValueList.values, ArrayValue.values
export const T_KV_KEY = tagOf(1, LEN);
export const T_KV_VALUE = tagOf(2, LEN);
export const T_LIST_ITEM = tagOf(1, LEN);
// AnyValue
export const T_STRING = tagOf(1, LEN);
export const T_BOOL = tagOf(2, 0);
export const T_INT = tagOf(3, 0);
export const T_DOUBLE = tagOf(4, 1);
export const T_ARRAY = tagOf(5, LEN);
export const T_KVLIST = tagOf(6, LEN);
export const T_BYTES = tagOf(7, LEN);

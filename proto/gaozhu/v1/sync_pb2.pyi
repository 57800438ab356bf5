import datetime

from gaozhu.v1 import common_pb2 as _common_pb2
from gaozhu.v1 import inspections_pb2 as _inspections_pb2
from gaozhu.v1 import items_pb2 as _items_pb2
from gaozhu.v1 import personnel_pb2 as _personnel_pb2
from gaozhu.v1 import subjects_pb2 as _subjects_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Record(_message.Message):
    __slots__ = ("item", "baseline", "officer", "subject", "inspection")
    ITEM_FIELD_NUMBER: _ClassVar[int]
    BASELINE_FIELD_NUMBER: _ClassVar[int]
    OFFICER_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    INSPECTION_FIELD_NUMBER: _ClassVar[int]
    item: _items_pb2.Item
    baseline: _items_pb2.Baseline
    officer: _personnel_pb2.Officer
    subject: _subjects_pb2.Subject
    inspection: _inspections_pb2.Inspection
    def __init__(self, item: _Optional[_Union[_items_pb2.Item, _Mapping]] = ..., baseline: _Optional[_Union[_items_pb2.Baseline, _Mapping]] = ..., officer: _Optional[_Union[_personnel_pb2.Officer, _Mapping]] = ..., subject: _Optional[_Union[_subjects_pb2.Subject, _Mapping]] = ..., inspection: _Optional[_Union[_inspections_pb2.Inspection, _Mapping]] = ...) -> None: ...

class ChangeEvent(_message.Message):
    __slots__ = ("revision", "kind", "operation", "key", "origin", "record", "committed_at")
    REVISION_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_FIELD_NUMBER: _ClassVar[int]
    RECORD_FIELD_NUMBER: _ClassVar[int]
    COMMITTED_AT_FIELD_NUMBER: _ClassVar[int]
    revision: int
    kind: _common_pb2.RecordKind
    operation: _common_pb2.Operation
    key: str
    origin: _common_pb2.Origin
    record: Record
    committed_at: _timestamp_pb2.Timestamp
    def __init__(self, revision: _Optional[int] = ..., kind: _Optional[_Union[_common_pb2.RecordKind, str]] = ..., operation: _Optional[_Union[_common_pb2.Operation, str]] = ..., key: _Optional[str] = ..., origin: _Optional[_Union[_common_pb2.Origin, str]] = ..., record: _Optional[_Union[Record, _Mapping]] = ..., committed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class PushRequest(_message.Message):
    __slots__ = ("entries",)
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[PushEntry]
    def __init__(self, entries: _Optional[_Iterable[_Union[PushEntry, _Mapping]]] = ...) -> None: ...

class PushEntry(_message.Message):
    __slots__ = ("operation", "kind", "local_id", "version", "record")
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    LOCAL_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    RECORD_FIELD_NUMBER: _ClassVar[int]
    operation: _common_pb2.Operation
    kind: _common_pb2.RecordKind
    local_id: str
    version: int
    record: Record
    def __init__(self, operation: _Optional[_Union[_common_pb2.Operation, str]] = ..., kind: _Optional[_Union[_common_pb2.RecordKind, str]] = ..., local_id: _Optional[str] = ..., version: _Optional[int] = ..., record: _Optional[_Union[Record, _Mapping]] = ...) -> None: ...

class PushResponse(_message.Message):
    __slots__ = ("results", "revision")
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    results: _containers.RepeatedCompositeFieldContainer[PushResult]
    revision: int
    def __init__(self, results: _Optional[_Iterable[_Union[PushResult, _Mapping]]] = ..., revision: _Optional[int] = ...) -> None: ...

class PushResult(_message.Message):
    __slots__ = ("index", "status", "revision", "violations", "message")
    INDEX_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    VIOLATIONS_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    index: int
    status: _common_pb2.PushStatus
    revision: int
    violations: _containers.RepeatedCompositeFieldContainer[_common_pb2.FieldViolation]
    message: str
    def __init__(self, index: _Optional[int] = ..., status: _Optional[_Union[_common_pb2.PushStatus, str]] = ..., revision: _Optional[int] = ..., violations: _Optional[_Iterable[_Union[_common_pb2.FieldViolation, _Mapping]]] = ..., message: _Optional[str] = ...) -> None: ...

class WatchRequest(_message.Message):
    __slots__ = ("since_revision", "kinds")
    SINCE_REVISION_FIELD_NUMBER: _ClassVar[int]
    KINDS_FIELD_NUMBER: _ClassVar[int]
    since_revision: int
    kinds: _containers.RepeatedScalarFieldContainer[_common_pb2.RecordKind]
    def __init__(self, since_revision: _Optional[int] = ..., kinds: _Optional[_Iterable[_Union[_common_pb2.RecordKind, str]]] = ...) -> None: ...

class WatchResponse(_message.Message):
    __slots__ = ("event", "progress")
    class Progress(_message.Message):
        __slots__ = ("revision",)
        REVISION_FIELD_NUMBER: _ClassVar[int]
        revision: int
        def __init__(self, revision: _Optional[int] = ...) -> None: ...
    EVENT_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    event: ChangeEvent
    progress: WatchResponse.Progress
    def __init__(self, event: _Optional[_Union[ChangeEvent, _Mapping]] = ..., progress: _Optional[_Union[WatchResponse.Progress, _Mapping]] = ...) -> None: ...

class SnapshotRequest(_message.Message):
    __slots__ = ("kinds", "chunk_size")
    KINDS_FIELD_NUMBER: _ClassVar[int]
    CHUNK_SIZE_FIELD_NUMBER: _ClassVar[int]
    kinds: _containers.RepeatedScalarFieldContainer[_common_pb2.RecordKind]
    chunk_size: int
    def __init__(self, kinds: _Optional[_Iterable[_Union[_common_pb2.RecordKind, str]]] = ..., chunk_size: _Optional[int] = ...) -> None: ...

class SnapshotResponse(_message.Message):
    __slots__ = ("records", "revision", "last")
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    LAST_FIELD_NUMBER: _ClassVar[int]
    records: _containers.RepeatedCompositeFieldContainer[Record]
    revision: int
    last: bool
    def __init__(self, records: _Optional[_Iterable[_Union[Record, _Mapping]]] = ..., revision: _Optional[int] = ..., last: _Optional[bool] = ...) -> None: ...

class GetSyncStatusRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetSyncStatusResponse(_message.Message):
    __slots__ = ("current_revision", "compacted_revision", "platforms")
    CURRENT_REVISION_FIELD_NUMBER: _ClassVar[int]
    COMPACTED_REVISION_FIELD_NUMBER: _ClassVar[int]
    PLATFORMS_FIELD_NUMBER: _ClassVar[int]
    current_revision: int
    compacted_revision: int
    platforms: _containers.RepeatedCompositeFieldContainer[PlatformStatus]
    def __init__(self, current_revision: _Optional[int] = ..., compacted_revision: _Optional[int] = ..., platforms: _Optional[_Iterable[_Union[PlatformStatus, _Mapping]]] = ...) -> None: ...

class PlatformStatus(_message.Message):
    __slots__ = ("origin", "last_push_at", "last_push_revision")
    ORIGIN_FIELD_NUMBER: _ClassVar[int]
    LAST_PUSH_AT_FIELD_NUMBER: _ClassVar[int]
    LAST_PUSH_REVISION_FIELD_NUMBER: _ClassVar[int]
    origin: _common_pb2.Origin
    last_push_at: _timestamp_pb2.Timestamp
    last_push_revision: int
    def __init__(self, origin: _Optional[_Union[_common_pb2.Origin, str]] = ..., last_push_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_push_revision: _Optional[int] = ...) -> None: ...

class ListQuarantineRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "origin")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    origin: _common_pb2.Origin
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., origin: _Optional[_Union[_common_pb2.Origin, str]] = ...) -> None: ...

class ListQuarantineResponse(_message.Message):
    __slots__ = ("entries", "next_page_token")
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[QuarantineEntry]
    next_page_token: str
    def __init__(self, entries: _Optional[_Iterable[_Union[QuarantineEntry, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class QuarantineEntry(_message.Message):
    __slots__ = ("id", "origin", "caller", "kind", "local_id", "version", "raw", "violations", "received_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_FIELD_NUMBER: _ClassVar[int]
    CALLER_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    LOCAL_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    RAW_FIELD_NUMBER: _ClassVar[int]
    VIOLATIONS_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_AT_FIELD_NUMBER: _ClassVar[int]
    id: int
    origin: _common_pb2.Origin
    caller: str
    kind: _common_pb2.RecordKind
    local_id: str
    version: int
    raw: bytes
    violations: _containers.RepeatedCompositeFieldContainer[_common_pb2.FieldViolation]
    received_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[int] = ..., origin: _Optional[_Union[_common_pb2.Origin, str]] = ..., caller: _Optional[str] = ..., kind: _Optional[_Union[_common_pb2.RecordKind, str]] = ..., local_id: _Optional[str] = ..., version: _Optional[int] = ..., raw: _Optional[bytes] = ..., violations: _Optional[_Iterable[_Union[_common_pb2.FieldViolation, _Mapping]]] = ..., received_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

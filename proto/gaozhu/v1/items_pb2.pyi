import datetime

from gaozhu.v1 import common_pb2 as _common_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Item(_message.Message):
    __slots__ = ("meta", "code", "name", "domain", "kind", "basis", "penalty_basis", "statutory", "other_sanctions", "local_codes", "status", "effective_from", "withdrawn_at")
    META_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DOMAIN_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    BASIS_FIELD_NUMBER: _ClassVar[int]
    PENALTY_BASIS_FIELD_NUMBER: _ClassVar[int]
    STATUTORY_FIELD_NUMBER: _ClassVar[int]
    OTHER_SANCTIONS_FIELD_NUMBER: _ClassVar[int]
    LOCAL_CODES_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FROM_FIELD_NUMBER: _ClassVar[int]
    WITHDRAWN_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.RecordMeta
    code: str
    name: str
    domain: str
    kind: _common_pb2.ItemKind
    basis: _common_pb2.LegalRef
    penalty_basis: _common_pb2.LegalRef
    statutory: _common_pb2.FineRange
    other_sanctions: _containers.RepeatedScalarFieldContainer[str]
    local_codes: _containers.RepeatedCompositeFieldContainer[_common_pb2.LocalCode]
    status: _common_pb2.ItemStatus
    effective_from: _timestamp_pb2.Timestamp
    withdrawn_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_common_pb2.RecordMeta, _Mapping]] = ..., code: _Optional[str] = ..., name: _Optional[str] = ..., domain: _Optional[str] = ..., kind: _Optional[_Union[_common_pb2.ItemKind, str]] = ..., basis: _Optional[_Union[_common_pb2.LegalRef, _Mapping]] = ..., penalty_basis: _Optional[_Union[_common_pb2.LegalRef, _Mapping]] = ..., statutory: _Optional[_Union[_common_pb2.FineRange, _Mapping]] = ..., other_sanctions: _Optional[_Iterable[str]] = ..., local_codes: _Optional[_Iterable[_Union[_common_pb2.LocalCode, _Mapping]]] = ..., status: _Optional[_Union[_common_pb2.ItemStatus, str]] = ..., effective_from: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., withdrawn_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Tier(_message.Message):
    __slots__ = ("name", "condition", "when", "fine", "other_sanctions")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CONDITION_FIELD_NUMBER: _ClassVar[int]
    WHEN_FIELD_NUMBER: _ClassVar[int]
    FINE_FIELD_NUMBER: _ClassVar[int]
    OTHER_SANCTIONS_FIELD_NUMBER: _ClassVar[int]
    name: _common_pb2.TierName
    condition: str
    when: _struct_pb2.Struct
    fine: _common_pb2.FineRange
    other_sanctions: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[_Union[_common_pb2.TierName, str]] = ..., condition: _Optional[str] = ..., when: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., fine: _Optional[_Union[_common_pb2.FineRange, _Mapping]] = ..., other_sanctions: _Optional[_Iterable[str]] = ...) -> None: ...

class Baseline(_message.Message):
    __slots__ = ("meta", "item_code", "version", "label", "effective_from", "published_at", "tiers")
    META_FIELD_NUMBER: _ClassVar[int]
    ITEM_CODE_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FROM_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_FIELD_NUMBER: _ClassVar[int]
    TIERS_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.RecordMeta
    item_code: str
    version: int
    label: str
    effective_from: _timestamp_pb2.Timestamp
    published_at: _timestamp_pb2.Timestamp
    tiers: _containers.RepeatedCompositeFieldContainer[Tier]
    def __init__(self, meta: _Optional[_Union[_common_pb2.RecordMeta, _Mapping]] = ..., item_code: _Optional[str] = ..., version: _Optional[int] = ..., label: _Optional[str] = ..., effective_from: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., published_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., tiers: _Optional[_Iterable[_Union[Tier, _Mapping]]] = ...) -> None: ...

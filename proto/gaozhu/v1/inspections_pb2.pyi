import datetime

from gaozhu.v1 import common_pb2 as _common_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Inspection(_message.Message):
    __slots__ = ("meta", "zone_id", "inspection_code", "item_code", "officer_ids", "subject_credit_code", "inspected_at", "result")
    META_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    INSPECTION_CODE_FIELD_NUMBER: _ClassVar[int]
    ITEM_CODE_FIELD_NUMBER: _ClassVar[int]
    OFFICER_IDS_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_CREDIT_CODE_FIELD_NUMBER: _ClassVar[int]
    INSPECTED_AT_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.RecordMeta
    zone_id: str
    inspection_code: str
    item_code: str
    officer_ids: _containers.RepeatedScalarFieldContainer[str]
    subject_credit_code: str
    inspected_at: _timestamp_pb2.Timestamp
    result: _common_pb2.InspectionResult
    def __init__(self, meta: _Optional[_Union[_common_pb2.RecordMeta, _Mapping]] = ..., zone_id: _Optional[str] = ..., inspection_code: _Optional[str] = ..., item_code: _Optional[str] = ..., officer_ids: _Optional[_Iterable[str]] = ..., subject_credit_code: _Optional[str] = ..., inspected_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., result: _Optional[_Union[_common_pb2.InspectionResult, str]] = ...) -> None: ...

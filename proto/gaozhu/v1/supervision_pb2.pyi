import datetime

from gaozhu.v1 import common_pb2 as _common_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class WarningKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    WARNING_KIND_UNSPECIFIED: _ClassVar[WarningKind]
    WARNING_KIND_OVER_FREQUENCY: _ClassVar[WarningKind]
    WARNING_KIND_OUT_OF_DOMAIN: _ClassVar[WarningKind]
    WARNING_KIND_SUSPENDED_OFFICER: _ClassVar[WarningKind]
    WARNING_KIND_SINGLE_OFFICER: _ClassVar[WarningKind]
    WARNING_KIND_DISCRETION_MISMATCH: _ClassVar[WarningKind]
    WARNING_KIND_OUT_OF_AREA: _ClassVar[WarningKind]
WARNING_KIND_UNSPECIFIED: WarningKind
WARNING_KIND_OVER_FREQUENCY: WarningKind
WARNING_KIND_OUT_OF_DOMAIN: WarningKind
WARNING_KIND_SUSPENDED_OFFICER: WarningKind
WARNING_KIND_SINGLE_OFFICER: WarningKind
WARNING_KIND_DISCRETION_MISMATCH: WarningKind
WARNING_KIND_OUT_OF_AREA: WarningKind

class Warning(_message.Message):
    __slots__ = ("id", "kind", "message", "refs", "raised_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    REFS_FIELD_NUMBER: _ClassVar[int]
    RAISED_AT_FIELD_NUMBER: _ClassVar[int]
    id: int
    kind: WarningKind
    message: str
    refs: _containers.RepeatedScalarFieldContainer[str]
    raised_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[int] = ..., kind: _Optional[_Union[WarningKind, str]] = ..., message: _Optional[str] = ..., refs: _Optional[_Iterable[str]] = ..., raised_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RequestInspectionCodeRequest(_message.Message):
    __slots__ = ("item_code", "subject_credit_code", "officer_ids", "planned_at")
    ITEM_CODE_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_CREDIT_CODE_FIELD_NUMBER: _ClassVar[int]
    OFFICER_IDS_FIELD_NUMBER: _ClassVar[int]
    PLANNED_AT_FIELD_NUMBER: _ClassVar[int]
    item_code: str
    subject_credit_code: str
    officer_ids: _containers.RepeatedScalarFieldContainer[str]
    planned_at: _timestamp_pb2.Timestamp
    def __init__(self, item_code: _Optional[str] = ..., subject_credit_code: _Optional[str] = ..., officer_ids: _Optional[_Iterable[str]] = ..., planned_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RequestInspectionCodeResponse(_message.Message):
    __slots__ = ("inspection_code", "issued_at", "warnings")
    INSPECTION_CODE_FIELD_NUMBER: _ClassVar[int]
    ISSUED_AT_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    inspection_code: str
    issued_at: _timestamp_pb2.Timestamp
    warnings: _containers.RepeatedCompositeFieldContainer[Warning]
    def __init__(self, inspection_code: _Optional[str] = ..., issued_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., warnings: _Optional[_Iterable[_Union[Warning, _Mapping]]] = ...) -> None: ...

class ListWarningsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "kind")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    kind: WarningKind
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., kind: _Optional[_Union[WarningKind, str]] = ...) -> None: ...

class ListWarningsResponse(_message.Message):
    __slots__ = ("warnings", "next_page_token")
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    warnings: _containers.RepeatedCompositeFieldContainer[Warning]
    next_page_token: str
    def __init__(self, warnings: _Optional[_Iterable[_Union[Warning, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetDisclosureRequest(_message.Message):
    __slots__ = ("inspection_code",)
    INSPECTION_CODE_FIELD_NUMBER: _ClassVar[int]
    inspection_code: str
    def __init__(self, inspection_code: _Optional[str] = ...) -> None: ...

class DisclosedOfficer(_message.Message):
    __slots__ = ("zone_id", "name", "agency_name", "certificate_no", "certificate_status")
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    AGENCY_NAME_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_NO_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_STATUS_FIELD_NUMBER: _ClassVar[int]
    zone_id: str
    name: str
    agency_name: str
    certificate_no: str
    certificate_status: _common_pb2.CertificateStatus
    def __init__(self, zone_id: _Optional[str] = ..., name: _Optional[str] = ..., agency_name: _Optional[str] = ..., certificate_no: _Optional[str] = ..., certificate_status: _Optional[_Union[_common_pb2.CertificateStatus, str]] = ...) -> None: ...

class GetDisclosureResponse(_message.Message):
    __slots__ = ("inspection_code", "agency_names", "officers", "item_code", "item_name", "basis", "subject_credit_code", "subject_name", "issued_at", "planned_at", "inspected_at", "result", "feedback_channel")
    INSPECTION_CODE_FIELD_NUMBER: _ClassVar[int]
    AGENCY_NAMES_FIELD_NUMBER: _ClassVar[int]
    OFFICERS_FIELD_NUMBER: _ClassVar[int]
    ITEM_CODE_FIELD_NUMBER: _ClassVar[int]
    ITEM_NAME_FIELD_NUMBER: _ClassVar[int]
    BASIS_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_CREDIT_CODE_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    ISSUED_AT_FIELD_NUMBER: _ClassVar[int]
    PLANNED_AT_FIELD_NUMBER: _ClassVar[int]
    INSPECTED_AT_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    FEEDBACK_CHANNEL_FIELD_NUMBER: _ClassVar[int]
    inspection_code: str
    agency_names: _containers.RepeatedScalarFieldContainer[str]
    officers: _containers.RepeatedCompositeFieldContainer[DisclosedOfficer]
    item_code: str
    item_name: str
    basis: _common_pb2.LegalRef
    subject_credit_code: str
    subject_name: str
    issued_at: _timestamp_pb2.Timestamp
    planned_at: _timestamp_pb2.Timestamp
    inspected_at: _timestamp_pb2.Timestamp
    result: _common_pb2.InspectionResult
    feedback_channel: str
    def __init__(self, inspection_code: _Optional[str] = ..., agency_names: _Optional[_Iterable[str]] = ..., officers: _Optional[_Iterable[_Union[DisclosedOfficer, _Mapping]]] = ..., item_code: _Optional[str] = ..., item_name: _Optional[str] = ..., basis: _Optional[_Union[_common_pb2.LegalRef, _Mapping]] = ..., subject_credit_code: _Optional[str] = ..., subject_name: _Optional[str] = ..., issued_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., planned_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., inspected_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., result: _Optional[_Union[_common_pb2.InspectionResult, str]] = ..., feedback_channel: _Optional[str] = ...) -> None: ...

from gaozhu.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Officer(_message.Message):
    __slots__ = ("meta", "zone_id", "local_id", "name", "gender", "id_number", "id_number_masked", "home_origin", "agency_name", "agency_code", "certificate_no", "certificate_status", "certificate_status_reason", "certificate_valid_until", "domains", "training_hours_tenths", "training_year", "dispatched")
    META_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    LOCAL_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    GENDER_FIELD_NUMBER: _ClassVar[int]
    ID_NUMBER_FIELD_NUMBER: _ClassVar[int]
    ID_NUMBER_MASKED_FIELD_NUMBER: _ClassVar[int]
    HOME_ORIGIN_FIELD_NUMBER: _ClassVar[int]
    AGENCY_NAME_FIELD_NUMBER: _ClassVar[int]
    AGENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_NO_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_STATUS_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_STATUS_REASON_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_VALID_UNTIL_FIELD_NUMBER: _ClassVar[int]
    DOMAINS_FIELD_NUMBER: _ClassVar[int]
    TRAINING_HOURS_TENTHS_FIELD_NUMBER: _ClassVar[int]
    TRAINING_YEAR_FIELD_NUMBER: _ClassVar[int]
    DISPATCHED_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.RecordMeta
    zone_id: str
    local_id: str
    name: str
    gender: _common_pb2.Gender
    id_number: str
    id_number_masked: str
    home_origin: _common_pb2.Origin
    agency_name: str
    agency_code: str
    certificate_no: str
    certificate_status: _common_pb2.CertificateStatus
    certificate_status_reason: str
    certificate_valid_until: str
    domains: _containers.RepeatedScalarFieldContainer[str]
    training_hours_tenths: int
    training_year: int
    dispatched: bool
    def __init__(self, meta: _Optional[_Union[_common_pb2.RecordMeta, _Mapping]] = ..., zone_id: _Optional[str] = ..., local_id: _Optional[str] = ..., name: _Optional[str] = ..., gender: _Optional[_Union[_common_pb2.Gender, str]] = ..., id_number: _Optional[str] = ..., id_number_masked: _Optional[str] = ..., home_origin: _Optional[_Union[_common_pb2.Origin, str]] = ..., agency_name: _Optional[str] = ..., agency_code: _Optional[str] = ..., certificate_no: _Optional[str] = ..., certificate_status: _Optional[_Union[_common_pb2.CertificateStatus, str]] = ..., certificate_status_reason: _Optional[str] = ..., certificate_valid_until: _Optional[str] = ..., domains: _Optional[_Iterable[str]] = ..., training_hours_tenths: _Optional[int] = ..., training_year: _Optional[int] = ..., dispatched: _Optional[bool] = ...) -> None: ...

from gaozhu.v1 import common_pb2 as _common_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Subject(_message.Message):
    __slots__ = ("meta", "credit_code", "name", "region_code", "address", "industry_code", "credit_grade", "legal_representative")
    META_FIELD_NUMBER: _ClassVar[int]
    CREDIT_CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_CODE_FIELD_NUMBER: _ClassVar[int]
    CREDIT_GRADE_FIELD_NUMBER: _ClassVar[int]
    LEGAL_REPRESENTATIVE_FIELD_NUMBER: _ClassVar[int]
    meta: _common_pb2.RecordMeta
    credit_code: str
    name: str
    region_code: str
    address: str
    industry_code: str
    credit_grade: _common_pb2.CreditGrade
    legal_representative: str
    def __init__(self, meta: _Optional[_Union[_common_pb2.RecordMeta, _Mapping]] = ..., credit_code: _Optional[str] = ..., name: _Optional[str] = ..., region_code: _Optional[str] = ..., address: _Optional[str] = ..., industry_code: _Optional[str] = ..., credit_grade: _Optional[_Union[_common_pb2.CreditGrade, str]] = ..., legal_representative: _Optional[str] = ...) -> None: ...

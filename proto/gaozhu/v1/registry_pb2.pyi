import datetime

from gaozhu.v1 import common_pb2 as _common_pb2
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

class GetOfficerRequest(_message.Message):
    __slots__ = ("zone_id", "local_id")
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    LOCAL_ID_FIELD_NUMBER: _ClassVar[int]
    zone_id: str
    local_id: str
    def __init__(self, zone_id: _Optional[str] = ..., local_id: _Optional[str] = ...) -> None: ...

class GetOfficerResponse(_message.Message):
    __slots__ = ("officer",)
    OFFICER_FIELD_NUMBER: _ClassVar[int]
    officer: _personnel_pb2.Officer
    def __init__(self, officer: _Optional[_Union[_personnel_pb2.Officer, _Mapping]] = ...) -> None: ...

class ListOfficersRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "origin", "domain", "certificate_status", "dispatched", "name_prefix")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_FIELD_NUMBER: _ClassVar[int]
    DOMAIN_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_STATUS_FIELD_NUMBER: _ClassVar[int]
    DISPATCHED_FIELD_NUMBER: _ClassVar[int]
    NAME_PREFIX_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    origin: _common_pb2.Origin
    domain: str
    certificate_status: _common_pb2.CertificateStatus
    dispatched: bool
    name_prefix: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., origin: _Optional[_Union[_common_pb2.Origin, str]] = ..., domain: _Optional[str] = ..., certificate_status: _Optional[_Union[_common_pb2.CertificateStatus, str]] = ..., dispatched: _Optional[bool] = ..., name_prefix: _Optional[str] = ...) -> None: ...

class ListOfficersResponse(_message.Message):
    __slots__ = ("officers", "next_page_token")
    OFFICERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    officers: _containers.RepeatedCompositeFieldContainer[_personnel_pb2.Officer]
    next_page_token: str
    def __init__(self, officers: _Optional[_Iterable[_Union[_personnel_pb2.Officer, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetSubjectRequest(_message.Message):
    __slots__ = ("credit_code",)
    CREDIT_CODE_FIELD_NUMBER: _ClassVar[int]
    credit_code: str
    def __init__(self, credit_code: _Optional[str] = ...) -> None: ...

class GetSubjectResponse(_message.Message):
    __slots__ = ("subject",)
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    subject: _subjects_pb2.Subject
    def __init__(self, subject: _Optional[_Union[_subjects_pb2.Subject, _Mapping]] = ...) -> None: ...

class ListSubjectsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "region_code", "credit_grade", "industry_code", "name_contains")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    CREDIT_GRADE_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_CONTAINS_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    region_code: str
    credit_grade: _common_pb2.CreditGrade
    industry_code: str
    name_contains: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., region_code: _Optional[str] = ..., credit_grade: _Optional[_Union[_common_pb2.CreditGrade, str]] = ..., industry_code: _Optional[str] = ..., name_contains: _Optional[str] = ...) -> None: ...

class ListSubjectsResponse(_message.Message):
    __slots__ = ("subjects", "next_page_token")
    SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    subjects: _containers.RepeatedCompositeFieldContainer[_subjects_pb2.Subject]
    next_page_token: str
    def __init__(self, subjects: _Optional[_Iterable[_Union[_subjects_pb2.Subject, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetItemRequest(_message.Message):
    __slots__ = ("code",)
    CODE_FIELD_NUMBER: _ClassVar[int]
    code: str
    def __init__(self, code: _Optional[str] = ...) -> None: ...

class GetItemResponse(_message.Message):
    __slots__ = ("item",)
    ITEM_FIELD_NUMBER: _ClassVar[int]
    item: _items_pb2.Item
    def __init__(self, item: _Optional[_Union[_items_pb2.Item, _Mapping]] = ...) -> None: ...

class ListItemsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "domain", "kind", "status")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    DOMAIN_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    domain: str
    kind: _common_pb2.ItemKind
    status: _common_pb2.ItemStatus
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., domain: _Optional[str] = ..., kind: _Optional[_Union[_common_pb2.ItemKind, str]] = ..., status: _Optional[_Union[_common_pb2.ItemStatus, str]] = ...) -> None: ...

class ListItemsResponse(_message.Message):
    __slots__ = ("items", "next_page_token")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[_items_pb2.Item]
    next_page_token: str
    def __init__(self, items: _Optional[_Iterable[_Union[_items_pb2.Item, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetBaselineRequest(_message.Message):
    __slots__ = ("item_code", "at")
    ITEM_CODE_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    item_code: str
    at: _timestamp_pb2.Timestamp
    def __init__(self, item_code: _Optional[str] = ..., at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class GetBaselineResponse(_message.Message):
    __slots__ = ("baseline",)
    BASELINE_FIELD_NUMBER: _ClassVar[int]
    baseline: _items_pb2.Baseline
    def __init__(self, baseline: _Optional[_Union[_items_pb2.Baseline, _Mapping]] = ...) -> None: ...

class ListBaselinesRequest(_message.Message):
    __slots__ = ("item_code",)
    ITEM_CODE_FIELD_NUMBER: _ClassVar[int]
    item_code: str
    def __init__(self, item_code: _Optional[str] = ...) -> None: ...

class ListBaselinesResponse(_message.Message):
    __slots__ = ("baselines",)
    BASELINES_FIELD_NUMBER: _ClassVar[int]
    baselines: _containers.RepeatedCompositeFieldContainer[_items_pb2.Baseline]
    def __init__(self, baselines: _Optional[_Iterable[_Union[_items_pb2.Baseline, _Mapping]]] = ...) -> None: ...

import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Origin(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ORIGIN_UNSPECIFIED: _ClassVar[Origin]
    ORIGIN_SICHUAN: _ClassVar[Origin]
    ORIGIN_CHONGQING: _ClassVar[Origin]
    ORIGIN_ZONE: _ClassVar[Origin]

class ItemKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ITEM_KIND_UNSPECIFIED: _ClassVar[ItemKind]
    ITEM_KIND_PENALTY: _ClassVar[ItemKind]
    ITEM_KIND_INSPECTION: _ClassVar[ItemKind]
    ITEM_KIND_COMPULSORY: _ClassVar[ItemKind]

class ItemStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ITEM_STATUS_UNSPECIFIED: _ClassVar[ItemStatus]
    ITEM_STATUS_IN_FORCE: _ClassVar[ItemStatus]
    ITEM_STATUS_WITHDRAWN: _ClassVar[ItemStatus]

class TierName(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TIER_NAME_UNSPECIFIED: _ClassVar[TierName]
    TIER_NAME_NO_PENALTY: _ClassVar[TierName]
    TIER_NAME_MITIGATED: _ClassVar[TierName]
    TIER_NAME_LIGHTER: _ClassVar[TierName]
    TIER_NAME_ORDINARY: _ClassVar[TierName]
    TIER_NAME_HEAVIER: _ClassVar[TierName]

class CertificateStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CERTIFICATE_STATUS_UNSPECIFIED: _ClassVar[CertificateStatus]
    CERTIFICATE_STATUS_VALID: _ClassVar[CertificateStatus]
    CERTIFICATE_STATUS_SUSPENDED: _ClassVar[CertificateStatus]
    CERTIFICATE_STATUS_REVOKED: _ClassVar[CertificateStatus]
    CERTIFICATE_STATUS_EXPIRED: _ClassVar[CertificateStatus]

class Gender(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    GENDER_UNSPECIFIED: _ClassVar[Gender]
    GENDER_MALE: _ClassVar[Gender]
    GENDER_FEMALE: _ClassVar[Gender]

class CreditGrade(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CREDIT_GRADE_UNSPECIFIED: _ClassVar[CreditGrade]
    CREDIT_GRADE_A: _ClassVar[CreditGrade]
    CREDIT_GRADE_B: _ClassVar[CreditGrade]
    CREDIT_GRADE_C: _ClassVar[CreditGrade]
    CREDIT_GRADE_D: _ClassVar[CreditGrade]

class InspectionResult(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    INSPECTION_RESULT_UNSPECIFIED: _ClassVar[InspectionResult]
    INSPECTION_RESULT_NO_PROBLEM: _ClassVar[InspectionResult]
    INSPECTION_RESULT_ORDERED_TO_CORRECT: _ClassVar[InspectionResult]
    INSPECTION_RESULT_CASE_OPENED: _ClassVar[InspectionResult]

class RecordKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RECORD_KIND_UNSPECIFIED: _ClassVar[RecordKind]
    RECORD_KIND_ITEM: _ClassVar[RecordKind]
    RECORD_KIND_BASELINE: _ClassVar[RecordKind]
    RECORD_KIND_OFFICER: _ClassVar[RecordKind]
    RECORD_KIND_SUBJECT: _ClassVar[RecordKind]
    RECORD_KIND_INSPECTION: _ClassVar[RecordKind]

class Operation(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    OPERATION_UNSPECIFIED: _ClassVar[Operation]
    OPERATION_UPSERT: _ClassVar[Operation]
    OPERATION_DELETE: _ClassVar[Operation]

class PushStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PUSH_STATUS_UNSPECIFIED: _ClassVar[PushStatus]
    PUSH_STATUS_ACCEPTED: _ClassVar[PushStatus]
    PUSH_STATUS_DUPLICATE: _ClassVar[PushStatus]
    PUSH_STATUS_STALE: _ClassVar[PushStatus]
    PUSH_STATUS_REJECTED: _ClassVar[PushStatus]
ORIGIN_UNSPECIFIED: Origin
ORIGIN_SICHUAN: Origin
ORIGIN_CHONGQING: Origin
ORIGIN_ZONE: Origin
ITEM_KIND_UNSPECIFIED: ItemKind
ITEM_KIND_PENALTY: ItemKind
ITEM_KIND_INSPECTION: ItemKind
ITEM_KIND_COMPULSORY: ItemKind
ITEM_STATUS_UNSPECIFIED: ItemStatus
ITEM_STATUS_IN_FORCE: ItemStatus
ITEM_STATUS_WITHDRAWN: ItemStatus
TIER_NAME_UNSPECIFIED: TierName
TIER_NAME_NO_PENALTY: TierName
TIER_NAME_MITIGATED: TierName
TIER_NAME_LIGHTER: TierName
TIER_NAME_ORDINARY: TierName
TIER_NAME_HEAVIER: TierName
CERTIFICATE_STATUS_UNSPECIFIED: CertificateStatus
CERTIFICATE_STATUS_VALID: CertificateStatus
CERTIFICATE_STATUS_SUSPENDED: CertificateStatus
CERTIFICATE_STATUS_REVOKED: CertificateStatus
CERTIFICATE_STATUS_EXPIRED: CertificateStatus
GENDER_UNSPECIFIED: Gender
GENDER_MALE: Gender
GENDER_FEMALE: Gender
CREDIT_GRADE_UNSPECIFIED: CreditGrade
CREDIT_GRADE_A: CreditGrade
CREDIT_GRADE_B: CreditGrade
CREDIT_GRADE_C: CreditGrade
CREDIT_GRADE_D: CreditGrade
INSPECTION_RESULT_UNSPECIFIED: InspectionResult
INSPECTION_RESULT_NO_PROBLEM: InspectionResult
INSPECTION_RESULT_ORDERED_TO_CORRECT: InspectionResult
INSPECTION_RESULT_CASE_OPENED: InspectionResult
RECORD_KIND_UNSPECIFIED: RecordKind
RECORD_KIND_ITEM: RecordKind
RECORD_KIND_BASELINE: RecordKind
RECORD_KIND_OFFICER: RecordKind
RECORD_KIND_SUBJECT: RecordKind
RECORD_KIND_INSPECTION: RecordKind
OPERATION_UNSPECIFIED: Operation
OPERATION_UPSERT: Operation
OPERATION_DELETE: Operation
PUSH_STATUS_UNSPECIFIED: PushStatus
PUSH_STATUS_ACCEPTED: PushStatus
PUSH_STATUS_DUPLICATE: PushStatus
PUSH_STATUS_STALE: PushStatus
PUSH_STATUS_REJECTED: PushStatus

class RecordMeta(_message.Message):
    __slots__ = ("origin", "local_id", "version", "revision", "updated_at")
    ORIGIN_FIELD_NUMBER: _ClassVar[int]
    LOCAL_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    origin: Origin
    local_id: str
    version: int
    revision: int
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, origin: _Optional[_Union[Origin, str]] = ..., local_id: _Optional[str] = ..., version: _Optional[int] = ..., revision: _Optional[int] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class LegalRef(_message.Message):
    __slots__ = ("law", "version", "article")
    LAW_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    ARTICLE_FIELD_NUMBER: _ClassVar[int]
    law: str
    version: str
    article: str
    def __init__(self, law: _Optional[str] = ..., version: _Optional[str] = ..., article: _Optional[str] = ...) -> None: ...

class LocalCode(_message.Message):
    __slots__ = ("origin", "code")
    ORIGIN_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    origin: Origin
    code: str
    def __init__(self, origin: _Optional[_Union[Origin, str]] = ..., code: _Optional[str] = ...) -> None: ...

class FineRange(_message.Message):
    __slots__ = ("fixed", "proportional", "per_unit")
    class Fixed(_message.Message):
        __slots__ = ("min_fen", "max_fen", "up_to")
        MIN_FEN_FIELD_NUMBER: _ClassVar[int]
        MAX_FEN_FIELD_NUMBER: _ClassVar[int]
        UP_TO_FIELD_NUMBER: _ClassVar[int]
        min_fen: int
        max_fen: int
        up_to: bool
        def __init__(self, min_fen: _Optional[int] = ..., max_fen: _Optional[int] = ..., up_to: _Optional[bool] = ...) -> None: ...
    class Proportional(_message.Message):
        __slots__ = ("base", "min_bp", "max_bp", "base_floor_fen", "below")
        class Base(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            BASE_UNSPECIFIED: _ClassVar[FineRange.Proportional.Base]
            BASE_PROJECT_COST: _ClassVar[FineRange.Proportional.Base]
            BASE_INVESTMENT: _ClassVar[FineRange.Proportional.Base]
            BASE_CONTRACT_PRICE: _ClassVar[FineRange.Proportional.Base]
            BASE_ILLEGAL_GAINS: _ClassVar[FineRange.Proportional.Base]
            BASE_GOODS_VALUE: _ClassVar[FineRange.Proportional.Base]
            BASE_DISPOSAL_COST: _ClassVar[FineRange.Proportional.Base]
        BASE_UNSPECIFIED: FineRange.Proportional.Base
        BASE_PROJECT_COST: FineRange.Proportional.Base
        BASE_INVESTMENT: FineRange.Proportional.Base
        BASE_CONTRACT_PRICE: FineRange.Proportional.Base
        BASE_ILLEGAL_GAINS: FineRange.Proportional.Base
        BASE_GOODS_VALUE: FineRange.Proportional.Base
        BASE_DISPOSAL_COST: FineRange.Proportional.Base
        class BelowThreshold(_message.Message):
            __slots__ = ("threshold_fen", "min_fen", "max_fen")
            THRESHOLD_FEN_FIELD_NUMBER: _ClassVar[int]
            MIN_FEN_FIELD_NUMBER: _ClassVar[int]
            MAX_FEN_FIELD_NUMBER: _ClassVar[int]
            threshold_fen: int
            min_fen: int
            max_fen: int
            def __init__(self, threshold_fen: _Optional[int] = ..., min_fen: _Optional[int] = ..., max_fen: _Optional[int] = ...) -> None: ...
        BASE_FIELD_NUMBER: _ClassVar[int]
        MIN_BP_FIELD_NUMBER: _ClassVar[int]
        MAX_BP_FIELD_NUMBER: _ClassVar[int]
        BASE_FLOOR_FEN_FIELD_NUMBER: _ClassVar[int]
        BELOW_FIELD_NUMBER: _ClassVar[int]
        base: FineRange.Proportional.Base
        min_bp: int
        max_bp: int
        base_floor_fen: int
        below: FineRange.Proportional.BelowThreshold
        def __init__(self, base: _Optional[_Union[FineRange.Proportional.Base, str]] = ..., min_bp: _Optional[int] = ..., max_bp: _Optional[int] = ..., base_floor_fen: _Optional[int] = ..., below: _Optional[_Union[FineRange.Proportional.BelowThreshold, _Mapping]] = ...) -> None: ...
    class PerUnit(_message.Message):
        __slots__ = ("unit", "min_fen", "max_fen")
        class Unit(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            UNIT_UNSPECIFIED: _ClassVar[FineRange.PerUnit.Unit]
            UNIT_SQUARE_METRE: _ClassVar[FineRange.PerUnit.Unit]
            UNIT_CUBIC_METRE: _ClassVar[FineRange.PerUnit.Unit]
        UNIT_UNSPECIFIED: FineRange.PerUnit.Unit
        UNIT_SQUARE_METRE: FineRange.PerUnit.Unit
        UNIT_CUBIC_METRE: FineRange.PerUnit.Unit
        UNIT_FIELD_NUMBER: _ClassVar[int]
        MIN_FEN_FIELD_NUMBER: _ClassVar[int]
        MAX_FEN_FIELD_NUMBER: _ClassVar[int]
        unit: FineRange.PerUnit.Unit
        min_fen: int
        max_fen: int
        def __init__(self, unit: _Optional[_Union[FineRange.PerUnit.Unit, str]] = ..., min_fen: _Optional[int] = ..., max_fen: _Optional[int] = ...) -> None: ...
    FIXED_FIELD_NUMBER: _ClassVar[int]
    PROPORTIONAL_FIELD_NUMBER: _ClassVar[int]
    PER_UNIT_FIELD_NUMBER: _ClassVar[int]
    fixed: FineRange.Fixed
    proportional: FineRange.Proportional
    per_unit: FineRange.PerUnit
    def __init__(self, fixed: _Optional[_Union[FineRange.Fixed, _Mapping]] = ..., proportional: _Optional[_Union[FineRange.Proportional, _Mapping]] = ..., per_unit: _Optional[_Union[FineRange.PerUnit, _Mapping]] = ...) -> None: ...

class FieldViolation(_message.Message):
    __slots__ = ("field", "reason")
    FIELD_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    field: str
    reason: str
    def __init__(self, field: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

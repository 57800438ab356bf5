import datetime

from gaozhu.v1 import common_pb2 as _common_pb2
from gaozhu.v1 import items_pb2 as _items_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Harm(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    HARM_UNSPECIFIED: _ClassVar[Harm]
    HARM_NONE: _ClassVar[Harm]
    HARM_MINOR: _ClassVar[Harm]
    HARM_SERIOUS: _ClassVar[Harm]
HARM_UNSPECIFIED: Harm
HARM_NONE: Harm
HARM_MINOR: Harm
HARM_SERIOUS: Harm

class Facts(_message.Message):
    __slots__ = ("occurred_at", "decided_at", "first_violation", "harm", "corrected_in_time", "illegal_gains_fen", "base_amount_fen", "quantity", "repeat_within_2y", "voluntary_report", "cooperated", "coerced", "no_fault", "party_age_years", "discovered_at", "subject_region_code", "minor_violation", "obstruction", "serious_consequence", "endangers_life_or_finance", "natural_person")
    OCCURRED_AT_FIELD_NUMBER: _ClassVar[int]
    DECIDED_AT_FIELD_NUMBER: _ClassVar[int]
    FIRST_VIOLATION_FIELD_NUMBER: _ClassVar[int]
    HARM_FIELD_NUMBER: _ClassVar[int]
    CORRECTED_IN_TIME_FIELD_NUMBER: _ClassVar[int]
    ILLEGAL_GAINS_FEN_FIELD_NUMBER: _ClassVar[int]
    BASE_AMOUNT_FEN_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    REPEAT_WITHIN_2Y_FIELD_NUMBER: _ClassVar[int]
    VOLUNTARY_REPORT_FIELD_NUMBER: _ClassVar[int]
    COOPERATED_FIELD_NUMBER: _ClassVar[int]
    COERCED_FIELD_NUMBER: _ClassVar[int]
    NO_FAULT_FIELD_NUMBER: _ClassVar[int]
    PARTY_AGE_YEARS_FIELD_NUMBER: _ClassVar[int]
    DISCOVERED_AT_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    MINOR_VIOLATION_FIELD_NUMBER: _ClassVar[int]
    OBSTRUCTION_FIELD_NUMBER: _ClassVar[int]
    SERIOUS_CONSEQUENCE_FIELD_NUMBER: _ClassVar[int]
    ENDANGERS_LIFE_OR_FINANCE_FIELD_NUMBER: _ClassVar[int]
    NATURAL_PERSON_FIELD_NUMBER: _ClassVar[int]
    occurred_at: _timestamp_pb2.Timestamp
    decided_at: _timestamp_pb2.Timestamp
    first_violation: bool
    harm: Harm
    corrected_in_time: bool
    illegal_gains_fen: int
    base_amount_fen: int
    quantity: int
    repeat_within_2y: bool
    voluntary_report: bool
    cooperated: bool
    coerced: bool
    no_fault: bool
    party_age_years: int
    discovered_at: _timestamp_pb2.Timestamp
    subject_region_code: str
    minor_violation: bool
    obstruction: bool
    serious_consequence: bool
    endangers_life_or_finance: bool
    natural_person: bool
    def __init__(self, occurred_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., decided_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., first_violation: _Optional[bool] = ..., harm: _Optional[_Union[Harm, str]] = ..., corrected_in_time: _Optional[bool] = ..., illegal_gains_fen: _Optional[int] = ..., base_amount_fen: _Optional[int] = ..., quantity: _Optional[int] = ..., repeat_within_2y: _Optional[bool] = ..., voluntary_report: _Optional[bool] = ..., cooperated: _Optional[bool] = ..., coerced: _Optional[bool] = ..., no_fault: _Optional[bool] = ..., party_age_years: _Optional[int] = ..., discovered_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., subject_region_code: _Optional[str] = ..., minor_violation: _Optional[bool] = ..., obstruction: _Optional[bool] = ..., serious_consequence: _Optional[bool] = ..., endangers_life_or_finance: _Optional[bool] = ..., natural_person: _Optional[bool] = ...) -> None: ...

class Reason(_message.Message):
    __slots__ = ("code", "text", "matched")
    CODE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    MATCHED_FIELD_NUMBER: _ClassVar[int]
    code: str
    text: str
    matched: bool
    def __init__(self, code: _Optional[str] = ..., text: _Optional[str] = ..., matched: _Optional[bool] = ...) -> None: ...

class Decision(_message.Message):
    __slots__ = ("item_code", "baseline_version", "baseline_label", "tier", "min_fen", "max_fen", "other_sanctions", "reasons", "no_penalty", "needs_legal_review", "needs_hearing", "procedure", "precedence_note")
    ITEM_CODE_FIELD_NUMBER: _ClassVar[int]
    BASELINE_VERSION_FIELD_NUMBER: _ClassVar[int]
    BASELINE_LABEL_FIELD_NUMBER: _ClassVar[int]
    TIER_FIELD_NUMBER: _ClassVar[int]
    MIN_FEN_FIELD_NUMBER: _ClassVar[int]
    MAX_FEN_FIELD_NUMBER: _ClassVar[int]
    OTHER_SANCTIONS_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    NO_PENALTY_FIELD_NUMBER: _ClassVar[int]
    NEEDS_LEGAL_REVIEW_FIELD_NUMBER: _ClassVar[int]
    NEEDS_HEARING_FIELD_NUMBER: _ClassVar[int]
    PROCEDURE_FIELD_NUMBER: _ClassVar[int]
    PRECEDENCE_NOTE_FIELD_NUMBER: _ClassVar[int]
    item_code: str
    baseline_version: int
    baseline_label: str
    tier: _common_pb2.TierName
    min_fen: int
    max_fen: int
    other_sanctions: _containers.RepeatedScalarFieldContainer[str]
    reasons: _containers.RepeatedCompositeFieldContainer[Reason]
    no_penalty: bool
    needs_legal_review: bool
    needs_hearing: bool
    procedure: str
    precedence_note: str
    def __init__(self, item_code: _Optional[str] = ..., baseline_version: _Optional[int] = ..., baseline_label: _Optional[str] = ..., tier: _Optional[_Union[_common_pb2.TierName, str]] = ..., min_fen: _Optional[int] = ..., max_fen: _Optional[int] = ..., other_sanctions: _Optional[_Iterable[str]] = ..., reasons: _Optional[_Iterable[_Union[Reason, _Mapping]]] = ..., no_penalty: _Optional[bool] = ..., needs_legal_review: _Optional[bool] = ..., needs_hearing: _Optional[bool] = ..., procedure: _Optional[str] = ..., precedence_note: _Optional[str] = ...) -> None: ...

class AssessRequest(_message.Message):
    __slots__ = ("item_code", "facts")
    ITEM_CODE_FIELD_NUMBER: _ClassVar[int]
    FACTS_FIELD_NUMBER: _ClassVar[int]
    item_code: str
    facts: Facts
    def __init__(self, item_code: _Optional[str] = ..., facts: _Optional[_Union[Facts, _Mapping]] = ...) -> None: ...

class AssessResponse(_message.Message):
    __slots__ = ("decision",)
    DECISION_FIELD_NUMBER: _ClassVar[int]
    decision: Decision
    def __init__(self, decision: _Optional[_Union[Decision, _Mapping]] = ...) -> None: ...

class BatchAssessRequest(_message.Message):
    __slots__ = ("requests",)
    REQUESTS_FIELD_NUMBER: _ClassVar[int]
    requests: _containers.RepeatedCompositeFieldContainer[AssessRequest]
    def __init__(self, requests: _Optional[_Iterable[_Union[AssessRequest, _Mapping]]] = ...) -> None: ...

class BatchAssessResponse(_message.Message):
    __slots__ = ("results",)
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    results: _containers.RepeatedCompositeFieldContainer[AssessResult]
    def __init__(self, results: _Optional[_Iterable[_Union[AssessResult, _Mapping]]] = ...) -> None: ...

class AssessResult(_message.Message):
    __slots__ = ("decision", "error")
    DECISION_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    decision: Decision
    error: AssessError
    def __init__(self, decision: _Optional[_Union[Decision, _Mapping]] = ..., error: _Optional[_Union[AssessError, _Mapping]] = ...) -> None: ...

class AssessError(_message.Message):
    __slots__ = ("code", "message", "violations")
    CODE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    VIOLATIONS_FIELD_NUMBER: _ClassVar[int]
    code: str
    message: str
    violations: _containers.RepeatedCompositeFieldContainer[_common_pb2.FieldViolation]
    def __init__(self, code: _Optional[str] = ..., message: _Optional[str] = ..., violations: _Optional[_Iterable[_Union[_common_pb2.FieldViolation, _Mapping]]] = ...) -> None: ...

class CheckPenaltyRequest(_message.Message):
    __slots__ = ("item_code", "facts", "imposed_fine_fen")
    ITEM_CODE_FIELD_NUMBER: _ClassVar[int]
    FACTS_FIELD_NUMBER: _ClassVar[int]
    IMPOSED_FINE_FEN_FIELD_NUMBER: _ClassVar[int]
    item_code: str
    facts: Facts
    imposed_fine_fen: int
    def __init__(self, item_code: _Optional[str] = ..., facts: _Optional[_Union[Facts, _Mapping]] = ..., imposed_fine_fen: _Optional[int] = ...) -> None: ...

class CheckPenaltyResponse(_message.Message):
    __slots__ = ("within_tier", "within_statutory_range", "decision", "reasons")
    WITHIN_TIER_FIELD_NUMBER: _ClassVar[int]
    WITHIN_STATUTORY_RANGE_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    within_tier: bool
    within_statutory_range: bool
    decision: Decision
    reasons: _containers.RepeatedCompositeFieldContainer[Reason]
    def __init__(self, within_tier: _Optional[bool] = ..., within_statutory_range: _Optional[bool] = ..., decision: _Optional[_Union[Decision, _Mapping]] = ..., reasons: _Optional[_Iterable[_Union[Reason, _Mapping]]] = ...) -> None: ...

class PublishBaselineRequest(_message.Message):
    __slots__ = ("item_code", "label", "effective_from", "tiers")
    ITEM_CODE_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FROM_FIELD_NUMBER: _ClassVar[int]
    TIERS_FIELD_NUMBER: _ClassVar[int]
    item_code: str
    label: str
    effective_from: _timestamp_pb2.Timestamp
    tiers: _containers.RepeatedCompositeFieldContainer[_items_pb2.Tier]
    def __init__(self, item_code: _Optional[str] = ..., label: _Optional[str] = ..., effective_from: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., tiers: _Optional[_Iterable[_Union[_items_pb2.Tier, _Mapping]]] = ...) -> None: ...

class PublishBaselineResponse(_message.Message):
    __slots__ = ("baseline",)
    BASELINE_FIELD_NUMBER: _ClassVar[int]
    baseline: _items_pb2.Baseline
    def __init__(self, baseline: _Optional[_Union[_items_pb2.Baseline, _Mapping]] = ...) -> None: ...

import datetime

from gaozhu.v1 import common_pb2 as _common_pb2
from gaozhu.v1 import personnel_pb2 as _personnel_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Credential(_message.Message):
    __slots__ = ("payload", "signature", "key_id", "issued_at", "expires_at", "qr_text")
    PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    SIGNATURE_FIELD_NUMBER: _ClassVar[int]
    KEY_ID_FIELD_NUMBER: _ClassVar[int]
    ISSUED_AT_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    QR_TEXT_FIELD_NUMBER: _ClassVar[int]
    payload: bytes
    signature: bytes
    key_id: str
    issued_at: _timestamp_pb2.Timestamp
    expires_at: _timestamp_pb2.Timestamp
    qr_text: str
    def __init__(self, payload: _Optional[bytes] = ..., signature: _Optional[bytes] = ..., key_id: _Optional[str] = ..., issued_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., qr_text: _Optional[str] = ...) -> None: ...

class IssueCredentialRequest(_message.Message):
    __slots__ = ("zone_id",)
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    zone_id: str
    def __init__(self, zone_id: _Optional[str] = ...) -> None: ...

class IssueCredentialResponse(_message.Message):
    __slots__ = ("credential",)
    CREDENTIAL_FIELD_NUMBER: _ClassVar[int]
    credential: Credential
    def __init__(self, credential: _Optional[_Union[Credential, _Mapping]] = ...) -> None: ...

class VerifyCredentialRequest(_message.Message):
    __slots__ = ("payload", "signature", "qr_text")
    PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    SIGNATURE_FIELD_NUMBER: _ClassVar[int]
    QR_TEXT_FIELD_NUMBER: _ClassVar[int]
    payload: bytes
    signature: bytes
    qr_text: str
    def __init__(self, payload: _Optional[bytes] = ..., signature: _Optional[bytes] = ..., qr_text: _Optional[str] = ...) -> None: ...

class VerifyCredentialResponse(_message.Message):
    __slots__ = ("valid", "officer", "certificate_status", "reason")
    VALID_FIELD_NUMBER: _ClassVar[int]
    OFFICER_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    valid: bool
    officer: _personnel_pb2.Officer
    certificate_status: _common_pb2.CertificateStatus
    reason: str
    def __init__(self, valid: _Optional[bool] = ..., officer: _Optional[_Union[_personnel_pb2.Officer, _Mapping]] = ..., certificate_status: _Optional[_Union[_common_pb2.CertificateStatus, str]] = ..., reason: _Optional[str] = ...) -> None: ...

class GetZonePublicKeyRequest(_message.Message):
    __slots__ = ("key_id",)
    KEY_ID_FIELD_NUMBER: _ClassVar[int]
    key_id: str
    def __init__(self, key_id: _Optional[str] = ...) -> None: ...

class GetZonePublicKeyResponse(_message.Message):
    __slots__ = ("key_id", "public_key", "pem")
    KEY_ID_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_KEY_FIELD_NUMBER: _ClassVar[int]
    PEM_FIELD_NUMBER: _ClassVar[int]
    key_id: str
    public_key: bytes
    pem: str
    def __init__(self, key_id: _Optional[str] = ..., public_key: _Optional[bytes] = ..., pem: _Optional[str] = ...) -> None: ...

"""Who is calling, and what each role may call: one table, one place.

Under TLS the identity is the client certificate's URI SAN (`spiffe://gaozhu.zone/<role>/<name>`),
never a request field. Only in insecure (loopback-only) mode does the `x-gaozhu-identity` header
count; under TLS it is ignored.
"""

from __future__ import annotations

import contextvars
import re
from dataclasses import dataclass
from enum import StrEnum

IDENTITY_HEADER = "x-gaozhu-identity"
TRUST_DOMAIN = "gaozhu.zone"
NAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")


class Role(StrEnum):
    PLATFORM = "platform"
    STAFF = "staff"
    ADMIN = "admin"


PLATFORMS = {"sichuan": "SICHUAN", "chongqing": "CHONGQING"}


@dataclass(frozen=True, slots=True)
class Identity:
    role: Role
    name: str

    def __str__(self) -> str:
        return f"{self.role.value}/{self.name}"

    @property
    def spiffe(self) -> str:
        return f"spiffe://{TRUST_DOMAIN}/{self}"

    @property
    def origin(self) -> str | None:
        """The province a platform speaks for (SICHUAN / CHONGQING); None for people."""
        return PLATFORMS.get(self.name) if self.role is Role.PLATFORM else None


def parse_identity(text: str) -> Identity | None:
    """`role/name` or a full SPIFFE URI of the zone; None if it names no known identity."""
    prefix = f"spiffe://{TRUST_DOMAIN}/"
    path = text[len(prefix) :] if text.startswith(prefix) else text
    parts = path.split("/")
    if len(parts) != 2 or parts[0] not in Role.__members__.values() or not NAME_PATTERN.fullmatch(parts[1]):
        return None
    identity = Identity(Role(parts[0]), parts[1])
    if identity.role is Role.PLATFORM and identity.name not in PLATFORMS:
        return None
    return identity


current_identity: contextvars.ContextVar[Identity | None] = contextvars.ContextVar(
    "gaozhu_identity", default=None
)
current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("gaozhu_request_id", default="")

_ALL = frozenset(Role)
_PLATFORM = frozenset({Role.PLATFORM})
_ADMIN = frozenset({Role.ADMIN})
_PEOPLE_AND_PLATFORMS = _ALL

# Method -> roles allowed. A method missing here is refused for everyone (deny by default).
POLICY: dict[str, frozenset[Role]] = {
    "/gaozhu.v1.RegistryService/GetOfficer": _ALL,
    "/gaozhu.v1.RegistryService/ListOfficers": _ALL,
    "/gaozhu.v1.RegistryService/GetSubject": _ALL,
    "/gaozhu.v1.RegistryService/ListSubjects": _ALL,
    "/gaozhu.v1.RegistryService/GetItem": _ALL,
    "/gaozhu.v1.RegistryService/ListItems": _ALL,
    "/gaozhu.v1.RegistryService/GetBaseline": _ALL,
    "/gaozhu.v1.RegistryService/ListBaselines": _ALL,
    "/gaozhu.v1.SyncService/Push": _PLATFORM,
    "/gaozhu.v1.SyncService/Watch": _PEOPLE_AND_PLATFORMS,
    "/gaozhu.v1.SyncService/Snapshot": _PEOPLE_AND_PLATFORMS,
    "/gaozhu.v1.SyncService/GetSyncStatus": _ALL,
    "/gaozhu.v1.SyncService/ListQuarantine": _ADMIN,
    "/gaozhu.v1.DiscretionService/Assess": _ALL,
    "/gaozhu.v1.DiscretionService/BatchAssess": _ALL,
    "/gaozhu.v1.DiscretionService/CheckPenalty": _ALL,
    "/gaozhu.v1.DiscretionService/PublishBaseline": _ADMIN,
    "/gaozhu.v1.CredentialService/IssueCredential": _ADMIN,
    "/gaozhu.v1.CredentialService/VerifyCredential": _ALL,
    "/gaozhu.v1.CredentialService/GetZonePublicKey": _ALL,
    "/gaozhu.v1.SupervisionService/RequestInspectionCode": frozenset({Role.STAFF, Role.PLATFORM}),
    "/gaozhu.v1.SupervisionService/ListWarnings": frozenset({Role.STAFF, Role.ADMIN}),
    "/gaozhu.v1.SupervisionService/GetDisclosure": _ALL,
}


def allowed(method: str, identity: Identity) -> bool:
    roles = POLICY.get(method)
    return roles is not None and identity.role in roles

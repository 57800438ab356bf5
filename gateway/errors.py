"""Domain errors to gRPC status codes: the one place the mapping lives.

Invalid arguments carry their field violations as `google.rpc.BadRequest` in the standard rich
error details (`grpc-status-details-bin`), so any gRPC client can show which field was wrong.
"""

from __future__ import annotations

import grpc
from google.protobuf import any_pb2
from google.protobuf.message import Message
from google.rpc import code_pb2, error_details_pb2, status_pb2

from gaozhu.registry import errors

_CODES: list[tuple[type[errors.RegistryError], grpc.StatusCode]] = [
    (errors.NotFound, grpc.StatusCode.NOT_FOUND),
    (errors.InvalidArgument, grpc.StatusCode.INVALID_ARGUMENT),
    (errors.NotOwner, grpc.StatusCode.PERMISSION_DENIED),
    (errors.FailedPrecondition, grpc.StatusCode.FAILED_PRECONDITION),
    (errors.ResourceExhausted, grpc.StatusCode.RESOURCE_EXHAUSTED),
]


def status_code_for(exc: errors.RegistryError) -> grpc.StatusCode:
    for kind, code in _CODES:
        if isinstance(exc, kind):
            return code
    return grpc.StatusCode.INTERNAL


def details_for(code: grpc.StatusCode, message: str, exc: Exception | None = None) -> bytes:
    """A serialized google.rpc.Status, with BadRequest field violations where there are any."""
    status = status_pb2.Status(code=code.value[0], message=message)
    if isinstance(exc, errors.InvalidArgument):
        bad = error_details_pb2.BadRequest(
            field_violations=[
                error_details_pb2.BadRequest.FieldViolation(field=v.field, description=v.reason)
                for v in exc.violations
            ]
        )
        _attach(status, bad)
    if isinstance(exc, errors.Compacted):
        _attach(
            status,
            error_details_pb2.ErrorInfo(
                reason="REVISION_COMPACTED",
                domain="gaozhu.zone",
                metadata={"compacted_revision": str(exc.compacted_revision), "cursor": str(exc.cursor)},
            ),
        )
        _attach(
            status,
            error_details_pb2.PreconditionFailure(
                violations=[
                    error_details_pb2.PreconditionFailure.Violation(
                        type="COMPACTED",
                        subject="since_revision",
                        description=f"compacted up to revision {exc.compacted_revision}; take a Snapshot",
                    )
                ]
            ),
        )
    serialized: bytes = status.SerializeToString()
    return serialized


def _attach(status: status_pb2.Status, detail: Message) -> None:
    packed = any_pb2.Any()
    packed.Pack(detail)
    status.details.append(packed)


def compacted_revision(rpc_error: grpc.aio.AioRpcError | grpc.RpcError) -> int | None:
    """Client side: the compaction point named by a FAILED_PRECONDITION from Watch, if any."""
    for detail in _details(rpc_error):
        info = error_details_pb2.ErrorInfo()
        if detail.Unpack(info) and info.reason == "REVISION_COMPACTED":
            return int(info.metadata["compacted_revision"])
    return None


def _details(rpc_error: grpc.aio.AioRpcError | grpc.RpcError) -> list[any_pb2.Any]:
    for key, value in rpc_error.trailing_metadata() or ():
        if key == "grpc-status-details-bin" and isinstance(value, bytes):
            return list(status_pb2.Status.FromString(value).details)
    return []


def trailing_metadata(
    code: grpc.StatusCode, message: str, exc: Exception | None = None
) -> tuple[tuple[str, bytes], ...]:
    return (("grpc-status-details-bin", details_for(code, message, exc)),)


def field_violations(rpc_error: grpc.aio.AioRpcError | grpc.RpcError) -> list[tuple[str, str]]:
    """Client side: the (field, reason) pairs of an INVALID_ARGUMENT error, if it carries any."""
    out: list[tuple[str, str]] = []
    for detail in _details(rpc_error):
        bad = error_details_pb2.BadRequest()
        if detail.Unpack(bad):
            out.extend((v.field, v.description) for v in bad.field_violations)
    return out


assert grpc.StatusCode.INVALID_ARGUMENT.value[0] == code_pb2.INVALID_ARGUMENT

"""What every call of ours goes through: identity, authorisation, request id, one log line, errors.

Applied when the services are registered (`guard_services`): each method handler is wrapped once,
so no per-call interceptor pipeline runs (measured: a grpc.aio ServerInterceptor cost more per call
than all of this work). Inside the wrapper the auth context (the client certificate) is available;
the identity travels to handlers in a contextvar, never as an argument. Health and reflection are
not ours and stay open, as probes need them.
"""

from __future__ import annotations

import itertools
import secrets
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import grpc
import structlog
from sqlalchemy.exc import OperationalError

from gaozhu.gateway.errors import status_code_for, trailing_metadata
from gaozhu.gateway.identity import (
    IDENTITY_HEADER,
    Identity,
    allowed,
    current_identity,
    current_request_id,
    parse_identity,
)
from gaozhu.registry.errors import RegistryError

_REQUEST_PREFIX = secrets.token_hex(4)  # per process; with a counter, ids are unique and cheap
_REQUEST_COUNTER = itertools.count(1)
ANONYMOUS = "anonymous"


class _Denied(Exception):
    def __init__(self, code: grpc.StatusCode, message: str) -> None:
        super().__init__(message)
        self.code = code


def _identity(context: grpc.aio.ServicerContext[Any, Any], insecure: bool) -> Identity | None:
    if insecure:
        for key, value in context.invocation_metadata() or ():
            if key == IDENTITY_HEADER and isinstance(value, str):
                return parse_identity(value)
        return None
    auth = context.auth_context()
    for uri in auth.get("peer_uri", ()) or auth.get("x509_subject_alternative_name", ()):
        identity = parse_identity(uri.decode("utf-8", "replace") if isinstance(uri, bytes) else uri)
        if identity is not None:
            return identity
    return None


def _passing_bytes(serializer: Callable[[Any], bytes]) -> Callable[[Any], bytes]:
    """A stream may yield an already serialized message (bytes), e.g. one watch event sent to many."""

    def serialize(message: Any) -> bytes:
        return message if isinstance(message, bytes) else serializer(message)

    return serialize


class _Capture:
    """Stands in for the server while a generated `add_*Servicer_to_server` registers its handlers."""

    def __init__(self) -> None:
        self.services: dict[str, dict[str, grpc.RpcMethodHandler]] = {}

    def add_generic_rpc_handlers(self, handlers: Any) -> None:
        pass  # the same handlers also arrive through add_registered_method_handlers

    def add_registered_method_handlers(
        self, service: str, handlers: dict[str, grpc.RpcMethodHandler]
    ) -> None:
        self.services[service] = handlers


def guard_services(
    server: grpc.aio.Server, guard: CallGuard, registrations: list[tuple[Callable[[Any, Any], None], Any]]
) -> None:
    """Register each (generated add function, servicer) with every method wrapped by `guard`."""
    for add, servicer in registrations:
        capture = _Capture()
        add(servicer, capture)
        for service, handlers in capture.services.items():
            wrapped = {name: guard.wrap(f"/{service}/{name}", h) for name, h in handlers.items()}
            server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(service, wrapped),))
            server.add_registered_method_handlers(service, wrapped)


class CallGuard:
    def __init__(self, *, insecure: bool) -> None:
        self.insecure = insecure
        # Taken when the server is built, so it uses the logging configured by then (and is cached).
        self.log = structlog.get_logger("gaozhu.rpc")

    def wrap(self, method: str, handler: grpc.RpcMethodHandler) -> grpc.RpcMethodHandler:
        if handler.unary_unary is not None:
            return grpc.unary_unary_rpc_method_handler(
                self._wrap_unary(method, handler.unary_unary),
                request_deserializer=handler.request_deserializer,
                response_serializer=handler.response_serializer,
            )
        if handler.unary_stream is not None:
            return grpc.unary_stream_rpc_method_handler(
                self._wrap_stream(method, handler.unary_stream),
                request_deserializer=handler.request_deserializer,
                response_serializer=_passing_bytes(handler.response_serializer),
            )
        raise ValueError(f"{method}: only unary and server-streaming methods are guarded")

    def _enter(self, method: str, context: grpc.aio.ServicerContext[Any, Any]) -> tuple[str, str]:
        request_id = f"{_REQUEST_PREFIX}{next(_REQUEST_COUNTER):08x}"
        current_request_id.set(request_id)
        identity = _identity(context, self.insecure)
        current_identity.set(identity)
        caller = str(identity) if identity else ANONYMOUS
        if identity is None:
            how = f"a {IDENTITY_HEADER} header" if self.insecure else "a client certificate of the zone"
            raise _Denied(grpc.StatusCode.UNAUTHENTICATED, f"no caller identity: send {how}")
        if not allowed(method, identity):
            raise _Denied(grpc.StatusCode.PERMISSION_DENIED, f"{identity.role.value} may not call {method}")
        return request_id, caller

    async def _fail(
        self, context: grpc.aio.ServicerContext[Any, Any], exc: Exception
    ) -> tuple[grpc.StatusCode, str]:
        if isinstance(exc, _Denied):
            code, message = exc.code, str(exc)
        elif isinstance(exc, RegistryError):
            code, message = status_code_for(exc), str(exc)
        elif isinstance(exc, OperationalError):
            # The store is unreachable or busy: a client's retry policy (UNAVAILABLE) tries again.
            code, message = grpc.StatusCode.UNAVAILABLE, "the store is unavailable right now; retry"
        elif isinstance(exc, NotImplementedError):
            code, message = grpc.StatusCode.UNIMPLEMENTED, "not built yet in this gateway"
        else:
            code, message = grpc.StatusCode.INTERNAL, "internal error; see the gateway log for the request id"
        context.set_trailing_metadata(trailing_metadata(code, message, exc))
        return code, message

    def _log(
        self,
        method: str,
        request_id: str,
        caller: str,
        code: grpc.StatusCode,
        started: float,
        error: Exception | None,
    ) -> None:
        fields: dict[str, Any] = {
            "method": method,
            "request_id": request_id,
            "caller": caller,
            "status": code.name,
            "latency_ms": round((time.perf_counter() - started) * 1000, 3),
        }
        if error is not None and not isinstance(error, (_Denied, RegistryError, NotImplementedError)):
            # Exception class only: messages may quote record contents (personal data).
            fields["error"] = error.__class__.__name__
        self.log.info("rpc", **fields)

    def _wrap_unary(
        self, method: str, behaviour: Callable[..., Awaitable[Any]]
    ) -> Callable[..., Awaitable[Any]]:
        async def wrapper(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
            started = time.perf_counter()
            request_id, caller = "", ANONYMOUS
            try:
                request_id, caller = self._enter(method, context)
                response = await behaviour(request, context)
            except (_Denied, RegistryError, Exception) as exc:
                if isinstance(exc, grpc.aio.AbortError):
                    raise
                code, message = await self._fail(context, exc)
                self._log(method, request_id or current_request_id.get(), caller, code, started, exc)
                await context.abort(code, message)
            code = grpc.StatusCode.OK
            self._log(method, request_id, caller, code, started, None)
            return response

        return wrapper

    def _wrap_stream(
        self, method: str, behaviour: Callable[..., AsyncIterator[Any]]
    ) -> Callable[..., AsyncIterator[Any]]:
        async def wrapper(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> AsyncIterator[Any]:
            started = time.perf_counter()
            request_id, caller = "", ANONYMOUS
            code = grpc.StatusCode.OK
            try:
                request_id, caller = self._enter(method, context)
                async for item in behaviour(request, context):
                    yield item
            except (_Denied, RegistryError, Exception) as exc:
                if isinstance(exc, grpc.aio.AbortError):
                    raise
                code, message = await self._fail(context, exc)
                self._log(method, request_id or current_request_id.get(), caller, code, started, exc)
                await context.abort(code, message)
            self._log(method, request_id, caller, code, started, None)

        return wrapper

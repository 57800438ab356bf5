"""The reference: a bare grpc.aio unary echo server (no interceptors, no store). Prints its port."""

from __future__ import annotations

import sys
from pathlib import Path

import grpc


async def _echo(request: bytes, context: grpc.aio.ServicerContext[bytes, bytes]) -> bytes:
    return request


async def main() -> None:
    server = grpc.aio.server(options=[("grpc.so_reuseport", 0)])
    handler = grpc.unary_unary_rpc_method_handler(_echo)
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("bench.Echo", {"Echo": handler}),))
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    print(port, flush=True)
    await server.wait_for_termination()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from gaozhu.gateway.server import run  # on the same event loop as the gateway's

    try:
        run(main())
    except KeyboardInterrupt:
        sys.exit(0)

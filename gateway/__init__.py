"""Gateway glue: grpc.aio servicers, the call guard, scheduler jobs and the gaozhu CLI."""

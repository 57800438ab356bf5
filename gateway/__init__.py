"""Gateway glue: grpc.aio servicers, interceptors, scheduler and the gaozhu CLI."""

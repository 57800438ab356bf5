"""Province adapters: local record formats <-> the common gaozhu.v1 schema."""

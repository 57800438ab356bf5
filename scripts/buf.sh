#!/usr/bin/env sh
# Run buf (https://buf.build) pinned to one version, installed locally under .tools/ on first use.
# Usage: scripts/buf.sh lint | scripts/buf.sh breaking --against '.git#branch=main' | ...
set -eu

BUF_VERSION=1.75.0
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
BUF="$ROOT/.tools/node_modules/.bin/buf"

if [ ! -x "$BUF" ] || ! "$BUF" --version 2>/dev/null | grep -qx "$BUF_VERSION"; then
    echo "buf.sh: installing @bufbuild/buf@$BUF_VERSION into .tools/" >&2
    npm install --prefix "$ROOT/.tools" --no-save --no-audit --no-fund "@bufbuild/buf@$BUF_VERSION" >&2
fi

cd "$ROOT"
exec "$BUF" "$@"

"""DESIGN.md §3's layering, checked on the source: registry never imports gRPC or the gateway;
adapters import only the generated schema, each other and the two dependency-free leaf modules of
the registry (domain table, identifier checks)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ADAPTER_MAY_IMPORT = (
    "gaozhu.v1",
    "gaozhu.adapters",
    "gaozhu.registry.identifiers",
    "gaozhu.registry.domains",
)


def _imports(folder: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for path in sorted((ROOT / folder).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names |= {f"{node.module}.{a.name}" for a in node.names}  # `from pkg import module` too
        out[str(path.relative_to(ROOT))] = names
    return out


def test_registry_imports_neither_grpc_nor_the_gateway() -> None:
    for path, names in _imports("registry").items():
        bad = {
            n
            for n in names
            if n == "grpc" or n.startswith(("grpc.", "grpc_", "gaozhu.gateway", "gaozhu.adapters"))
        }
        assert not bad, f"{path} imports {bad}"


def test_adapters_import_only_the_schema_and_the_registry_leaf_modules() -> None:
    for path, names in _imports("adapters").items():
        ours = {n for n in names if n.startswith("gaozhu")}
        bad = {n for n in ours if not n.startswith(ADAPTER_MAY_IMPORT)}
        assert not bad, f"{path} imports {bad}"

"""Sichuan adapter: the platform's XML exchange packages <-> the common schema.

Reading: `list_packages` then `read_package` (each record element a PushEntry or refusals naming
package, element and field; unsafe or malformed packages refused whole). Writing for Sichuan:
`matter_element`, `baseline_element`, `dispatched_officer_element`, then `write_package`.
`entry_to_element` is the inverse of reading, for round-trip checks.
"""

from gaozhu.adapters.sichuan.elements import translate_element
from gaozhu.adapters.sichuan.outbox import (
    baseline_element,
    baseline_from_element,
    dispatched_officer_element,
    matter_element,
    matter_from_element,
    package_bytes,
    parse_fine,
    write_package,
    zone_package_id,
)
from gaozhu.adapters.sichuan.package import (
    MAX_PACKAGE_BYTES,
    PackageRefused,
    PackageResult,
    list_packages,
    load_package,
    read_package,
)
from gaozhu.adapters.sichuan.reverse import entry_to_element

__all__ = [
    "MAX_PACKAGE_BYTES",
    "PackageRefused",
    "PackageResult",
    "baseline_element",
    "baseline_from_element",
    "dispatched_officer_element",
    "entry_to_element",
    "list_packages",
    "load_package",
    "matter_element",
    "matter_from_element",
    "package_bytes",
    "parse_fine",
    "read_package",
    "translate_element",
    "write_package",
    "zone_package_id",
]

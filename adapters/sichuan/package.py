"""Sichuan exchange packages: which ones to read, in what order, and each one read safely.

A package comes from outside, so it is judged whole before any record in it counts: at most
`MAX_PACKAGE_BYTES` (checked before reading), named `<packageId>.xml`, decoded as its XML
declaration says, no DTD / entity / external reference (refused at the DOCTYPE, nothing expanded),
well-formed, root `DataPackage` in `urn:sczf:exchange:2` with the file name's packageId.

Expat decodes only UTF-8, UTF-16 and Latin-1 itself ("multi-byte encodings are not supported"), so
the bytes are decoded here, incrementally, with the declared codec (UTF-8 or GB18030 only) and the
text fed to the parser chunk by chunk: a DOCTYPE at the top stops the read in the first chunk.
"""

from __future__ import annotations

import codecs
import pyexpat
import re
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

from gaozhu.adapters.common import ReadResult, Refused, Translated
from gaozhu.adapters.sichuan.elements import KINDS, translate_element
from gaozhu.adapters.sichuan.schema import NS, q

__all__ = [
    "MAX_PACKAGE_BYTES",
    "PackageRefused",
    "PackageResult",
    "list_packages",
    "load_package",
    "read_package",
]

PackageResult = ReadResult
MAX_PACKAGE_BYTES = 64 * 1024 * 1024
_CHUNK = 1 << 20
_NAME = re.compile(r"(\d{6})(\d{4})(\d{2})(\d{2})(\d{5})\.xml", re.ASCII)
_DECLARATION = re.compile(rb"<\?xml[^>]*?\sencoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_CODECS = {"utf-8": "utf-8", "utf8": "utf-8", "gb18030": "gb18030"}
_UTF8_BOM = codecs.BOM_UTF8


class PackageRefused(Exception):
    """The whole package is refused; the message says why."""


def package_id(name: str) -> str | None:
    """The packageId a file name carries, or None if the name is not `<19 digits>.xml` with a real date."""
    match = _NAME.fullmatch(name)
    if match is None:
        return None
    try:
        date(int(match[2]), int(match[3]), int(match[4]))
    except ValueError:
        return None
    return name[:19]


def list_packages(directory: Path | str) -> list[Path]:
    """Package files in packageId order; temporary and other files are left alone."""
    found = [p for p in Path(directory).iterdir() if package_id(p.name) is not None and p.is_file()]
    return sorted(found, key=lambda p: p.name)


def _codec(head: bytes) -> str:
    """The codec the document declares (UTF-8 when it declares none, as XML says)."""
    if head.startswith(_UTF8_BOM):
        head = head[len(_UTF8_BOM) :]
        bom = True
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise PackageRefused("encoding must be UTF-8 or GB18030, found a UTF-16 byte-order mark")
    else:
        bom = False
    match = _DECLARATION.match(head) if head.startswith(b"<?xml") else None
    declared = match[1].decode("ascii").lower() if match else "utf-8"
    if declared not in _CODECS:
        raise PackageRefused("encoding must be UTF-8 or GB18030 as the XML declaration names it")
    if bom and _CODECS[declared] != "utf-8":
        raise PackageRefused("a UTF-8 byte-order mark contradicts the declared encoding")
    return _CODECS[declared]


def _parse(stream: BinaryIO, max_bytes: int) -> Any:
    head = stream.read(_CHUNK)
    codec = _codec(head)
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    parser = DefusedXMLParser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    offset, chunk = 0, head
    while chunk:
        offset += len(chunk)
        if offset > max_bytes:
            raise PackageRefused(f"larger than {max_bytes} bytes")
        try:
            text = decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            where = offset - len(chunk) + exc.start + 1
            raise PackageRefused(f"not valid {codec.upper()} at byte {where}") from None
        parser.feed(text)
        chunk = stream.read(_CHUNK)
    try:
        parser.feed(decoder.decode(b"", final=True))
    except UnicodeDecodeError:
        raise PackageRefused(f"not valid {codec.upper()}: the file ends inside a character") from None
    return parser.close()


def load_package(path: Path | str, *, max_bytes: int = MAX_PACKAGE_BYTES) -> Any:
    """The root element of a safe, well-formed package file; PackageRefused says why not."""
    path = Path(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise PackageRefused(f"{size} bytes is larger than the {max_bytes}-byte limit; not read")
    try:
        with path.open("rb") as stream:
            return _parse(stream, max_bytes)
    except DTDForbidden:
        raise PackageRefused("contains a document type declaration (DTD); refused unread") from None
    except EntitiesForbidden:
        raise PackageRefused("declares entities; refused unread, nothing expanded") from None
    except ExternalReferenceForbidden:
        raise PackageRefused("refers to an external resource; refused unread") from None
    except DefusedXmlException as exc:
        raise PackageRefused(f"unsafe XML construct refused: {type(exc).__name__}") from None
    except ParseError as exc:
        line, column = exc.position  # expat counts columns from 0; people (and editors) from 1
        reason = pyexpat.ErrorString(exc.code) or "not well-formed"
        raise PackageRefused(f"not well-formed XML at line {line}, column {column + 1}: {reason}") from None


def read_package(path: Path | str, *, max_bytes: int = MAX_PACKAGE_BYTES) -> PackageResult:
    """Every record of one package: translated entries and refusals naming element and field."""
    path = Path(path)
    expected = package_id(path.name)
    result = PackageResult(expected or path.name)
    if expected is None:
        return result.refuse("file name must be <packageId>.xml: 6-digit region, YYYYMMDD, 5-digit serial")
    try:
        root = load_package(path, max_bytes=max_bytes)
    except PackageRefused as exc:
        return result.refuse(str(exc))
    if root.tag != q("DataPackage"):
        namespace, _, local = root.tag.rpartition("}")
        if local != "DataPackage":
            return result.refuse(f"root element must be DataPackage, found {local}")
        found = namespace.lstrip("{") or "no namespace"
        return result.refuse(f"DataPackage must be in namespace {NS}, found {found}")
    if root.get("packageId") != expected:
        return result.refuse("packageId attribute does not match the file name", "DataPackage@packageId")
    seen: dict[str, int] = {}
    for element in root:
        if element.tag not in KINDS:
            continue  # unknown elements are ignored (the schema grows)
        seen[element.tag] = seen.get(element.tag, 0) + 1
        location = f"{element.tag.removeprefix(q(''))}[{seen[element.tag]}]"
        try:
            entry = translate_element(element)
        except Refused as exc:
            result.errors.extend(exc.errors(result.source, location))
        else:
            result.entries.append(Translated(entry, location))
    return result

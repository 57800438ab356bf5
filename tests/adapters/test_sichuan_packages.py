"""Whole-package rules: size, name, encoding, unsafe XML, root; and one bad record never sinks the rest."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from gaozhu.adapters.sichuan import MAX_PACKAGE_BYTES, list_packages, read_package
from gaozhu.adapters.sichuan.schema import NS

PACKAGE_ID = "5116232025030400018"
OFFICER = """<Officer op="upsert" ver="1">
    <Id>SC511623000007</Id>
    <Name>{name}</Name>
    <Gender>女</Gender>
    <IdCard>51162319790528669X</IdCard>
    <Certificate no="5116232024000201" state="正常" validTo="2027年12月31日"/>
    <Unit code="11511623MB76543211">邻水县应急管理局</Unit>
    <Fields><Field>水利</Field></Fields>
    <TrainingHours year="2025">36.5</TrainingHours>
    <ZoneAssigned>true</ZoneAssigned>
    <UpdatedAt>2025-03-04T10:01:00+08:00</UpdatedAt>
  </Officer>"""


def document(
    body: str = "",
    *,
    encoding: str = "UTF-8",
    package_id: str = PACKAGE_ID,
    prolog: str = "",
    root: str = "DataPackage",
    namespace: str = NS,
) -> str:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n{prolog}'
        f'<{root} xmlns="{namespace}" packageId="{package_id}" sender="511623" '
        f'exportedAt="2025-03-04T10:12:33+08:00">\n  {body}\n</{root}>\n'
    )


def write(directory: Path, text: str, *, encoding: str = "utf-8", name: str = f"{PACKAGE_ID}.xml") -> Path:
    path = directory / name
    path.write_bytes(text.encode(encoding))
    return path


def refusal(path: Path, **kwargs: int) -> str:
    result = read_package(path, **kwargs)
    assert result.refused
    assert result.entries == []
    assert len(result.errors) == 1
    return str(result.errors[0])


def test_a_well_formed_package_is_read(tmp_path: Path) -> None:
    result = read_package(write(tmp_path, document(OFFICER.format(name="王芳"))))
    assert not result.refused
    assert [t.entry.record.officer.name for t in result.entries] == ["王芳"]
    assert result.entries[0].entry.record.officer.training_hours_tenths == 365


def test_gb18030_package_with_a_character_beyond_the_bmp_round_trips(tmp_path: Path) -> None:
    text = document(OFFICER.format(name="𠮷田·春"), encoding="GB18030")
    path = write(tmp_path, text, encoding="gb18030")
    assert "𠮷".encode("gb18030") in path.read_bytes()  # four GB18030 bytes, not a character reference
    assert read_package(path).entries[0].entry.record.officer.name == "𠮷田·春"


def test_encoding_is_taken_from_the_declaration(tmp_path: Path) -> None:
    mislabelled = write(tmp_path, document(OFFICER.format(name="王芳")), encoding="gb18030")  # says UTF-8
    assert "not valid UTF-8" in refusal(mislabelled)
    latin = write(tmp_path, document(encoding="ISO-8859-1"), name="5116232025030400019.xml")
    assert "UTF-8 or GB18030" in refusal(latin)


def test_a_document_type_declaration_refuses_the_package_unexpanded(tmp_path: Path) -> None:
    laughs = "\n".join(
        ["<!DOCTYPE DataPackage [", ' <!ENTITY lol "lol">']
        + [f' <!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10)]
        + ["]>\n"]
    )
    text = document("<Name>&lol9;</Name>" + OFFICER.format(name="王芳"), prolog=laughs)
    reason = refusal(write(tmp_path, text))
    assert "DTD" in reason
    assert "refused unread" in reason


def test_an_external_entity_reference_is_refused(tmp_path: Path) -> None:
    prolog = '<!DOCTYPE DataPackage [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
    reason = refusal(write(tmp_path, document(OFFICER.format(name="&secret;"), prolog=prolog)))
    assert "DTD" in reason
    assert "root:" not in reason
    external_dtd = '<!DOCTYPE DataPackage SYSTEM "http://example.invalid/exchange.dtd">\n'
    assert "DTD" in refusal(write(tmp_path, document(prolog=external_dtd)))


def test_a_package_over_the_limit_is_refused_without_reading(tmp_path: Path) -> None:
    path = write(tmp_path, document(OFFICER.format(name="王芳")))
    assert "limit" in refusal(path, max_bytes=100)
    assert not read_package(path, max_bytes=path.stat().st_size).refused


def test_the_default_limit_is_64_mib(tmp_path: Path) -> None:
    assert MAX_PACKAGE_BYTES == 64 * 1024 * 1024
    assert inspect.signature(read_package).parameters["max_bytes"].default == MAX_PACKAGE_BYTES
    path = tmp_path / f"{PACKAGE_ID}.xml"
    with path.open("wb") as sparse:  # zeros: parsing them would say "not well-formed", not "limit"
        sparse.truncate(MAX_PACKAGE_BYTES + 1)
    assert "larger than the 67108864-byte limit" in refusal(path)


def test_malformed_xml_is_refused_with_line_and_column(tmp_path: Path) -> None:
    text = document(OFFICER.format(name="王芳")).replace("</Gender>", "</Gendr>")
    reason = refusal(write(tmp_path, text))
    assert "not well-formed XML at line 6, column" in reason
    assert "mismatched tag" in reason
    truncated = write(tmp_path, document(OFFICER.format(name="王芳"))[:300], name="5116232025030400019.xml")
    assert "not well-formed XML" in refusal(truncated)


def test_the_root_must_be_a_data_package_in_the_schema_namespace(tmp_path: Path) -> None:
    assert "namespace urn:sczf:exchange:2, found urn:sczf:exchange:1" in refusal(
        write(tmp_path, document(namespace="urn:sczf:exchange:1"))
    )
    assert "found no namespace" in refusal(write(tmp_path, document().replace(f' xmlns="{NS}"', "")))
    assert "root element must be DataPackage, found Package" in refusal(
        write(tmp_path, document(root="Package"))
    )


def test_the_package_id_must_match_the_file_name(tmp_path: Path) -> None:
    reason = refusal(write(tmp_path, document(package_id="5116232025030400019")))
    assert reason == f"{PACKAGE_ID}: DataPackage@packageId: packageId attribute does not match the file name"
    missing = document().replace(f' packageId="{PACKAGE_ID}"', "")
    assert "does not match" in refusal(write(tmp_path, missing))


@pytest.mark.parametrize("name", ["511623202503040001.xml", "5116232025023000001.xml", "package.xml"])
def test_a_file_not_named_by_package_id_is_refused(tmp_path: Path, name: str) -> None:
    assert "<packageId>.xml" in refusal(write(tmp_path, document(), name=name))


def test_only_package_files_are_listed_in_package_id_order(tmp_path: Path) -> None:
    for name in (
        "5116232025030500001.xml",
        "5116232025030400017.xml",
        "0000002025030400001.xml.part",
        "5116232025030400018.xml.tmp",
        "notes.txt",
    ):
        write(tmp_path, document(), name=name)
    assert [p.name for p in list_packages(tmp_path)] == ["5116232025030400017.xml", "5116232025030500001.xml"]


def test_a_bad_record_is_refused_alone(tmp_path: Path) -> None:
    bad = OFFICER.format(name="李四").replace('validTo="2027年12月31日"', 'validTo="2027-12-31"')
    body = OFFICER.format(name="王芳") + bad + "<Notice>ignored</Notice>" + OFFICER.format(name="赵六")
    result = read_package(write(tmp_path, document(body)))
    assert not result.refused
    assert [t.location for t in result.entries] == ["Officer[1]", "Officer[3]"]
    assert [str(e) for e in result.errors] == [
        f"{PACKAGE_ID} Officer[2]: Certificate@validTo: must be a date YYYY年MM月DD日"
    ]

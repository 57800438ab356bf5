"""Each rule of the Sichuan record elements: one accepted and one refused case, naming the field."""

from __future__ import annotations

from typing import Any

import defusedxml.ElementTree as SafeET
import pytest

from gaozhu.adapters.common import Refused
from gaozhu.adapters.sichuan import translate_element
from gaozhu.adapters.sichuan.schema import NS, q
from gaozhu.v1 import common_pb2, sync_pb2

OFFICER = """
<Officer op="upsert" ver="3">
  <Id>SC511623000002</Id>
  <Name> 张伟 </Name>
  <Gender>女</Gender>
  <IdCard>51162319790528669X</IdCard>
  <Certificate no="5116232024000201" state="正常" validTo="2027年12月31日"/>
  <Unit code="11511623MB76543211">邻水县应急管理局</Unit>
  <Fields><Field>生态环境</Field><Field>规划和自然资源</Field></Fields>
  <TrainingHours year="2025">40</TrainingHours>
  <ZoneAssigned>true</ZoneAssigned>
  <UpdatedAt>2025-03-04T10:01:00+08:00</UpdatedAt>
</Officer>"""
ENTERPRISE = """
<Enterprise op="upsert" ver="2">
  <CreditCode>915116239F3MJRXNHW</CreditCode>
  <Name>四川邻水高竹电子有限公司</Name>
  <LegalRep>罗婷</LegalRep>
  <Address>四川省广安市邻水县高竹新区1号</Address>
  <Region>511623</Region>
  <Industry>C2614</Industry>
  <CreditRating>A级</CreditRating>
</Enterprise>"""
INSPECTION = """
<Inspection op="upsert" ver="1">
  <Id>SCJC202503050001</Id>
  <Code>GZJC-20250305-0002</Code>
  <Matter local="SC0100001"/>
  <Inspectors><Ref>SC511623000001</Ref><Ref>SC511623000003</Ref></Inspectors>
  <Target>915116239F3MJRXNHW</Target>
  <Time>2025-03-05T15:00:00+08:00</Time>
  <Outcome>未发现问题</Outcome>
</Inspection>"""
RECORDS = {"Officer": OFFICER, "Enterprise": ENTERPRISE, "Inspection": INSPECTION}
REQUIRED = {
    "Officer": [
        "@op",
        "@ver",
        "Id",
        "Name",
        "Gender",
        "IdCard",
        "Certificate",
        "Certificate@no",
        "Certificate@state",
        "Certificate@validTo",
        "Unit",
        "Unit@code",
        "Fields",
        "TrainingHours",
        "TrainingHours@year",
        "ZoneAssigned",
        "UpdatedAt",
    ],
    "Enterprise": [
        "@op",
        "@ver",
        "CreditCode",
        "Name",
        "LegalRep",
        "Address",
        "Region",
        "Industry",
        "CreditRating",
    ],
    "Inspection": [
        "@op",
        "@ver",
        "Id",
        "Code",
        "Matter",
        "Matter@local",
        "Inspectors",
        "Target",
        "Time",
        "Outcome",
    ],
}


def element(xml: str) -> Any:
    return SafeET.fromstring(f'<DataPackage xmlns="{NS}">{xml}</DataPackage>', forbid_dtd=True)[0]


def changed(xml: str | Any, path: str, value: object) -> Any:
    """The record with `path` (`Name`, `Certificate@validTo`, `@ver`) set to `value`, or removed for `...`."""
    record = element(xml) if isinstance(xml, str) else xml
    where, _, attribute = path.partition("@")
    steps = [q(step) for step in where.split("/")] if where else []
    parent = record.find("/".join(steps[:-1])) if len(steps) > 1 else record
    target = record.find("/".join(steps)) if steps else record
    assert target is not None, path
    if attribute and value is ...:
        del target.attrib[attribute]
    elif attribute:
        target.set(attribute, value)
    elif value is ...:
        parent.remove(target)
    else:
        for child in list(target):
            target.remove(child)
        target.text = str(value)
    return record


def refusal(record: Any) -> dict[str, str]:
    with pytest.raises(Refused) as caught:
        translate_element(record)
    return dict(caught.value.problems)


def test_the_base_records_are_accepted() -> None:
    for xml in RECORDS.values():
        assert isinstance(translate_element(element(xml)), sync_pb2.PushEntry)


@pytest.mark.parametrize(("tag", "path"), [(tag, path) for tag, paths in REQUIRED.items() for path in paths])
def test_every_required_element_and_attribute_is_required(tag: str, path: str) -> None:
    problems = refusal(changed(RECORDS[tag], path, ...))
    reason = "required attribute missing" if "@" in path else "required element missing"
    assert problems[path] == reason, problems


def test_unknown_elements_and_attributes_are_ignored() -> None:
    record = element(OFFICER.replace("<Gender>", '<Photo href="x.jpg"/><Gender level="1">'))
    assert translate_element(record).record.officer.gender == common_pb2.GENDER_FEMALE


def test_a_delete_needs_only_the_key() -> None:
    for xml, key in ((OFFICER, "Id"), (ENTERPRISE, "CreditCode"), (INSPECTION, "Id")):
        record = element(xml)
        for child in list(record):
            if child.tag != q(key):
                record.remove(child)
        record.set("op", "delete")
        entry = translate_element(record)
        assert entry.operation == common_pb2.OPERATION_DELETE
        assert entry.local_id == record.find(q(key)).text.strip()
    record = element('<Officer op="delete" ver="4"><Name>张伟</Name></Officer>')
    assert refusal(record) == {"Id": "required element missing"}


# (record, path, accepted value, refused value)
VOCABULARY = [
    ("Officer", "@op", "delete", "remove"),
    ("Officer", "Gender", "男", "F"),
    ("Officer", "Certificate@state", "吊销", "作废"),
    ("Officer", "Certificate@state", "过期", "正 常"),
    ("Officer", "ZoneAssigned", "false", "是"),
    ("Officer", "ZoneAssigned", " true ", "True"),
    ("Officer", "Fields/Field", "市场监管", "消防"),
    ("Enterprise", "CreditRating", "D级", "A"),
    ("Enterprise", "CreditRating", "B级", "E级"),
    ("Inspection", "Outcome", "立案查处", "已整改"),
]
FORMATS = [
    ("Officer", "@ver", "1", "0"),
    ("Officer", "@ver", "9223372036854775807", "-2"),
    ("Officer", "@ver", "12", "1.5"),
    ("Officer", "Id", "SC511623000045", "SC5116230045"),
    ("Officer", "Id", "SC500112000001", "SC991623000045"),
    ("Officer", "Name", "阿卜杜·热合曼", "   "),
    ("Officer", "Name", "𠮷" * 30, "名" * 31),
    ("Officer", "IdCard", "51162319790528669x", "511623197905286691"),
    ("Officer", "IdCard", "５１１６２３１９７９０５２８６６９Ｘ", "51162319790528669"),
    ("Officer", "Certificate@no", "5116232024000201", "511623202400020"),
    ("Officer", "Certificate@no", "5116231990000201", "5116231900000201"),
    ("Officer", "Certificate@validTo", "2028年02月29日", "2027-12-31"),
    ("Officer", "Certificate@validTo", "2027年01月05日", "2027年1月5日"),
    ("Officer", "Certificate@validTo", "2027年12月31日", "2027年02月30日"),
    ("Officer", "Unit@code", "11511623MB76543211", "11511623MB76543212"),
    ("Officer", "Unit", "邻水县应急管理局", ""),
    ("Officer", "TrainingHours", "36.5", "36.55"),
    ("Officer", "TrainingHours", "0", "-4"),
    ("Officer", "TrainingHours@year", "2024", "25"),
    ("Officer", "UpdatedAt", "2025-03-04T02:01:00Z", "2025-03-04T10:01:00"),
    ("Officer", "UpdatedAt", "2025-03-04T10:01:00.5+08:00", "2025-03-04 10:01"),
    ("Enterprise", "CreditCode", "91511623MP2J1HMRAA", "91511623MP2J1HMRAB"),
    ("Enterprise", "Region", "511623", "51162"),
    ("Enterprise", "Region", "500112", "000000"),
    ("Enterprise", "Industry", "E4811", "48"),
    ("Enterprise", "Industry", "g5430", "G54301"),
    ("Enterprise", "Name", "四川川渝纺织有限公司", " "),
    ("Inspection", "Id", "SCJC202503050099", "CQJC202503050001"),
    ("Inspection", "Matter@local", "SC0800001", "SC0900001"),
    ("Inspection", "Matter@local", "SC0100001", "CQ-YJGL-0001"),
    ("Inspection", "Target", "91511623TTLYQDEB2X", "91511623TTLYQDEB2Y"),
    ("Inspection", "Time", "2025-03-05T07:00:00Z", "2025-03-05T15:00:00"),
    ("Inspection", "Time", "2025-03-05T15:00:00+08:00", "2025年03月05日"),
    ("Inspection", "Code", "GZJC-20250305-0002", ""),
]


@pytest.mark.parametrize(("tag", "path", "good", "bad"), VOCABULARY + FORMATS)
def test_each_value_rule_accepts_and_refuses(tag: str, path: str, good: str, bad: str) -> None:
    assert isinstance(translate_element(changed(RECORDS[tag], path, good)), sync_pb2.PushEntry)
    problems = refusal(changed(RECORDS[tag], path, bad))
    assert any(field == path or field.startswith(path + "[") for field in problems), problems


def test_cancelled_certificates_are_revoked_with_the_reason_kept() -> None:
    officer = translate_element(changed(OFFICER, "Certificate@state", "注销")).record.officer
    assert officer.certificate_status == common_pb2.CERTIFICATE_STATUS_REVOKED
    assert officer.certificate_status_reason == "注销"
    revoked = translate_element(changed(OFFICER, "Certificate@state", "吊销")).record.officer
    assert (revoked.certificate_status, revoked.certificate_status_reason) == (
        common_pb2.CERTIFICATE_STATUS_REVOKED,
        "",
    )


def test_an_inspection_needs_two_different_officers() -> None:
    one = INSPECTION.replace("<Ref>SC511623000003</Ref>", "")
    assert refusal(element(one)) == {"Inspectors/Ref": "an inspection needs at least two officers"}
    twice = INSPECTION.replace("SC511623000003", "SC511623000001")
    assert refusal(element(twice)) == {"Inspectors/Ref[2]": "listed twice"}
    with_zone_id = INSPECTION.replace("SC511623000003", "GZZF-CQ-5001120004")
    assert list(translate_element(element(with_zone_id)).record.inspection.officer_ids) == [
        "SC511623000001",
        "GZZF-CQ-5001120004",
    ]


def test_fields_are_listed_once_each() -> None:
    xml = OFFICER.replace("<Field>规划和自然资源</Field>", "<Field>生态环境</Field>")
    assert refusal(element(xml)) == {"Fields/Field[2]": "listed twice"}


def test_every_bad_field_is_reported_at_once_and_no_id_number_leaks() -> None:
    record = changed(changed(OFFICER, "IdCard", "511623197905286691"), "Gender", "X")
    problems = refusal(record)
    assert set(problems) == {"IdCard", "Gender"}
    assert "511623197905286691" not in " ".join(problems.values())

"""Each rule of the Chongqing format: one accepted and one refused case, refusals naming the field."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from gaozhu.adapters.chongqing import read_file, translate_line
from gaozhu.adapters.common import Refused
from gaozhu.v1 import common_pb2, sync_pb2

OFFICER: dict[str, Any] = {
    "lx": "ZFRY",
    "czlx": "I",
    "bbh": 1,
    "gxsj": "2025-03-04 09:10:00",
    "sj": {
        "ryid": "CQZF5001120000",
        "xm": "陈国华",
        "xb": "1",
        "sfzh": "500112197509266698",
        "zfzh": "50011224000100",
        "zjzt": "01",
        "zjyxq": "2027-12-31",
        "dwmc": "重庆市渝北区应急管理局",
        "dwdm": "11500112MB1234567U",
        "zfly": ["YJGL", "ZFCX"],
        "pxxs": "40",
        "sfzq": "1",
    },
}
SUBJECT: dict[str, Any] = {
    "lx": "ZFDX",
    "czlx": "U",
    "bbh": 3,
    "gxsj": "2025-03-04 10:00:00",
    "sj": {
        "tyshxydm": "915001127BJJB9YUHU",
        "dwmc": "重庆高竹新材料有限公司",
        "fddbr": "王建军",
        "zcdz": "重庆市渝北区茨竹镇工业园1号",
        "xzqh": "500112",
        "hydm": "C3130",
        "xydj": "A",
    },
}
INSPECTION: dict[str, Any] = {
    "lx": "JCJL",
    "czlx": "I",
    "bbh": 1,
    "gxsj": "2025-03-05 14:30:00",
    "sj": {
        "jcid": "CQJC202503050001",
        "jcm": "GZJC-20250305-0001",
        "sxbm": "CQ-YJGL-0001",
        "ryid": ["CQZF5001120000", "CQZF5001120004"],
        "tyshxydm": "915001127BJJB9YUHU",
        "jcsj": "2025-03-05 14:30:00",
        "jcjg": "2",
    },
}
LINES = {"ZFRY": OFFICER, "ZFDX": SUBJECT, "JCJL": INSPECTION}


def with_(base: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    """A copy of `base` with `path` ("sj.xm", "bbh") set to `value`, or removed for `...`."""
    line = copy.deepcopy(base)
    *parents, key = path.split(".")
    target = line
    for parent in parents:
        target = target[parent]
    if value is ...:
        del target[key]
    else:
        target[key] = value
    return line


def refusal(line: object) -> dict[str, str]:
    with pytest.raises(Refused) as caught:
        translate_line(line)
    return dict(caught.value.problems)


def test_the_base_lines_are_accepted() -> None:
    for line in LINES.values():
        assert isinstance(translate_line(line), sync_pb2.PushEntry)


@pytest.mark.parametrize(
    ("lx", "path"),
    [(lx, key) for lx in LINES for key in ("lx", "czlx", "bbh", "gxsj", "sj")]
    + [(lx, f"sj.{key}") for lx, line in LINES.items() for key in line["sj"]],
)
def test_every_required_key_is_required(lx: str, path: str) -> None:
    problems = refusal(with_(LINES[lx], path, ...))
    assert problems[path] == "required key missing"


def test_unknown_keys_are_ignored() -> None:
    line = with_(with_(OFFICER, "sj.zzmm", "群众"), "source", "v3.1")
    assert translate_line(line).record.officer.name == "陈国华"


def test_a_delete_needs_only_the_key() -> None:
    for lx, key in (("ZFRY", "ryid"), ("ZFDX", "tyshxydm"), ("JCJL", "jcid")):
        line = with_(LINES[lx], "czlx", "D")
        line["sj"] = {key: LINES[lx]["sj"][key]}
        entry = translate_line(line)
        assert entry.operation == common_pb2.OPERATION_DELETE
        assert entry.local_id == LINES[lx]["sj"][key]
    problems = refusal(with_(with_(OFFICER, "czlx", "D"), "sj", {}))
    assert problems == {"sj.ryid": "required key missing"}


# (line, path, accepted value, refused value)
VOCABULARY = [
    ("ZFRY", "lx", "ZFRY", "RY"),
    ("ZFRY", "czlx", "U", "X"),
    ("ZFRY", "czlx", "D", "d"),
    ("ZFRY", "sj.xb", "2", "3"),
    ("ZFRY", "sj.xb", "1", 1),
    ("ZFRY", "sj.zjzt", "04", "05"),
    ("ZFRY", "sj.zjzt", "02", "2"),
    ("ZFRY", "sj.sfzq", "0", "2"),
    ("ZFRY", "sj.sfzq", "1", True),
    ("ZFRY", "sj.zfly", ["SCJG"], ["XXXX"]),
    ("ZFRY", "sj.zfly", [], ["YJGL", "YJGL"]),
    ("ZFDX", "sj.xydj", "D", "E"),
    ("ZFDX", "sj.xydj", "B", "b"),
    ("JCJL", "sj.jcjg", "3", "4"),
]
FORMATS = [
    ("ZFRY", "sj.ryid", "CQZF0000000001", "CQZF123"),
    ("ZFRY", "sj.ryid", "CQZF5001120000", "SC511623000001"),
    ("ZFRY", "sj.xm", "  阿卜杜·热合曼  ", "   "),
    ("ZFRY", "sj.xm", "𠮷田" * 15, "名" * 31),
    ("ZFRY", "sj.sfzh", "51162319790528669x", "500112197509266699"),
    ("ZFRY", "sj.sfzh", "５００１１２１９７７１２２６５３７５", "5001121975092666"),
    ("ZFRY", "sj.zfzh", "50011224000100", "5001122400010"),
    ("ZFRY", "sj.zfzh", "50011224000100", "9901122400010X"),
    ("ZFRY", "sj.zfzh", "51162324000100", "99011224000100"),
    ("ZFRY", "sj.zjyxq", "2027-12-31", "2027/12/31"),
    ("ZFRY", "sj.zjyxq", "2028-02-29", "2027-02-29"),
    ("ZFRY", "sj.dwdm", "11500112MB1234567U", "11500112MB1234567T"),
    ("ZFRY", "sj.dwdm", "11500112MB1234567U", "11500112MB1234567V"),
    ("ZFRY", "sj.pxxs", "36.5", "36.55"),
    ("ZFRY", "sj.pxxs", Decimal("36.5"), Decimal("36.55")),
    ("ZFRY", "sj.pxxs", 40, -1),
    ("ZFRY", "sj.pxxs", "0", True),
    ("ZFRY", "sj.pxxs", "40", "四十"),
    ("ZFRY", "bbh", 7, 0),
    ("ZFRY", "bbh", 2**63 - 1, -1),
    ("ZFRY", "bbh", 1, Decimal("1.5")),
    ("ZFRY", "bbh", 1, "7"),
    ("ZFRY", "bbh", 1, True),
    ("ZFRY", "gxsj", "2025-03-04 09:10:00", "2025-03-04T09:10:00+08:00"),
    ("ZFRY", "gxsj", "2025-03-04 09:10:00", "2025-03-04 09:10:00+08:00"),
    ("ZFRY", "gxsj", "2025-03-04 23:59:59", "2025-03-04 24:00:00"),
    ("ZFRY", "sj", OFFICER["sj"], ["not", "an", "object"]),
    ("ZFDX", "sj.tyshxydm", "91500112T6A5GY7PTR", "91500112T6A5GY7PTQ"),
    ("ZFDX", "sj.tyshxydm", "915001127bjjb9yuhu", "91500112I6A5GY7PTR"),
    ("ZFDX", "sj.xzqh", "511623", "5001"),
    ("ZFDX", "sj.xzqh", "500112", "990112"),
    ("ZFDX", "sj.hydm", "C", "3130"),
    ("ZFDX", "sj.hydm", "G5430", "C31300"),
    ("ZFDX", "sj.hydm", "A0111", "Z1234"),
    ("ZFDX", "sj.dwmc", "重庆竹韵食品有限公司", ""),
    ("JCJL", "sj.jcid", "CQJC202503050001", "CQJC2025030500"),
    ("JCJL", "sj.sxbm", "CQ-SCJG-0100", "CQ-XXXX-0001"),
    ("JCJL", "sj.sxbm", "CQ-YJGL-0001", "SC0100001"),
    ("JCJL", "sj.ryid", ["CQZF5001120000", "GZZF-SC-511623000001"], ["CQZF5001120000"]),
    ("JCJL", "sj.ryid", ["CQZF5001120000", "CQZF5001120004", "CQZF5001120005"], "CQZF5001120000"),
    ("JCJL", "sj.tyshxydm", "91500112T6A5GY7PTR", "91500112T6A5GY7PT"),
    ("JCJL", "sj.jcsj", "2025-03-05 14:30:00", "2025-03-05T14:30:00+08:00"),
    ("JCJL", "sj.jcsj", "2025-03-05 14:30:00", "2025-03-05 14:30"),
    ("JCJL", "sj.jcm", "GZJC-20250305-0001", ""),
]


@pytest.mark.parametrize(("lx", "path", "good", "bad"), VOCABULARY + FORMATS)
def test_each_value_rule_accepts_and_refuses(lx: str, path: str, good: object, bad: object) -> None:
    assert isinstance(translate_line(with_(LINES[lx], path, good)), sync_pb2.PushEntry)
    problems = refusal(with_(LINES[lx], path, bad))
    assert any(field == path or field.startswith(path + "[") for field in problems), problems


def test_duplicate_officers_in_an_inspection_are_refused() -> None:
    problems = refusal(with_(INSPECTION, "sj.ryid", ["CQZF5001120000", "CQZF5001120000"]))
    assert problems == {"sj.ryid[1]": "listed twice"}


def test_zone_owned_kinds_are_refused_from_a_platform() -> None:
    problems = refusal(with_(OFFICER, "lx", "CLJZ"))
    assert "written by the zone" in problems["lx"]


def test_every_bad_field_is_reported_at_once_and_no_id_number_leaks() -> None:
    line = with_(with_(with_(OFFICER, "sj.sfzh", "500112197509266699"), "sj.xb", "9"), "bbh", 0)
    problems = refusal(line)
    assert set(problems) == {"sj.sfzh", "sj.xb", "bbh"}
    assert "check character" in problems["sj.sfzh"]
    assert "500112197509266699" not in " ".join(problems.values())


def test_values_are_normalised() -> None:
    officer = translate_line(with_(OFFICER, "sj.sfzh", "51162319790528669x")).record.officer
    assert officer.id_number == "51162319790528669X"
    assert translate_line(with_(OFFICER, "sj.xm", " 阿卜杜·热合曼 ")).record.officer.name == "阿卜杜·热合曼"
    assert (
        translate_line(with_(OFFICER, "sj.pxxs", Decimal("36.5"))).record.officer.training_hours_tenths == 365
    )
    entry = translate_line(with_(SUBJECT, "sj.tyshxydm", "915001127bjjb9yuhu"))
    assert entry.local_id == entry.record.subject.credit_code == "915001127BJJB9YUHU"


def test_a_line_that_is_not_an_object_is_refused() -> None:
    assert refusal(["ZFRY"]) == {"": "a line must be a JSON object, got an array"}


def _write(path: Path, lines: list[str], bom: bool = False) -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + "\n".join(lines).encode("utf-8"))
    return path


def test_a_truncated_line_is_refused_alone(tmp_path: Path) -> None:
    good = json.dumps(OFFICER, ensure_ascii=False)
    other = json.dumps(SUBJECT, ensure_ascii=False)
    path = _write(tmp_path / "zfjd-20250307-001.jsonl", [good, good[:40], "", other, good[:-1]])
    result = read_file(path)
    assert [t.location for t in result.entries] == ["line 1", "line 4"]
    assert [e.location for e in result.errors] == ["line 2", "line 5"]
    assert all("not valid JSON" in e.reason for e in result.errors)
    assert str(result.errors[0]).startswith("zfjd-20250307-001.jsonl line 2: not valid JSON")


def test_a_bom_is_tolerated_only_at_the_start(tmp_path: Path) -> None:
    good = json.dumps(OFFICER, ensure_ascii=False)
    result = read_file(_write(tmp_path / "zfjd-20250307-002.jsonl", [good, "\ufeff" + good], bom=True))
    assert [t.location for t in result.entries] == ["line 1"]
    assert [e.location for e in result.errors] == ["line 2"]


def test_bad_bytes_nan_and_crlf_are_judged_per_line(tmp_path: Path) -> None:
    good = json.dumps(OFFICER, ensure_ascii=False).encode()
    nan = json.dumps(with_(OFFICER, "sj.pxxs", 1)).replace('"pxxs": 1', '"pxxs": NaN').encode()
    path = tmp_path / "zfjd-20250307-003.jsonl"
    path.write_bytes(good + b"\r\n" + b'{"lx": "\xff"}\r\n' + nan + b"\r\n   \r\n" + good)
    result = read_file(path)
    assert [t.location for t in result.entries] == ["line 1", "line 5"]
    assert [(e.location, e.reason.split(" ")[0:2]) for e in result.errors] == [
        ("line 2", ["not", "valid"]),
        ("line 3", ["not", "valid"]),
    ]
    assert "UTF-8" in result.errors[0].reason


def test_a_file_not_named_as_complete_is_refused_whole(tmp_path: Path) -> None:
    good = json.dumps(OFFICER, ensure_ascii=False)
    for name in ("zfjd-20250307-001.jsonl.part", "zfjd-20250230-001.jsonl", "export.jsonl"):
        result = read_file(_write(tmp_path / name, [good]))
        assert result.refused
        assert result.entries == []

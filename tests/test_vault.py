"""ID numbers at rest: encrypted bound to their record, found by keyed hash, masked on the way out."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidTag

from gaozhu.registry.vault import DataKeyError, Vault, load_master_key, new_key_text, write_key_file

ID = "51162319790528669X"


def test_an_id_number_decrypts_only_for_its_own_record() -> None:
    vault = Vault(os.urandom(32))
    blob = vault.encrypt(ID, "GZZF-SC-511623000002")
    assert ID.encode() not in blob
    assert vault.decrypt(blob, "GZZF-SC-511623000002") == ID
    with pytest.raises(InvalidTag):
        vault.decrypt(blob, "GZZF-SC-511623000003")  # copied onto another officer


def test_lookup_hash_finds_equal_numbers_and_depends_on_the_key() -> None:
    key = os.urandom(32)
    assert Vault(key).lookup_hash(ID) == Vault(key).lookup_hash(ID)
    assert Vault(key).lookup_hash(ID) != Vault(os.urandom(32)).lookup_hash(ID)
    assert Vault(key).lookup_hash(ID) != Vault(key).lookup_hash("500112197509266698")


def test_masking_keeps_the_first_six_and_last_four() -> None:
    assert Vault.mask(ID) == "511623********669X"


def test_key_file_is_private_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "k"
    write_key_file(path)
    assert path.stat().st_mode & 0o777 == 0o600
    first = path.read_text()
    write_key_file(path)  # an existing key protects stored data: never replaced
    assert path.read_text() == first
    assert len(load_master_key(path)) == 32


def test_a_bad_key_is_refused_with_the_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GAOZHU_DATA_KEY", base64.b64encode(b"short").decode())
    with pytest.raises(DataKeyError, match="32 bytes"):
        load_master_key()
    monkeypatch.setenv("GAOZHU_DATA_KEY", "not base64!")
    with pytest.raises(DataKeyError, match="base64"):
        load_master_key()
    monkeypatch.delenv("GAOZHU_DATA_KEY")
    monkeypatch.delenv("GAOZHU_DATA_KEY_FILE", raising=False)
    with pytest.raises(DataKeyError, match="no data key"):
        load_master_key()
    monkeypatch.setenv("GAOZHU_DATA_KEY", new_key_text())
    assert len(load_master_key()) == 32

"""The platforms' shared sample exports, found beside the repository (../shared/platforms/samples)."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "platforms" / "samples"


@pytest.fixture
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip(
            f"the platforms' sample exports are not at {SAMPLES} (the repository's parent holds shared/)"
        )
    return SAMPLES

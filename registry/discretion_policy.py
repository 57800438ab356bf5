"""The engine's locally set thresholds and documented readings (`AssessPolicy`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from gaozhu.registry.sanctions import TierName

__all__ = ["DEFAULT_POLICY", "AssessPolicy"]


@dataclass(frozen=True, slots=True)
class AssessPolicy:
    """Locally set thresholds and documented readings; none of the defaults is a claim of law
    except where the field says which article fixes it.

    - `simple_max_*_fen`: Art. 51 on-the-spot (simple) procedure: fines up to 200 yuan for citizens,
      3,000 yuan for organisations (the statute's figures).
    - `hearing_min_*_fen`: Art. 63 "large fine" (较大数额罚款) is set locally; the defaults (100,000
      yuan for organisations, 10,000 yuan for individuals) are PARAMETERS, not law: set them to the
      figures the two provinces publish.
    - `legal_review_*`: Art. 58 review before a major decision; what is "major" is set locally. By
      default: any decision that carries a hearing right, and every heavier-tier decision; optionally
      also any ceiling at or above `legal_review_min_fen`.
    - `art32_tier`: which lenient tier Art. 32 grounds select. "baseline" (default): the mitigated tier
      (减轻) if its own `when` holds (the baseline says which grounds justify going below the floor),
      else the lighter tier (从轻), else the mitigated tier. "mitigated": the mitigated tier whenever the
      baseline has one, else the lighter tier. Art. 32 allows either (从轻或者减轻).
    - `corrected_counts_as_harm_removed`: reads "corrected in time, harm none or minor" as Art. 32's
      "removed or reduced the harm" (Facts has no separate fact for it).
    """

    simple_max_individual_fen: int = 20_000
    simple_max_organisation_fen: int = 300_000
    hearing_min_individual_fen: int = 1_000_000
    hearing_min_organisation_fen: int = 10_000_000
    legal_review_on_hearing: bool = True
    legal_review_tiers: frozenset[TierName] = field(default_factory=lambda: frozenset({TierName.HEAVIER}))
    legal_review_min_fen: int | None = None
    art32_tier: Literal["baseline", "mitigated"] = "baseline"
    corrected_counts_as_harm_removed: bool = True


DEFAULT_POLICY = AssessPolicy()

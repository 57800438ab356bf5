"""The statute's own circumstances, read from `Facts`: exclusions (Arts. 30, 33, 36), mandatory
mitigation (Arts. 30, 32), and whether a tier's `when` holds. Each comes back as a `Reason` so a
decision lists every circumstance considered, matched or not (裁量说明)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from gaozhu.registry.discretion_facts import Facts
from gaozhu.registry.sanctions import yuan

__all__ = [
    "LIMITATION_YEARS",
    "LIMITATION_YEARS_LIFE_OR_FINANCE",
    "Reason",
    "exclusions",
    "mitigation_grounds",
    "unmet_facts",
]

LIMITATION_YEARS = 2  # Art. 36 ¶1
LIMITATION_YEARS_LIFE_OR_FINANCE = 5  # Art. 36 ¶1: life/health or financial safety, with harm


@dataclass(frozen=True, slots=True)
class Reason:
    """One circumstance considered: a stable machine `code`, readable `text` citing the rule, and
    whether it held for these facts."""

    code: str
    text: str
    matched: bool


def _add_years(t: datetime, years: int) -> datetime:
    """The same wall-clock moment `years` later; 29 February becomes 28 February."""
    try:
        return t.replace(year=t.year + years)
    except ValueError:
        return t.replace(year=t.year + years, day=28)


def exclusions(facts: Facts) -> tuple[list[Reason], bool, tuple[str, ...]]:
    """The statutory grounds for no penalty at all, every one listed; whether any held; and the
    measures that go with the first that held (Art. 33: educate instead)."""
    life = facts.endangers_life_or_finance and facts.harm != "none"
    years = LIMITATION_YEARS_LIFE_OR_FINANCE if life else LIMITATION_YEARS
    discovered = facts.discovered_at or facts.decided_at
    deadline = _add_years(facts.occurred_at, years)
    barred = discovered > deadline
    age = facts.party_age_years
    under_14 = age is not None and age < 14
    minor = facts.minor_violation and facts.corrected and facts.harm == "none"
    reasons = [
        Reason(
            "art36.limitation",
            f"Art. 36: not discovered within {years} years"
            + (" (life, health or financial safety endangered, with harm)" if life else "")
            + f"; violation {facts.occurred_at.isoformat()}, discovered {discovered.isoformat()}"
            + (" — time-barred, no penalty" if barred else ""),
            barred,
        ),
        Reason(
            "art30.under_14",
            "Art. 30: a person under 14 is not penalised"
            + (f"; age {age}" if age is not None else "; not a natural person's case"),
            under_14,
        ),
        Reason("art33.no_fault", "Art. 33 ¶2: proven lack of fault, no penalty", facts.no_fault),
        Reason(
            "art33.minor_corrected_no_harm",
            "Art. 33 ¶1: a minor violation, promptly corrected, with no harm, is not penalised",
            minor,
        ),
    ]
    if barred or under_14:
        return reasons, True, ()
    if facts.no_fault or minor:
        return reasons, True, ("批评教育",)
    first = facts.first_violation and facts.corrected and facts.harm != "serious"
    reasons.append(
        Reason(
            "art33.first_violation",
            "Art. 33 ¶1: a first violation with no or slight harm, corrected in time, MAY go unpunished "
            "(首违不罚); applied where the baseline's no-penalty tier provides it",
            first,
        )
    )
    return reasons, False, ()


def mitigation_grounds(facts: Facts, corrected_counts_as_harm_removed: bool) -> list[Reason]:
    """The grounds on which the law requires 从轻 or 减轻 (Art. 32; Art. 30 for ages 14–17)."""
    age = facts.party_age_years
    removed = corrected_counts_as_harm_removed and facts.corrected and facts.harm != "serious"
    return [
        Reason(
            "art32.harm_removed",
            "Art. 32(1): removed or reduced the harm (read as: corrected in time, harm none or minor)",
            removed,
        ),
        Reason("art32.coerced", "Art. 32(2): coerced or deceived into the violation", facts.coerced),
        Reason(
            "art32.voluntary_report",
            "Art. 32(3): confessed conduct the agency did not know of",
            facts.voluntary_report,
        ),
        Reason("art32.cooperated", "Art. 32(4): helped the investigation meritoriously", facts.cooperated),
        Reason(
            "art30.age_14_to_18",
            "Art. 30: aged 14 to under 18, lighter or mitigated penalty"
            + (f"; age {age}" if age is not None else ""),
            age is not None and 14 <= age < 18,
        ),
    ]


def unmet_facts(when: Mapping[str, Any], facts: Facts) -> list[str]:
    """Why `when` does not hold for `facts` (empty when every named fact holds)."""
    out: list[str] = []
    for fact, wanted in when.items():
        if fact == "harm":
            levels = list(wanted) if isinstance(wanted, list | tuple) else [wanted]
            if facts.harm not in levels:
                out.append(f"harm is {facts.harm}, not {' or '.join(map(str, levels))}")
        elif fact == "illegal_gains_over_fen":
            if not facts.illegal_gains_fen > wanted:
                out.append(
                    f"illegal gains {yuan(facts.illegal_gains_fen)} 元 not above {yuan(int(wanted))} 元"
                )
        elif fact in Facts.__dataclass_fields__ and isinstance(wanted, bool):
            if getattr(facts, fact) is not wanted:
                out.append(f"{fact} is {str(getattr(facts, fact)).lower()}")
        else:
            out.append(f"unknown fact {fact!r}")
    return out

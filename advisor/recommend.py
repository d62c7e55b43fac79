"""One call from a profile to everything the app and the exports show."""

from __future__ import annotations

from dataclasses import dataclass

from advisor.catalog import Catalog, default_catalog
from advisor.decision import expectation_gap, sure_pointers, sure_score
from advisor.i18n import N_, _
from advisor.plan import Plan, build_plan, hold_lines, plan_notes
from advisor.profile import SCHEMA_VERSION, Profile
from advisor.scoring import Ranking, rank_options
from advisor.severity import Severity, estimate_severity

# the message id: show it as _(DISCLAIMER)
DISCLAIMER = N_(
    "This summary informs; it does not diagnose or prescribe. "
    "A dermatologist who examines your skin makes the decision with you."
)


@dataclass(slots=True)
class Recommendation:
    profile: Profile
    ranking: Ranking
    severity: Severity
    plan: Plan
    catalog: Catalog

    def to_json(self) -> dict:
        """The command line's JSON output (the keys the README's command line section lists)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "disclaimer": _(DISCLAIMER),
            "catalog_last_reviewed": self.catalog.meta.last_reviewed.isoformat(),
            "catalog_reviewed_by": self.catalog.meta.reviewed_by,
            "severity": {
                "grade": self.severity.grade,
                "label": self.severity.label,
                "explanation": self.severity.explanation,
                "quantitative_score": self.severity.quantitative_score,
                "quantitative_is_minimum": self.severity.quantitative_is_minimum,
                "source": self.severity.source,
            },
            "notes_on_ranking": self.ranking.general_notes,
            "options": [o.to_json() for o in self.ranking.options],
            "plan": [s.to_json() for s in self.plan.steps],
            "plan_totals": self.plan.totals_json(),
            "plan_notes": plan_notes(self.plan),
            "plan_on_hold": self.plan_hold(),
            "plan_tracks": self.plan.tracks,
            "decision": self.decision_json(),
        }

    def decision_json(self) -> dict:
        """Where the person stands (the answers are in the profile's `decision`): the note when
        the change hoped for is more than studies show, the SURE score and what helps."""
        return {
            **self.profile.decision.model_dump(),
            "expectation_gap": expectation_gap(self.profile, self.ranking),
            "sure_score": sure_score(self.profile),
            "sure_pointers": sure_pointers(self.profile),
        }

    def plan_hold(self) -> dict | None:
        """Why the plan has no procedures now, and what can be done meanwhile (pregnancy)."""
        if not self.plan.on_hold:
            return None
        why, meanwhile = hold_lines(self.profile)
        return {"why": why, "meanwhile": meanwhile}


def recommend(profile: Profile, catalog: Catalog | None = None) -> Recommendation:
    """Rank every option, estimate severity and build the combination plan."""
    catalog = catalog or default_catalog()
    ranking = rank_options(profile, catalog)
    return Recommendation(
        profile=profile,
        ranking=ranking,
        severity=estimate_severity(profile.scars),
        plan=build_plan(profile, ranking, catalog),
        catalog=catalog,
    )

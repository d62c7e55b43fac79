"""Ready to decide: whether the change hoped for is one the evidence gives, and the SURE test.

Plain words for a reader of about 12. The levels are the catalog's (improvement for ice pick
scars) with the option's sources; nothing here diagnoses or labels anyone.
"""

from __future__ import annotations

from advisor.catalog import LEVELS, default_catalog
from advisor.profile import Profile
from advisor.scoring import OptionResult, Ranking
from advisor.words import ESTIMATE_NOTE, LEVEL_WORDS

# the biggest change each hope asks for, on the scale of the catalog's levels' upper ends
HOPE_SIZE = {"small": 1, "medium": 2, "large": 3, "complete": 4}
# the biggest change a catalog level says studies show (a range counts by its upper end)
LEVEL_SIZE = {
    "none": 0,
    "low": 1,
    "low_moderate": 2,
    "moderate": 2,
    "moderate_high": 3,
    "high": 3,
}
HOPE_CHOICES = {
    "small": "A small change",
    "medium": "A medium change",
    "large": "A large change",
    "complete": "The scars gone completely",
}
DAILY_LIFE_CHOICES = {"none": "Not at all", "a_little": "A little", "a_lot": "A lot"}
MOST_NAMED = 3  # options named in the message, best fit first

DAILY_LIFE_LINE = (
    "When scars affect daily life a lot, it can help to talk about that with your doctor too, "
    "not only about treatments."
)
REALISTIC_LINE = "Your dermatologist can tell you what result is realistic for your own skin."

# The SURE test, English version: the four items word for word, in their order
SURE_ITEMS = {
    "sure_best_choice": "Do you feel SURE about the best choice for you?",
    "know_benefits_risks": "Do you know the benefits and risks of each option?",
    "clear_what_matters": "Are you clear about which benefits and risks matter most to you?",
    "enough_support": "Do you have enough support and advice to make a choice?",
}
SURE_SOURCE = "SURE test (Légaré F et al., Can Fam Physician 2010;56:e308-14), used unaltered"
SURE_DOUBT = (
    "Fewer than 4 yes answers means you still have some doubt. That is normal. You do not "
    "need to decide today. These can help:"
)
SURE_POINTERS = {
    "know_benefits_risks": (
        "To learn the benefits and risks: read about each option on the Learn page. Then try "
        "the knowledge check."
    ),
    "clear_what_matters": (
        'To see what matters most to you: go to Compare. Change the priorities under "What '
        'if?" and watch the order change.'
    ),
    "enough_support": (
        "For support and advice: take the questions to ask a provider to your appointment. "
        "And talk it over with someone you trust."
    ),
    "sure_best_choice": (
        "To feel surer about your choice: read about the options on Learn, and try other "
        "priorities on Compare. Bring the questions to ask. And talk it over with someone you "
        "trust."
    ),
}


def _best_options(ranking: Ranking) -> tuple[str, list[OptionResult]]:
    """The best improvement level for ice pick scars among the options not advised against,
    and the options that have it (best fit first)."""
    advisable = [o for o in ranking.advisable if not o.is_reference]
    if not advisable:
        return "none", []
    best = max((o.improvement for o in advisable), key=LEVELS.index)
    return best, [o for o in advisable if o.improvement == best]


def _named(option: OptionResult) -> str:
    name = option.name.split(" (")[0]
    return f"{name} ({ESTIMATE_NOTE})" if "improvement_ice_pick" in option.estimates else name


def _sources(options: list[OptionResult]) -> str:
    """The published studies behind these options (those with a PubMed or PMC id), not the
    price pages their costs come from; every source when none has such an id."""
    sources = default_catalog().sources
    ids = list(dict.fromkeys(i for o in options for i in o.treatment.sources))
    known = [i for i in ids if i in sources]
    studies = [sources[i].short for i in known if "PM" in (sources[i].link or "")]
    if studies:
        return f"Studies: {'; '.join(studies)}."
    return f"Sources: {'; '.join(sources[i].short for i in known)}." if known else ""


def _or_list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def expectation_gap(profile: Profile, ranking: Ranking) -> str | None:
    """Kind, plain words when the change hoped for is more than studies show for ice pick scars
    among the options open to this person; None when it is within reach (or not answered)."""
    hope = profile.decision.expected_improvement
    if hope is None:
        return None
    best, options = _best_options(ranking)
    if HOPE_SIZE[hope] <= LEVEL_SIZE[best]:
        return None
    lines, sources = [], ""
    if hope == "complete":
        lines.append("No treatment makes ice pick scars disappear completely.")
    else:
        lines.append(f"You hope for a {hope} change.")
    if options:
        shown = options[:MOST_NAMED]
        lines.append(
            f"For ice pick scars, the best results in studies with the options open to you "
            f"are {LEVEL_WORDS[best]}, with "
            f"{_or_list([_named(o) for o in shown])}."
        )
        sources = _sources(shown)
    else:
        lines.append(
            "Your answers argue against every treatment for now, so no change is expected "
            "until that changes."
        )
    lines += [REALISTIC_LINE, sources]
    text = " ".join(line for line in lines if line)
    if hope == "complete" and profile.decision.daily_life_impact == "a_lot":
        text += "\n\n" + DAILY_LIFE_LINE
    return text


def sure_score(profile: Profile) -> int | None:
    """How many of the four SURE items were answered yes; None until all four are answered."""
    answers = profile.decision.sure.model_dump().values()
    if any(a is None for a in answers):
        return None
    return sum(a is True for a in answers)


def sure_pointers(profile: Profile) -> list[str]:
    """For any "no": a line that some doubt is normal, then what helps with each "no" (in the
    test's order); empty while no item is answered no."""
    answers = profile.decision.sure.model_dump()
    noes = [item for item in SURE_ITEMS if answers[item] is False]
    if not noes:
        return []
    return [SURE_DOUBT, *(SURE_POINTERS[item] for item in noes)]

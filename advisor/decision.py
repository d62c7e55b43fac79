"""Ready to decide: whether the change hoped for is one the evidence gives, and the SURE test.

Plain words for a reader of about 12. The levels are the catalog's (improvement for ice pick
scars) with the option's sources; nothing here diagnoses or labels anyone.
"""

from __future__ import annotations

from advisor.catalog import LEVELS, default_catalog
from advisor.i18n import DEFAULT_LANGUAGE, N_, Messages, _, current_language
from advisor.profile import Profile
from advisor.scoring import OptionResult, Ranking
from advisor.words import ESTIMATE_NOTE, LEVEL_WORDS, OR, joined

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
HOPE_CHOICES = Messages(
    {
        "small": N_("A small change"),
        "medium": N_("A medium change"),
        "large": N_("A large change"),
        "complete": N_("The scars gone completely"),
    }
)
DAILY_LIFE_CHOICES = Messages(
    {"none": N_("Not at all"), "a_little": N_("A little"), "a_lot": N_("A lot")}
)
MOST_NAMED = 3  # options named in the message, best fit first

# the first line of the note, by the change hoped for
HOPE_LINES = Messages(
    {
        "small": N_("You hope for a small change."),
        "medium": N_("You hope for a medium change."),
        "large": N_("You hope for a large change."),
        "complete": N_("No treatment makes ice pick scars disappear completely."),
    }
)
# message ids (N_): translate with _() where shown
DAILY_LIFE_LINE = N_(
    "When scars affect daily life a lot, it can help to talk about that with your doctor too, "
    "not only about treatments."
)
REALISTIC_LINE = N_("Your dermatologist can tell you what result is realistic for your own skin.")

# The SURE test, English version: the four items word for word, in their order. In another
# language they are our translation, not a validated version: show sure_note() with them.
SURE_ITEMS = Messages(
    {
        "sure_best_choice": N_("Do you feel SURE about the best choice for you?"),
        "know_benefits_risks": N_("Do you know the benefits and risks of each option?"),
        "clear_what_matters": N_(
            "Are you clear about which benefits and risks matter most to you?"
        ),
        "enough_support": N_("Do you have enough support and advice to make a choice?"),
    }
)
SURE_SOURCE = N_("SURE test (Légaré F et al., Can Fam Physician 2010;56:e308-14), used unaltered")
SURE_NOT_VALIDATED = N_("Our translation of the SURE test; not yet validated in this language.")
SURE_DOUBT = N_(
    "Fewer than 4 yes answers means you still have some doubt. That is normal. You do not "
    "need to decide today. These can help:"
)
SURE_POINTERS = Messages(
    {
        "know_benefits_risks": N_(
            "To learn the benefits and risks: read about each option on the Learn page. Then "
            "try the knowledge check."
        ),
        "clear_what_matters": N_(
            'To see what matters most to you: go to Compare. Change the priorities under "What '
            'if?" and watch the order change.'
        ),
        "enough_support": N_(
            "For support and advice: take the questions to ask a provider to your appointment. "
            "And talk it over with someone you trust."
        ),
        "sure_best_choice": N_(
            "To feel surer about your choice: read about the options on Learn, and try other "
            "priorities on Compare. Bring the questions to ask. And talk it over with someone "
            "you trust."
        ),
    }
)


def sure_note() -> str:
    """In a language other than English, that the SURE items are our translation and not yet
    validated in that language; empty in English (the published version, used unaltered)."""
    return "" if current_language() == DEFAULT_LANGUAGE else _(SURE_NOT_VALIDATED)


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
    if "improvement_ice_pick" in option.estimates:
        return f"{name} ({_(ESTIMATE_NOTE)})"
    return name


def _sources(options: list[OptionResult]) -> str:
    """The published studies behind these options (those with a PubMed or PMC id), not the
    price pages their costs come from; every source when none has such an id."""
    sources = default_catalog().sources
    ids = list(dict.fromkeys(i for o in options for i in o.treatment.sources))
    known = [i for i in ids if i in sources]
    studies = [sources[i].short for i in known if "PM" in (sources[i].link or "")]
    if studies:
        return _("Studies: {studies}.").format(studies="; ".join(studies))
    if not known:
        return ""
    return _("Sources: {sources}.").format(sources="; ".join(sources[i].short for i in known))


def expectation_gap(profile: Profile, ranking: Ranking) -> str | None:
    """Kind, plain words when the change hoped for is more than studies show for ice pick scars
    among the options open to this person; None when it is within reach (or not answered)."""
    hope = profile.decision.expected_improvement
    if hope is None:
        return None
    best, options = _best_options(ranking)
    if HOPE_SIZE[hope] <= LEVEL_SIZE[best]:
        return None
    lines, sources = [HOPE_LINES[hope]], ""
    if options:
        shown = options[:MOST_NAMED]
        lines.append(
            _(
                "For ice pick scars, the best results in studies with the options open to you "
                "are {level}, with {options}."
            ).format(level=LEVEL_WORDS[best], options=joined([_named(o) for o in shown], OR))
        )
        sources = _sources(shown)
    else:
        lines.append(
            _(
                "Your answers argue against every treatment for now, so no change is expected "
                "until that changes."
            )
        )
    lines += [_(REALISTIC_LINE), sources]
    text = " ".join(line for line in lines if line)
    if hope == "complete" and profile.decision.daily_life_impact == "a_lot":
        text += "\n\n" + _(DAILY_LIFE_LINE)
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
    return [_(SURE_DOUBT), *(SURE_POINTERS[item] for item in noes)]

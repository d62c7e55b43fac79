"""The quote checker: each clinic quote the person entered, set against the catalog and the
ranking for their answers.

A quote is a treatment, a number of sessions, a total price and who would do it. No clinic is
named, so none is ever rated: a flag says what the evidence says and what to ask, with the
source ids behind it (`estimate` where the catalog marks the figure as ours). The first half
works out the numbers and which flags apply; the second half writes the words, so a second
language touches the words only.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from advisor.catalog import ESTIMATE_SOURCE, Catalog, Treatment
from advisor.explain import option_cautions
from advisor.i18n import N_, Messages, _, ngettext
from advisor.profile import Quote
from advisor.recommend import Recommendation
from advisor.scoring import DEPTH_ORDER, OptionResult, Range, tidy
from advisor.words import (
    ESTIMATE_MARK,
    ESTIMATE_SOURCE_WORDS,
    LEVEL_WORDS,
    OR,
    PROVIDER_WORDS,
    RISK_LABELS,
    joined,
    money,
    money_range,
    number,
    number_range,
)

Position = Literal["below", "within", "above"]
PriceUnit = Literal["session", "course"]

LOW_FOR_ICE_PICK = ("none", "low", "low_moderate")  # ratings a quote is flagged for
AREA_CATEGORIES = ("resurfacing", "peel")  # devices and peels that treat a whole area
ICE_PICK_DEPTH_SOURCE = "S1"  # Jacob 2001: ice pick scars reach the deep dermis or fat
RISKY_PIGMENT = ("moderate", "high")  # a pigment risk for the person worth asking about
COMBINATION_SOURCE = "S35"  # single scars first, then the area is resurfaced
# the estimate group behind each of the person's limits (scoring.limit_checks' keys)
LIMIT_GROUPS = {
    "budget": "cost",
    "downtime": "downtime",
    "sessions": "sessions",
    "weeks": "sessions",
    "pain": "pain",
    "scars": "suits",
    "width": "suits",
}


@dataclass(frozen=True, slots=True)
class QuoteFlag:
    """Something to ask about one quote, or about the quotes together. `sources` holds source
    ids from data/sources.csv, and `estimate` where the figure is our estimate."""

    kind: str
    text: str
    sources: tuple[str, ...]

    def to_json(self, catalog: Catalog) -> dict:
        return {
            "kind": self.kind,
            "text": self.text,
            "sources": list(self.sources),
            "source_names": [source_name(catalog, s) for s in self.sources],
        }


@dataclass(frozen=True, slots=True)
class QuoteCheck:
    """One quote against the ranges for this person. A per-session treatment compares the
    price of one session with the catalog's price of one session; a per-scar or per-month one
    compares the whole price with the course's total for this person ("course")."""

    quote: Quote
    treatment_name: str
    status: str  # the option's status for this person: suitable, caution or not_advised
    price_unit: PriceUnit
    unit_price_usd: float
    price_range_usd: Range
    price_position: Position
    price_sources: tuple[str, ...]
    sessions_range: Range | None  # None for creams used at home: they have no sessions
    sessions_position: Position | None
    sessions_sources: tuple[str, ...]
    flags: list[QuoteFlag] = field(default_factory=list)

    def to_json(self, catalog: Catalog) -> dict:
        return {
            "quote": self.quote.model_dump(mode="json"),
            "name": self.treatment_name,
            "status": self.status,
            "price": {
                "unit": self.price_unit,
                "quoted_usd": tidy(self.unit_price_usd),
                "range_usd": self.price_range_usd.as_dict(),
                "position": self.price_position,
                "sources": list(self.price_sources),
            },
            "sessions": {
                "range": self.sessions_range.as_dict() if self.sessions_range else None,
                "position": self.sessions_position,
                "sources": list(self.sessions_sources),
            },
            "flags": [f.to_json(catalog) for f in self.flags],
        }


@dataclass(frozen=True, slots=True)
class QuoteReview:
    """Every quote's check, in the order entered, and the flags about the quotes together."""

    checks: list[QuoteCheck]
    flags: list[QuoteFlag]
    catalog: Catalog = field(repr=False, compare=False)

    def to_json(self) -> dict:
        return {
            "quotes": [c.to_json(self.catalog) for c in self.checks],
            "flags": [f.to_json(self.catalog) for f in self.flags],
        }


def source_name(catalog: Catalog, source: str) -> str:
    """A source id as a short citation ('Lee 2002'), or the words for our estimate."""
    return _(ESTIMATE_SOURCE_WORDS) if source == ESTIMATE_SOURCE else catalog.sources[source].short


# ----------------------------------------------------------------------------- numbers


def position(value: float, span: Range) -> Position:
    """Where a value sits against a range; both ends count as within."""
    if value < span.low:
        return "below"
    if value > span.high:
        return "above"
    return "within"


def figure_sources(t: Treatment, *groups: str, ids: Sequence[str] | None = None) -> tuple[str, ...]:
    """The source ids behind some field groups of a treatment (its row's, unless given), with
    `estimate` added when the catalog marks one of those groups as our estimate."""
    named = tuple(dict.fromkeys(t.sources if ids is None else ids))
    estimated = any(group in t.estimates for group in groups)
    return (*named, ESTIMATE_SOURCE) if estimated else named


def who_sources(t: Treatment) -> tuple[str, ...]:
    """Sources of who usually does it: the row's, or only `estimate` when the catalog marks it
    so (the row's sources are about the results and the prices, not about who does it)."""
    return (ESTIMATE_SOURCE,) if "providers" in t.estimates else tuple(t.sources)


def price_basis(option: OptionResult, quote: Quote) -> tuple[PriceUnit, float, Range]:
    """What the quote's price is compared with: one session's price with the catalog's, or
    the whole price with the course's total for this person (per-scar and per-month pricing)."""
    t = option.treatment
    if t.pricing_unit == "session":
        return "session", quote.price_usd / quote.sessions, Range(t.cost_low, t.cost_high)
    return "course", quote.price_usd, option.total_cost_usd


def measure(option: OptionResult, quote: Quote) -> QuoteCheck:
    """The quote's price and sessions against this person's ranges, without flags."""
    t = option.treatment
    unit, price, span = price_basis(option, quote)
    sessions = None if t.pricing_unit == "month" else option.sessions
    return QuoteCheck(
        quote=quote,
        treatment_name=t.name,
        status=option.status,
        price_unit=unit,
        unit_price_usd=price,
        price_range_usd=span,
        price_position=position(price, span),
        price_sources=figure_sources(t, "cost"),
        sessions_range=sessions,
        sessions_position=None if sessions is None else position(quote.sessions, sessions),
        sessions_sources=figure_sources(t, "sessions"),
    )


def single_scar(t: Treatment) -> bool:
    """TCA CROSS and the punch methods: ice pick scars are treated one by one with these."""
    return t.category == "focal" or t.pricing_unit == "scar"


def findings(option: OptionResult, quote: Quote) -> list[str]:
    """Which evidence and provider flags apply to this quote, as keys of FLAG_WORDS."""
    t, scars = option.treatment, option.profile.scars
    found = []
    if t.improvement_ice_pick in LOW_FOR_ICE_PICK:
        found.append("rated_low")
    if t.needs_distensible and (
        not scars.flattens_when_stretched or scars.width_mm < t.width_min_mm
    ):
        found.append("narrow_scars")
    # the narrow-scars flag already says that it does little for narrow, deep scars
    if DEPTH_ORDER[scars.depth] > DEPTH_ORDER[t.depth_reach] and "narrow_scars" not in found:
        found.append("depth")
    if option.pigment_risk in RISKY_PIGMENT:
        found.append("pigment")
    if quote.provider == "unknown":
        if t.pricing_unit != "month":  # creams are used at home
            found.append("provider_unknown")
    elif quote.provider not in t.providers:
        found.append("provider_not_listed")
    return found


def rule_source_id(catalog: Catalog, short: str) -> str:
    """A screening caution's source id: the ranking keeps the short citation ('Lee 2002')."""
    if short in (ESTIMATE_SOURCE_WORDS, _(ESTIMATE_SOURCE_WORDS)):
        return ESTIMATE_SOURCE
    return next(s.id for s in catalog.sources.values() if s.short == short)


StatusCaution = tuple[str, str, tuple[str, ...], str]  # effect, text, source ids, limit


def status_cautions(
    option: OptionResult, found: list[str], catalog: Catalog
) -> list[StatusCaution]:
    """The ranking's cautions for this option: the screening rules' first (limit ""), then the
    person's limits passed even at the low end, whose sources are those of the figure compared
    with the limit. The scar-width limit is left out when the narrow-scars flag says it."""
    cautions = option_cautions(option)
    limits = [limit for limit, certain in option.limit_checks if certain]
    rules = cautions[: len(cautions) - len(limits)]
    out = [(c.effect, c.text, (rule_source_id(catalog, c.source),), "") for c in rules]
    t = option.treatment
    out += [
        ("caution", c.text, figure_sources(t, LIMIT_GROUPS.get(limit, "")), limit)
        for c, limit in zip(cautions[len(rules) :], limits, strict=True)
        if not (limit == "width" and "narrow_scars" in found)
    ]
    return out


def device_only(options: list[OptionResult]) -> bool:
    """The quotes include a device or peel for the whole area and no single-scar method."""
    treatments = [o.treatment for o in options]
    area = any(t.category in AREA_CATEGORIES for t in treatments)
    return area and not any(single_scar(t) for t in treatments)


# ----------------------------------------------------------------------------- words

REACH_WORDS = Messages(
    {
        "shallow": N_("near the surface of the skin"),
        "moderate": N_("part way into the skin"),
        "deep": N_("deep into the skin"),
    }
)
# the person's scars by their depth, as the depth flag names them
SCAR_DEPTH_WORDS = Messages(
    {
        "shallow": N_("your shallow scars"),
        "moderate": N_("your moderate scars"),
        "deep": N_("your deep scars"),
    }
)
# what to ask about a lower price: what it may leave out, by the catalog's category
LOWER_PRICE_ASKS = Messages(
    {
        "topical": N_(
            "Ask what is included, such as which product it is and how many months it lasts."
        ),
        "peel": N_("Ask what is included, such as which peel it is and how strong it is."),
        "focal": N_(
            "Ask what is included, such as how strong the acid is and how many scars it covers."
        ),
        "resurfacing": N_(
            "Ask what is included, such as which device it is and which settings they use."
        ),
        "surgical": N_(
            "Ask what is included, such as how many scars it covers and the visits after it."
        ),
        "injectable": N_(
            "Ask what is included, such as which filler it is and how much of it they use."
        ),
    }
)
HIGHER_PRICE_ASK = N_("Ask what it includes, such as numbing, visits after it and aftercare.")
HIGHER_PRICE_ASK_CREAMS = N_("Ask what it includes, such as which products and how many months.")
# what to ask about a caution: a screening rule's, by effect; one of the person's limits, by
# limit (none where the rule's or the limit's own sentence already says what to ask or do:
# a caution's rule, pain, scars, width)
RULE_ASKS = Messages({"not_advised": N_("Tell the clinic, and ask what else they suggest.")})
LIMIT_ASKS = Messages(
    {
        "budget": N_("Ask for a written total price for the whole course."),
        "downtime": N_("Ask how many days off you will need."),
        "sessions": N_("Ask whether fewer sessions would still help."),
        "weeks": N_("Ask when the last session would be."),
        "invasiveness": N_("Ask what it involves, step by step."),
    }
)
STATUS_LEADS = Messages(
    {"not_advised": N_("Not advised for you now."), "caution": N_("A caution for you.")}
)


def in_sentence(name: str) -> str:
    """A treatment's name inside a sentence: 'Punch excision' as 'punch excision', while a name
    in capitals ('TCA CROSS') stays as it is."""
    return name if name[1:2].isupper() else name[:1].lower() + name[1:]


def marked(text: str, t: Treatment, group: str) -> str:
    """The text with the estimate mark when the catalog marks this group as our estimate."""
    return f"{text} {_(ESTIMATE_MARK)}" if group in t.estimates else text


def sessions_text(span: Range) -> str:
    """'3-6 sessions', '1 session'."""
    text = ngettext("{range} session", "{range} sessions", int(span.high))
    return text.format(range=number_range(span))


def rated_low_flag(option: OptionResult, quote: Quote) -> QuoteFlag:
    t = option.treatment
    text = (
        _(
            "By our estimate, this treatment usually gives {level} for ice pick scars. Ask what "
            "change they expect for your scars."
        )
        if "improvement_ice_pick" in t.estimates
        else _(
            "In studies, this treatment usually gives {level} for ice pick scars. Ask what "
            "change they expect for your scars."
        )
    )
    sources = figure_sources(t, "improvement_ice_pick", ids=t.ice_pick_sources)
    return QuoteFlag("rated_low", text.format(level=LEVEL_WORDS[t.improvement_ice_pick]), sources)


def narrow_scars_flag(option: OptionResult, quote: Quote) -> QuoteFlag:
    t, scars = option.treatment, option.profile.scars
    wide = _("{low}-{high} mm wide").format(low=number(t.width_min_mm), high=number(t.width_max_mm))
    text = (
        _(
            "This treatment lifts scars that flatten when the skin is stretched and are {suits}. "
            "Ice pick scars are narrow and deep, so it does little for them. Your scars are "
            "about {width} mm wide. Ask what change they expect, and how long it lasts."
        )
        if scars.flattens_when_stretched
        else _(
            "This treatment lifts scars that flatten when the skin is stretched and are {suits}. "
            "Ice pick scars are narrow and deep, so it does little for them. Your scars are "
            "about {width} mm wide, and they do not flatten when stretched. Ask what change "
            "they expect, and how long it lasts."
        )
    )
    text = text.format(suits=marked(wide, t, "suits"), width=number(scars.width_mm))
    sources = figure_sources(t, "suits", "improvement_ice_pick", ids=t.ice_pick_sources)
    return QuoteFlag("narrow_scars", text, sources)


def depth_flag(option: OptionResult, quote: Quote) -> QuoteFlag:
    t, depth = option.treatment, option.profile.scars.depth
    text = _(
        "This treatment works {reach}, and {scars} go deeper. Ask how they would treat the "
        "deepest part of the scars."
    ).format(reach=REACH_WORDS[t.depth_reach], scars=SCAR_DEPTH_WORDS[depth])
    ids = (ICE_PICK_DEPTH_SOURCE, *t.ice_pick_sources)
    return QuoteFlag("depth", text, figure_sources(t, "improvement_ice_pick", ids=ids))


def usual_providers(t: Treatment) -> str:
    return joined([PROVIDER_WORDS[p] for p in t.providers], OR)


def provider_unknown_flag(option: OptionResult, quote: Quote) -> QuoteFlag:
    t = option.treatment
    text = _(
        "The quote does not say who will do it. This treatment is usually done by {providers}. "
        "Ask who will do it, and what training they have."
    ).format(providers=usual_providers(t))
    return QuoteFlag("provider_unknown", text, who_sources(t))


def provider_not_listed_flag(option: OptionResult, quote: Quote) -> QuoteFlag:
    t = option.treatment
    text = _(
        "This treatment is usually done by {providers}, not by {provider}. Ask who will do it, "
        "what training they have, and how often they do it."
    ).format(providers=usual_providers(t), provider=PROVIDER_WORDS[quote.provider])
    return QuoteFlag("provider_not_listed", text, who_sources(t))


def pigment_flag(option: OptionResult, quote: Quote) -> QuoteFlag:
    """Dark or light patches after it: a moderate or high risk for this skin type."""
    text = _(
        "The risk of dark or light patches after it is {level} for your skin. Ask how they "
        "would lower it, for example with creams before and after, and by keeping out of the "
        "sun."
    ).format(level=RISK_LABELS[option.pigment_risk].lower())
    return QuoteFlag("pigment", text, figure_sources(option.treatment))


FLAG_WORDS: dict[str, Callable[[OptionResult, Quote], QuoteFlag]] = {
    "rated_low": rated_low_flag,
    "narrow_scars": narrow_scars_flag,
    "depth": depth_flag,
    "provider_unknown": provider_unknown_flag,
    "provider_not_listed": provider_not_listed_flag,
    "pigment": pigment_flag,
}


def status_flag(effect: str, text: str, sources: tuple[str, ...], limit: str) -> QuoteFlag:
    """A caution or not-advised line of the ranking, with what to ask or tell the clinic."""
    ask = LIMIT_ASKS.get(limit, "") if limit else RULE_ASKS.get(effect, "")
    words = " ".join(part for part in (STATUS_LEADS[effect], text, ask) if part)
    return QuoteFlag(effect, words, sources)


def priced(amount: str, check: QuoteCheck, option: OptionResult) -> str:
    """What a price is for: '$150 a session', '$2,000 for your 20 scars' or '$900 for the
    whole course'."""
    if check.price_unit == "session":
        return _("{amount} a session").format(amount=amount)
    if option.treatment.pricing_unit == "scar":
        count = option.profile.scars.count
        return _("{amount} for your {count} scars").format(amount=amount, count=number(count))
    return _("{amount} for the whole course").format(amount=amount)


def usual_price(check: QuoteCheck, option: OptionResult) -> str:
    """The usual range, '$100-$200 a session' for a per-session price; marked if estimated."""
    span = money_range(check.price_range_usd)
    usual = _("{amount} a session").format(amount=span) if check.price_unit == "session" else span
    return marked(usual, option.treatment, "cost")


def price_flag(check: QuoteCheck, option: OptionResult) -> QuoteFlag | None:
    if check.price_position == "within":
        return None
    t = option.treatment
    quoted = priced(money(check.unit_price_usd), check, option)
    if check.price_position == "above":
        ask = HIGHER_PRICE_ASK_CREAMS if t.pricing_unit == "month" else HIGHER_PRICE_ASK
        text = _("{quoted} is more than the usual {usual}. {ask}").format(
            quoted=quoted, usual=usual_price(check, option), ask=_(ask)
        )
    else:
        text = _(
            "{quoted} is less than the usual {usual}. A lower price is not always a worse one. "
            "{ask}"
        ).format(quoted=quoted, usual=usual_price(check, option), ask=LOWER_PRICE_ASKS[t.category])
    return QuoteFlag(f"price_{check.price_position}", text, check.price_sources)


def _sessions_words(above: bool, per_scar: bool, n: int) -> str:
    """The sentence about a number of sessions outside the usual range, not yet filled."""
    if above and per_scar:
        return ngettext(
            "{n} session is more than the usual {usual} for your {count} scars. Ask why you "
            "need more, and whether the price covers them all.",
            "{n} sessions is more than the usual {usual} for your {count} scars. Ask why you "
            "need more, and whether the price covers them all.",
            n,
        )
    if above:
        return ngettext(
            "{n} session is more than the usual {usual}. Ask why you need more, and whether "
            "the price covers them all.",
            "{n} sessions is more than the usual {usual}. Ask why you need more, and whether "
            "the price covers them all.",
            n,
        )
    if per_scar:
        return ngettext(
            "{n} session is fewer than the usual {usual} for your {count} scars. Ask whether "
            "you may need more later, and what they would cost.",
            "{n} sessions is fewer than the usual {usual} for your {count} scars. Ask whether "
            "you may need more later, and what they would cost.",
            n,
        )
    return ngettext(
        "{n} session is fewer than the usual {usual}. Ask whether you may need more later, "
        "and what they would cost.",
        "{n} sessions is fewer than the usual {usual}. Ask whether you may need more later, "
        "and what they would cost.",
        n,
    )


def sessions_flag(check: QuoteCheck, option: OptionResult) -> QuoteFlag | None:
    if check.sessions_range is None or check.sessions_position == "within":
        return None
    t, n = option.treatment, check.quote.sessions
    words = _sessions_words(check.sessions_position == "above", t.pricing_unit == "scar", n)
    text = words.format(
        n=number(n),
        usual=marked(sessions_text(check.sessions_range), t, "sessions"),
        count=number(option.profile.scars.count),
    )
    return QuoteFlag(f"sessions_{check.sessions_position}", text, check.sessions_sources)


def device_only_flag(options: list[OptionResult], catalog: Catalog) -> QuoteFlag:
    areas = [o.treatment for o in options if o.treatment.category in AREA_CATEGORIES]
    names = joined([in_sentence(n) for n in dict.fromkeys(t.name for t in areas)], OR)
    singles = [
        in_sentence(t.name)
        for t in catalog.treatments.values()
        if single_scar(t) and t.improvement_ice_pick not in LOW_FOR_ICE_PICK
    ]
    text = ngettext(
        "Ice pick scars are usually treated one at a time first, with {singles}. Then the "
        "whole area is smoothed, for example with {names}. Your quote is not for treating "
        "scars one at a time. Ask whether that should come first.",
        "Ice pick scars are usually treated one at a time first, with {singles}. Then the "
        "whole area is smoothed, for example with {names}. None of your quotes is for treating "
        "scars one at a time. Ask whether that should come first.",
        len(options),
    ).format(singles=joined(singles, OR), names=names)
    return QuoteFlag("device_only", text, (COMBINATION_SOURCE,))


# ----------------------------------------------------------------------------- the review


def check_quote(rec: Recommendation, quote: Quote) -> QuoteCheck:
    """One quote: its numbers against this person's ranges, and every flag about it."""
    option = rec.ranking.by_id(quote.treatment)
    check = measure(option, quote)
    found = findings(option, quote)
    cautions = [status_flag(*c) for c in status_cautions(option, found, rec.catalog)]
    flags = [
        *(f for f in cautions if f.kind == "not_advised"),
        *(FLAG_WORDS[key](option, quote) for key in found),
        *(f for f in cautions if f.kind != "not_advised"),
        price_flag(check, option),
        sessions_flag(check, option),
    ]
    return dataclasses.replace(check, flags=[f for f in flags if f is not None])


def check_quotes(rec: Recommendation) -> QuoteReview:
    """Every quote in the profile, in the order entered, and the flags about them together."""
    checks = [check_quote(rec, quote) for quote in rec.profile.quotes]
    options = [rec.ranking.by_id(quote.treatment) for quote in rec.profile.quotes]
    flags = [device_only_flag(options, rec.catalog)] if device_only(options) else []
    return QuoteReview(checks, flags, rec.catalog)


# ----------------------------------------------------------------------------- lines to show


def quote_title(check: QuoteCheck) -> str:
    """'Ablative fractional laser (CO2 or erbium): 3 sessions, $4,500 in all, by a
    dermatologist'. No clinic is named: the app never asks for one."""
    q = check.quote
    return ngettext(
        "{name}: {n} session, {price} in all, by {provider}",
        "{name}: {n} sessions, {price} in all, by {provider}",
        q.sessions,
    ).format(
        name=check.treatment_name,
        n=number(q.sessions),
        price=money(q.price_usd),
        provider=PROVIDER_WORDS[q.provider],
    )


def cited(flag: QuoteFlag) -> str:
    """A flag's words with its sources: '... [S15, S16]', and '(est.)' for our estimate."""
    ids = [s for s in flag.sources if s != ESTIMATE_SOURCE]
    marks = ([f"[{', '.join(ids)}]"] if ids else []) + (
        [_(ESTIMATE_MARK)] if ESTIMATE_SOURCE in flag.sources else []
    )
    return f"{flag.text} {' '.join(marks)}"


def within_lines(check: QuoteCheck, rec: Recommendation) -> list[str]:
    """The price and the number of sessions that are within the usual ranges (one outside
    them has a flag of its own, which says so and what to ask)."""
    option = rec.ranking.by_id(check.quote.treatment)
    lines = []
    if check.price_position == "within":
        price = _("Price: {price}, within the usual {usual}.").format(
            price=priced(money(check.unit_price_usd), check, option),
            usual=usual_price(check, option),
        )
        caveat = _("A usual price does not mean it suits your scars.") if check.flags else ""
        lines.append(f"{price} {caveat}".rstrip())
    if check.sessions_range is not None and check.sessions_position == "within":
        usual = marked(sessions_text(check.sessions_range), option.treatment, "sessions")
        lines.append(
            _("Sessions: {n}, within the usual {usual}.").format(
                n=number(check.quote.sessions), usual=usual
            )
        )
    return lines

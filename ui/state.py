"""The profile in session state: the single source of truth, mirrored into the URL.

Widgets never own an answer. Each widget writes its value into the profile through an
on_change callback; each page draws widgets from the profile. The URL carries every
non-default answer, so a refresh, a server restart or a shared link restores them.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import streamlit as st

from advisor.i18n import DEFAULT_LANGUAGE, LANGUAGES, _, set_language
from advisor.money import set_currency
from advisor.profile import Profile, ProfileError, answer_at, profile_from_dict
from advisor.recommend import Recommendation, recommend
from advisor.urlstate import FIELDS, decode_query, encode_query, has_profile
from ui.nav import REROUTED, ROUTED, go

PROFILE = "profile"
URL_PROBLEMS = "url_problems"
ANSWER_ERROR = "answer_error"
WIDGET_PREFIX = "w:"
_RECOMMENDATION = "_recommendation"
ANSWERED = "_answered"  # went through the questionnaire, or loaded a file or a link
RESETS = "_resets"  # how many times the profile was replaced in this session
_CLEARED = "_cleared"  # Start over done: say so on the page it leads to
# What survives a new profile: the routing marks (ui/nav.py) and the count of resets.
KEEP = frozenset({ROUTED, REROUTED, RESETS})


def current_profile() -> Profile:
    """The validated profile of this browser session (defaults until answered)."""
    if PROFILE not in st.session_state:
        st.session_state[PROFILE] = Profile()
    return st.session_state[PROFILE]


# not answers about the person: how the app speaks and counts
VIEW_KEYS = frozenset({"lang", "cur"})


def browser_language() -> str | None:
    """The browser's language, if the app has it ('es-MX' -> 'es'): a first visit's default."""
    locale = (st.context.locale or "").split("-")[0].lower()
    return locale if locale in LANGUAGES else None


# a first visit's currency from the browser's region ('es-MX' -> pesos); US dollars else
REGION_CURRENCIES = {"MX": "MXN", "ES": "EUR", "GB": "GBP", "CA": "CAD", "AU": "AUD"}
EURO_REGIONS = frozenset(
    [
        "AT",
        "BE",
        "CY",
        "DE",
        "EE",
        "FI",
        "FR",
        "GR",
        "HR",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PT",
        "SI",
        "SK",
    ]
)


def browser_currency() -> str:
    parts = (st.context.locale or "").replace("_", "-").split("-")
    region = parts[1].upper() if len(parts) > 1 else ""
    return "EUR" if region in EURO_REGIONS else REGION_CURRENCIES.get(region, "USD")


def restore_from_url() -> None:
    """On a session's first run, take the answers from the URL (a refresh or a shared link).
    A first visit with no answers speaks the browser's language."""
    if PROFILE in st.session_state:
        return
    params = st.query_params.to_dict()
    if has_profile(params):
        profile, problems = decode_query(params)
        st.session_state[PROFILE] = profile
        if set(params) & (set(FIELDS) - VIEW_KEYS):
            st.session_state[ANSWERED] = True
        if problems:
            st.session_state[URL_PROBLEMS] = problems
    else:
        language = browser_language() or DEFAULT_LANGUAGE
        st.session_state[PROFILE] = Profile.model_validate(
            {"language": language, "preferences": {"currency": browser_currency()}}
        )


def use_answers_language() -> None:
    """This run speaks the profile's language and shows its currency."""
    profile = current_profile()
    set_language(profile.language)
    set_currency(profile.preferences.currency)


def view_of(profile: Profile) -> dict[str, Any]:
    """The profile's language and currency: kept when the answers are cleared."""
    return {"language": profile.language, "currency": profile.preferences.currency}


def without_view(profile: Profile) -> Profile:
    """The answers alone: the profile with the default language and currency."""
    prefs = profile.preferences.model_copy(update={"currency": "USD"})
    return profile.model_copy(update={"language": "en", "preferences": prefs})


def fresh_profile(keep: Profile) -> Profile:
    """Default answers in the language and currency of `keep`."""
    view = view_of(keep)
    return Profile.model_validate(
        {"language": view["language"], "preferences": {"currency": view["currency"]}}
    )


def mark_answered() -> None:
    """The answers are the person's own now: they went through the questions or loaded them."""
    st.session_state[ANSWERED] = True


def shows_example_answers() -> bool:
    """Whether the pages still show the questionnaire's example answers, not the person's."""
    return not st.session_state.get(ANSWERED) and without_view(current_profile()) == Profile()


def sync_url() -> None:
    """Write the profile's non-default answers into the query string (other keys untouched)."""
    wanted = encode_query(current_profile())
    params = st.query_params
    for key in FIELDS:
        if key in params and key not in wanted:
            del params[key]
    changed = {k: v for k, v in wanted.items() if params.get(k) != v}
    if changed:
        params.update(changed)


def _forget_view_state() -> None:
    """Drop every key but KEEP: widget values, Compare's what-if priorities and filters, the
    questionnaire step, open sections and tables, the chosen paper, messages, and the caches
    made from the old answers (the recommendation and chart images)."""
    for key in [k for k in st.session_state if k not in KEEP]:
        del st.session_state[key]


def replace_profile(profile: Profile) -> None:
    """Use a whole new profile (resume, start over): every page starts afresh from it."""
    _forget_view_state()
    st.session_state[RESETS] = st.session_state.get(RESETS, 0) + 1
    st.session_state[PROFILE] = profile
    sync_url()


def fresh_key(name: str) -> str:
    """A widget key that changes with every new profile. For a widget whose value lives in
    the browser, as a file uploader's file does: dropping its key on the server leaves the
    file in the browser, which sends it again; a new key draws an empty uploader."""
    return f"{name}_{st.session_state.get(RESETS, 0)}"


def start_over() -> None:
    """Clear every answer, the notes and all view state, and go to Start."""
    replace_profile(fresh_profile(current_profile()))  # the same language and currency
    st.session_state[_CLEARED] = True  # a toast now would go with this page
    go("start")


def _set_path(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for part in parents:
        data = data[part]
    data[last] = value


def get_answer(path: str) -> Any:
    return answer_at(current_profile(), path)


def set_answer(path: str, value: Any) -> None:
    """Validate one changed answer; keep the others; report a bad value in plain words.
    (Widget callbacks run before the page: the answers' language is set here first, so the
    message is in it.)"""
    use_answers_language()
    data = current_profile().model_dump()
    _set_path(data, path, value)
    try:
        st.session_state[PROFILE] = profile_from_dict(data)
    except ProfileError as error:
        st.session_state[ANSWER_ERROR] = error.problems
        st.session_state.pop(WIDGET_PREFIX + path, None)
        return
    st.session_state.pop(ANSWER_ERROR, None)
    sync_url()


def try_answer(path: str, value: Any) -> list[str]:
    """Keep this answer if the profile allows it; otherwise change nothing and return what is
    wrong, one line per field (for a form that shows the problem next to itself)."""
    use_answers_language()
    data = current_profile().model_dump()
    _set_path(data, path, value)
    try:
        profile_from_dict(data)
    except ProfileError as error:
        return error.problems
    set_answer(path, value)
    return []


def on_widget_change(path: str) -> None:
    """on_change callback: copy the widget's value into the profile."""
    set_answer(path, st.session_state[WIDGET_PREFIX + path])


def share_link() -> str | None:
    """This page's address with every answer in its query string, or None if unknown."""
    if not st.context.url:
        return None
    base = st.context.url.split("?")[0].split("#")[0]
    query = urlencode(encode_query(current_profile()))
    return f"{base}?{query}" if query else base


def chart_image_cache(max_items: int = 24) -> dict[str, bytes]:
    """Chart PNGs for this session's PDFs (per session, never shared between users)."""
    cache = st.session_state.setdefault("_chart_png_cache", {})
    if len(cache) > max_items:
        cache.clear()
    return cache


def current_recommendation() -> Recommendation:
    """The recommendation for this session's profile, worked out again only when it changed."""
    profile = current_profile()
    cached = st.session_state.get(_RECOMMENDATION)
    if cached is None or cached[0] is not profile:
        cached = (profile, recommend(profile))
        st.session_state[_RECOMMENDATION] = cached
    return cached[1]


def show_state_messages() -> None:
    """Messages about answers that could not be used (from the URL or a widget), and that
    Start over has cleared them."""
    if st.session_state.pop(_CLEARED, False):
        st.toast(_("Every answer was cleared."), icon=":material/restart_alt:")
    problems = st.session_state.get(URL_PROBLEMS)
    if problems:
        with st.container(border=True):
            st.warning(
                _(
                    "Some answers in this link could not be used, so they were reset to the "
                    "default. Everything else was kept."
                ),
                icon=":material/link_off:",
            )
            for line in problems:
                st.text(line)
            if st.button(_("OK, hide this"), key="hide_url_problems"):
                st.session_state.pop(URL_PROBLEMS, None)
                st.rerun()
    errors = st.session_state.get(ANSWER_ERROR)
    if errors:
        st.error(
            _("That answer was not saved: {problems}").format(problems="; ".join(errors)),
            icon=":material/error:",
        )

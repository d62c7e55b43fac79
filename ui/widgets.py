"""Widgets bound to one profile answer: drawn from the profile, written back on change."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from advisor.i18n import _
from advisor.money import current_currency, from_usd, to_usd
from ui.state import WIDGET_PREFIX, get_answer, on_widget_change, set_answer, use_answers_language

_shown = threading.local()  # each session's script runs in its own thread


def _note(*texts: str | None) -> None:
    """Remember the words a question shows, so its hard words can be explained below it."""
    if not hasattr(_shown, "texts"):
        _shown.texts = []
    _shown.texts.extend(t for t in texts if t)


def shown_texts() -> list[str]:
    """The labels, help and choices drawn since the last call (then forgotten)."""
    texts = getattr(_shown, "texts", [])
    _shown.texts = []
    return texts


def _worded(options: Sequence[Any], words: Callable[[Any], str]) -> dict[Any, str]:
    """Each choice's words, in the language of this run: a format_func called later, outside
    the page's run (Streamlit's test harness does), would not know the language."""
    return {option: str(words(option)) for option in options}


def _bind(path: str) -> dict[str, Any]:
    return {"key": WIDGET_PREFIX + path, "on_change": on_widget_change, "args": (path,)}


def _seed(path: str, value: Any) -> None:
    """Give a widget its value from the profile unless it already has one this page visit."""
    key = WIDGET_PREFIX + path
    if key not in st.session_state:
        st.session_state[key] = value


def _ranged(
    widget: Callable[..., Any],
    path: str,
    label: str,
    help: str,
    *,
    min_value: float,
    max_value: float,
    step: float = 1,
    fmt: str | None = None,
) -> None:
    """A number input or slider bound to one answer."""
    _note(label, help)
    _seed(path, get_answer(path))
    widget(
        label,
        min_value=min_value,
        max_value=max_value,
        step=step,
        format=fmt,
        help=help,
        **_bind(path),
    )


def number(path: str, label: str, help: str, **limits: Any) -> None:
    _ranged(st.number_input, path, label, help, **limits)


def slider(path: str, label: str, help: str, **limits: Any) -> None:
    _ranged(st.slider, path, label, help, **limits)


def choice(
    path: str,
    label: str,
    help: str | None,
    options: Sequence[Any],
    words: Callable[[Any], str] = str,
    *,
    horizontal: bool = False,
) -> None:
    shown = _worded(options, words)
    _note(label, help, *shown.values())
    _seed(path, get_answer(path))
    st.radio(
        label,
        options,
        format_func=shown.__getitem__,
        help=help,
        horizontal=horizontal,
        **_bind(path),
    )


def yes_no_word(value: bool) -> str:
    return _("Yes") if value else _("No")


def yes_no(path: str, label: str, help: str | None) -> None:
    """Yes or No; an answer that may stay empty (None) shows neither chosen until answered."""
    choice(path, label, help, [True, False], yes_no_word, horizontal=True)


NOT_SURE = "not_sure"  # the widget's word for an empty answer (None in the profile)


def _maybe_changed(path: str) -> None:
    value = st.session_state[WIDGET_PREFIX + path]
    set_answer(path, None if value == NOT_SURE else value)


def maybe_choice(
    path: str,
    label: str,
    help: str,
    options: Sequence[str],
    words: Callable[[str], str],
    *,
    not_sure: str | None = None,
    horizontal: bool = False,
) -> None:
    """Radio buttons for an answer that may stay empty: `not_sure` (by default "Not sure")
    comes last and stands for None (a radio cannot show None as a choice of its own)."""
    shown = _worded(options, words) | {NOT_SURE: not_sure or _("Not sure")}
    _note(label, help, *shown.values())
    answer = get_answer(path)
    _seed(path, NOT_SURE if answer is None else answer)
    st.radio(
        label,
        [*options, NOT_SURE],
        format_func=shown.__getitem__,
        help=help,
        horizontal=horizontal,
        key=WIDGET_PREFIX + path,
        on_change=_maybe_changed,
        args=(path,),
    )


def pick(
    path: str,
    label: str,
    help: str,
    options: Sequence[str],
    words: Callable[[str], str],
    *,
    placeholder: str,
) -> None:
    """A drop-down list for one answer; the placeholder shows while it is empty (None)."""
    shown = _worded(options, words)
    _note(label, help, *shown.values())
    _seed(path, get_answer(path))
    st.selectbox(
        label,
        options,
        format_func=shown.__getitem__,
        help=help,
        placeholder=placeholder,
        **_bind(path),
    )


def scale(
    path: str, label: str, help: str, options: Sequence[Any], words: Callable[[Any], str] = str
) -> None:
    shown = _worded(options, words)
    _note(label, help, *shown.values())
    _seed(path, get_answer(path))
    st.select_slider(
        label, options=options, format_func=shown.__getitem__, help=help, **_bind(path)
    )


def many(
    path: str, label: str, help: str, options: Sequence[str], words: Callable[[str], str] = str
) -> None:
    shown = _worded(options, words)
    _note(label, help, *shown.values())
    _seed(path, list(get_answer(path)))
    st.multiselect(
        label,
        options,
        format_func=shown.__getitem__,
        help=help,
        placeholder=_("Choose any"),
        **_bind(path),
    )


def tick(path: str, label: str, help: str) -> None:
    """A checkbox with its help as a line below it: a "?" inside the label would tick the box
    when tapped, recording a medical answer nobody gave."""
    _note(label, help)
    _seed(path, get_answer(path))
    st.checkbox(label, **_bind(path))
    st.caption(help)


def long_text(path: str, label: str, help: str, *, max_chars: int, placeholder: str) -> None:
    """A text box for free text: kept as typed, never read as markup."""
    _note(label, help)
    _seed(path, get_answer(path))
    st.text_area(label, help=help, max_chars=max_chars, placeholder=placeholder, **_bind(path))


def _money_changed(path: str) -> None:
    """The amount typed in the person's currency, kept in US dollars (whole). A callback
    runs before the page sets the currency: set it from the answers first."""
    use_answers_language()
    # to the cent: 25,000 pesos come back as 25,000, not 24,994 (whole dollars did that)
    set_answer(path, round(to_usd(st.session_state[MONEY_PREFIX + path]), 2))


MONEY_PREFIX = "money:"


def money_input(path: str, label: str, help: str, *, highest_usd: int) -> None:
    """An amount kept in US dollars, shown and typed in the person's currency. Its key names
    the currency, so a new currency draws the box afresh from the kept dollars."""
    _note(label, help)
    code = current_currency()
    key = f"{MONEY_PREFIX}{path}"
    # drawn afresh from the kept dollars when the currency changed, and when Streamlit has
    # forgotten the box (it does when the person leaves the page: the box came back as 0)
    if key not in st.session_state or st.session_state.get(key + ":currency") != code:
        st.session_state[key] = round(from_usd(get_answer(path)))
        st.session_state[key + ":currency"] = code
    step = max(1, round(from_usd(100), -1))
    st.number_input(
        label,
        min_value=0,
        max_value=round(from_usd(highest_usd)),
        step=int(step),
        help=help,
        key=key,
        on_change=_money_changed,
        args=(path,),
    )

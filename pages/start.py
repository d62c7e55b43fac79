"""Start: what ice pick scars are, what the tool does and does not do, privacy, resume."""

import streamlit as st

from advisor.content import default_content
from advisor.i18n import _
from advisor.profile import (
    FILE_TOO_LARGE,
    MAX_FILE_BYTES,
    Profile,
    ProfileError,
    read_profile_json,
)
from ui.glossary import words_explained
from ui.layout import footer
from ui.nav import ensure_routed, go
from ui.state import (
    current_profile,
    fresh_key,
    mark_answered,
    replace_profile,
    show_state_messages,
    without_view,
)

ensure_routed()

# (file id, problems (empty when it worked), notes on answers an older file gave differently)
RESUME_RESULT = "_resume_result"
text = default_content().condition

st.title(_("Ice pick scar treatment advisor"))
show_state_messages()
st.markdown(
    _(
        "Compare every treatment for ice pick acne scars side by side, see how well each one "
        "fits **your** scars, skin, health and priorities, and take a clear summary to a "
        "dermatologist."
    )
)

started = without_view(current_profile()) != Profile()
left, right = st.columns(2)
if left.button(
    _("Continue with my answers") if started else _("Begin"),
    type="primary",
    icon=":material/arrow_forward:",
    width="stretch",
):
    go("profile")
if started and right.button(
    _("See my comparison"), icon=":material/compare_arrows:", width="stretch"
):
    go("compare")

st.subheader(_("What ice pick scars are"))
st.markdown(text["what_they_are"])
st.subheader(_("The decision"))
st.markdown(text["the_decision"])
words_explained([text["what_they_are"], text["the_decision"]])
st.info(text["what_this_tool_does"], icon=":material/info:")
st.subheader(_("Your privacy"))
st.markdown(text["privacy"])

st.subheader(_("Resume from saved answers"))
st.markdown(
    _(
        "If you saved your answers before (the **Save answers** button on the Summary page), "
        "open that file here. A file that cannot be used changes nothing."
    )
)
# a new key with every new profile: Start over and a good file leave the uploader empty
upload = st.file_uploader(_("Saved answers file (.json)"), type=["json"], key=fresh_key("resume"))
result = st.session_state.get(RESUME_RESULT)
if upload is not None and (result is None or result[0] != upload.file_id):
    data = upload.getvalue()
    try:
        if len(data) > MAX_FILE_BYTES:
            raise ProfileError([f"file: {_(FILE_TOO_LARGE)}"])
        profile, notes = read_profile_json(data)
        replace_profile(profile)
        mark_answered()
        result = (upload.file_id, [], notes)
    except ProfileError as error:
        result = (upload.file_id, error.problems, [])
    st.session_state[RESUME_RESULT] = result
    if not result[1]:
        st.rerun()  # the whole page again from the file's answers
if result is not None and (upload is not None or not result[1]):  # a good file's message stays
    if result[1]:
        st.error(
            _("This file could not be used, so your current answers were kept. What is wrong:"),
            icon=":material/error:",
        )
        for line in result[1]:
            st.text(line)
    else:
        st.success(_("Your saved answers are back."), icon=":material/check_circle:")
        for note in result[2]:
            st.info(note, icon=":material/info:")
        if st.button(_("See my comparison"), key="after_resume", icon=":material/compare_arrows:"):
            go("compare")

footer("start")

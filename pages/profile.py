"""Your profile: the questionnaire in four short steps with a progress indicator."""

from collections.abc import Callable

import streamlit as st

from advisor.decision import DAILY_LIFE_CHOICES, HOPE_CHOICES
from advisor.i18n import N_, MessageList, Messages, _
from advisor.money import currency_name
from advisor.profile import DEFAULT_WEEKS, HISTORY_MAX, LOCATIONS
from advisor.summary import severity_lines
from advisor.words import (
    DEPTH_WORDS,
    DISTRIBUTION_WORDS,
    FACTOR_CONTROL_LABELS,
    LOCATION_WORDS,
    OTHER_TYPE_WORDS,
    PAIN_WORDS,
    SKIN_TYPE_CHOICES,
    first_upper,
)
from ui import widgets as w
from ui.glossary import words_explained
from ui.language import conversion_note, currency_choice
from ui.layout import WEIGHT_WORDS, footer
from ui.nav import SCROLL_TO_TOP, ensure_routed, go
from ui.state import (
    WIDGET_PREFIX,
    current_profile,
    current_recommendation,
    mark_answered,
    set_answer,
    show_state_messages,
)

ensure_routed()

STEPS = MessageList([N_("Your scars"), N_("Your skin"), N_("Your health"), N_("Your priorities")])
STEP = "questionnaire_step"
INVASIVENESS_WORDS = Messages(
    {
        1: N_("1 · creams at home only"),
        2: N_("2 · acid on the skin or in single scars, no needles"),
        3: N_("3 · needles, light or injections over an area"),
        4: N_("4 · numbing and small cuts (punch, subcision, ablative laser)"),
        5: N_("5 · deep sanding of the skin, maybe sedation"),
    }
)
# choice words as in a sentence ("about 60, moderate"), shown with a capital first letter
# the question for each other kind of scar, whole (word order differs between languages)
OTHER_COUNT_QUESTIONS = Messages(
    {
        "rolling": N_("About how many rolling scars? (optional)"),
        "boxcar": N_("About how many boxcar scars? (optional)"),
        "hypertrophic": N_("About how many hypertrophic scars? (optional)"),
    }
)
GOAL_WORDS = Messages(
    {
        "subtle": N_("A subtle change"),
        "noticeable": N_("A clear, noticeable change"),
        "maximal": N_("The biggest change possible"),
    }
)


def capitalized(words: Messages) -> Callable[[str], str]:
    """The choice's word with a capital first letter (as str.capitalize did in English)."""
    return lambda key: first_upper(words[key])


def scars_step() -> None:
    w.number(
        "scars.count",
        _("About how many ice pick scars do you have?"),
        _("Count in a mirror in good light, or ask someone to help. A rough number is fine."),
        min_value=1,
        max_value=500,
    )
    w.choice(
        "scars.depth",
        _("How deep do they look?"),
        _(
            "Shallow: a slight dip. Moderate: a clear pit. Deep: a narrow hole whose bottom you "
            "cannot see, like a large open pore."
        ),
        ["shallow", "moderate", "deep"],
        capitalized(DEPTH_WORDS),
        horizontal=True,
    )
    w.slider(
        "scars.width_mm",
        _("How wide is a typical scar, in millimetres?"),
        _(
            "Ice pick scars are usually under 2 mm. For scale: the tip of a ballpoint pen is "
            "about 1 mm, a pencil lead about 2 mm."
        ),
        min_value=0.3,
        max_value=5.0,
        step=0.1,
        fmt="%.1f mm",
    )
    w.choice(
        "scars.distribution",
        _("How are they spread out?"),
        _(
            "Isolated: a few scars far apart. Clustered: groups close together. "
            "Widespread: all over an area."
        ),
        ["isolated", "clustered", "widespread"],
        capitalized(DISTRIBUTION_WORDS),
        horizontal=True,
    )
    w.many(
        "scars.locations",
        _("Where are they?"),
        _("Choose every area that has them."),
        LOCATIONS,
        capitalized(LOCATION_WORDS),
    )
    other_scars_questions()


def other_scars_questions() -> None:
    w.many(
        "scars.other_types",
        _("Do you also have other kinds of acne scars?"),
        _(
            "Rolling: wide, soft dips with sloping edges. Boxcar: wider pits with steep sides "
            "and a flat bottom. Hypertrophic: raised, firm scars."
        ),
        ["rolling", "boxcar", "hypertrophic"],
        capitalized(OTHER_TYPE_WORDS),
    )
    for scar_type in current_profile().scars.other_types:
        w.number(
            f"scars.other_counts.{scar_type}",
            OTHER_COUNT_QUESTIONS[scar_type],
            _(
                "Leave it empty if you are not sure. The count helps the scar score, which "
                "gives more points for more scars of a kind."
            ),
            min_value=0,
            max_value=500,
        )
    w.yes_no(
        "scars.flattens_when_stretched",
        _("Do the scars flatten when you gently stretch the skin?"),
        _(
            "Put two fingers on either side of a scar and pull the skin apart a little. If the "
            "dip mostly disappears, answer Yes. Ice pick scars usually stay visible."
        ),
    )
    w.yes_no(
        "scars.visible_at_conversation_distance",
        _("Can someone see them easily from a normal talking distance?"),
        _("About half a metre, an arm's length away, without make-up."),
    )


def skin_step() -> None:
    w.choice(
        "skin.fitzpatrick",
        _("Which skin is closest to yours?"),
        _(
            "Your skin colour and how it reacts to the sun, without sunscreen. Doctors call this "
            "your Fitzpatrick skin type (I to VI). Darker skin (types IV to VI) has a higher risk "
            "of dark or light patches after some treatments."
        ),
        list(SKIN_TYPE_CHOICES),
        SKIN_TYPE_CHOICES.__getitem__,
    )
    w.tick(
        "skin.dark_marks_after_injury",
        _("Pimples or cuts often leave dark marks on my skin"),
        _("Brown or dark spots that stay for weeks after a spot heals."),
    )
    w.tick(
        "skin.sensitive",
        _("My skin is sensitive"),
        _("It often stings, burns or goes red with new products."),
    )
    w.tick(
        "skin.keloid_history",
        _("I have had raised, thick scars (keloids)"),
        _("Scars that grew bigger than the wound, firm and raised."),
    )
    w.tick(
        "skin.active_acne",
        _("I still get acne in the areas with scars"),
        _("New pimples or cysts in the last month."),
    )
    w.tick(
        "skin.recent_tan", _("I have a tan or sunburn right now"), _("From the sun or a sunbed.")
    )


HEALTH_TICKS = (  # (answer, label, help), in the order asked
    (
        "health.isotretinoin_last_6_months",
        N_("I took isotretinoin in the last 6 months"),
        N_("Also sold as Accutane, Roaccutane or Absorica, a strong acne tablet."),
    ),
    ("health.pregnant", N_("I am pregnant"), N_("Many treatments wait until after the pregnancy.")),
    (
        "health.breastfeeding",
        N_("I am breastfeeding"),
        N_("Some creams and treatments are avoided while you breastfeed."),
    ),
    (
        "health.cold_sores",
        N_("I get cold sores"),
        N_(
            "Blisters on the lips caused by the herpes simplex virus. Tell your doctor where "
            "on your face you get them."
        ),
    ),
    (
        "health.blood_thinners",
        N_("I take a blood thinner"),
        N_("For example warfarin, apixaban, rivaroxaban, clopidogrel or daily aspirin."),
    ),
    (
        "health.photosensitising_medication",
        N_("I take a medicine that makes skin sensitive to light"),
        N_(
            "For example doxycycline and some other antibiotics, or some water tablets. "
            "The leaflet says to avoid the sun."
        ),
    ),
    (
        "health.autoimmune_or_immunosuppressed",
        N_("I have an autoimmune disease or a weakened immune system"),
        N_("For example lupus, or medicines that lower the immune system."),
    ),
    (
        "health.vitiligo_or_psoriasis",
        N_("I have vitiligo or psoriasis"),
        N_(
            "Vitiligo: patches of skin that lose their colour. Psoriasis: red, scaly patches. "
            "New patches can appear where skin is wounded."
        ),
    ),
    (
        "health.facial_radiation",
        N_("I have had radiation treatment to my face"),
        N_("Radiotherapy, for example for cancer. Skin that had it heals less well."),
    ),
    (
        "health.diabetes",
        N_("I have diabetes"),
        N_("Type 1 or type 2. Wounds can heal more slowly."),
    ),
    (
        "health.bovine_collagen_allergy",
        N_("I am allergic to bovine (cow) collagen"),
        N_(
            "One long-lasting filler contains collagen from cows. Tick this only if a doctor or "
            "a skin test has told you so."
        ),
    ),
    ("health.smoker", N_("I smoke"), N_("Smoking slows healing.")),
)


def health_step() -> None:
    w.number(
        "health.age",
        _("How old are you?"),
        _("Some treatments have age limits."),
        min_value=12,
        max_value=100,
    )
    st.markdown(
        _("Tick anything that applies to you. These answers only change which cautions you see.")
    )
    for path, label, help_text in HEALTH_TICKS:
        w.tick(path, _(label), _(help_text))
    history_questions()


HISTORY_QUESTIONS = (  # (answer, label, help, example), in the order asked
    (
        "history.main_concern",
        N_("What bothers you most about your scars? (in your own words)"),
        N_("What you would most like to change, and why."),
        N_("For example: the deep pits on my cheeks show in photos."),
    ),
    (
        "history.previous_treatments",
        N_("Treatments you have tried for your scars: which, when, and how it went"),
        N_("Creams, peels, needling, laser or anything else. A rough date is fine."),
        N_("For example: 3 microneedling sessions in 2023, a little better."),
    ),
    (
        "history.medications",
        N_(
            "Medicines you take, or took in the last year (names). If you took isotretinoin, "
            "when did you stop?"
        ),
        N_("Tablets, creams and injections all count. The name on the box is enough."),
        N_("For example: isotretinoin, stopped in March."),
    ),
    (
        "history.allergies",
        N_("Allergies (for example to numbing medicine such as lidocaine)"),
        N_("What you are allergic to, and what happened."),
        N_("For example: lidocaine gave me a rash."),
    ),
)


def history_questions() -> None:
    st.markdown(_("#### For your dermatologist (optional)"))
    st.caption(
        _(
            "Write as much or as little as you like. Your summary shows these to your "
            "dermatologist exactly as you typed them. They are kept with your other answers, "
            "in the link and in the saved file."
        )
    )
    for path, label, help_text, example in HISTORY_QUESTIONS:
        w.long_text(path, _(label), _(help_text), max_chars=HISTORY_MAX, placeholder=_(example))


def no_deadline_changed() -> None:
    set_answer(
        "preferences.weeks_available",
        None if st.session_state[WIDGET_PREFIX + "no_deadline"] else DEFAULT_WEEKS,
    )
    st.session_state.pop(WIDGET_PREFIX + "preferences.weeks_available", None)


def priorities_step() -> None:
    currency_choice()
    w.money_input(
        "preferences.budget_usd",
        _("What is your total budget, in {currency}?").format(currency=currency_name()),
        _(
            "For the whole course of treatment. Most of these treatments are cosmetic and "
            "not paid by insurance."
        ),
        highest_usd=100_000,
    )
    conversion_note()
    w.slider(
        "preferences.max_downtime_days",
        _("How many days of visible healing can you take after one session?"),
        _("Downtime: days with redness, scabs or swelling, when you may not want to go out."),
        min_value=0,
        max_value=60,
    )
    w.slider(
        "preferences.max_sessions",
        _("At most how many clinic sessions would you go to?"),
        _("Many treatments need several visits a few weeks apart."),
        min_value=1,
        max_value=30,
    )
    w.choice(  # a list, not a slider: each choice reads in full on a phone
        "preferences.max_invasiveness",
        _("How far would you go?"),
        _("From creams at home to treatments with numbing and small cuts."),
        list(INVASIVENESS_WORDS),
        INVASIVENESS_WORDS.__getitem__,
    )
    w.choice(
        "preferences.pain_tolerance",
        _("How much discomfort can you handle?"),
        _("Most clinics use numbing cream or injections."),
        ["low", "medium", "high"],
        capitalized(PAIN_WORDS),
        horizontal=True,
    )
    w.choice(
        "preferences.goal",
        _("Which result should the comparison aim for?"),
        _(
            "This changes the order of the options: a bigger aim favours options that do more, "
            "with more healing time. No treatment removes ice pick scars completely."
        ),
        ["subtle", "noticeable", "maximal"],
        GOAL_WORDS.__getitem__,
    )
    expectation_questions()
    deadline_question()
    weights_questions()


def expectation_questions() -> None:
    """Asked before the comparison, which says kindly if the hope is more than studies show.
    Neither answer changes the ranking."""
    w.maybe_choice(
        "decision.expected_improvement",
        _("How much change do you hope for?"),
        _(
            "If you hope for more than studies show, the comparison will tell you. This answer "
            "does not change the order of the options."
        ),
        list(HOPE_CHOICES),
        HOPE_CHOICES.__getitem__,
    )
    w.maybe_choice(
        "decision.daily_life_impact",
        _("How much do your scars affect your daily life?"),
        _(
            "For example at school or work, with friends, or in photos. This answer does not "
            "change the order of the options."
        ),
        list(DAILY_LIFE_CHOICES),
        DAILY_LIFE_CHOICES.__getitem__,
        not_sure=_("Rather not say"),
        horizontal=True,
    )


def deadline_question() -> None:
    profile = current_profile()
    key = WIDGET_PREFIX + "no_deadline"
    if key not in st.session_state:
        st.session_state[key] = profile.preferences.weeks_available is None
    st.checkbox(
        _("I have no deadline"),
        key=key,
        on_change=no_deadline_changed,
    )
    st.caption(_("Tick this if it does not matter when you finish."))
    if profile.preferences.weeks_available is not None:
        w.slider(
            "preferences.weeks_available",
            _("Within how many weeks would you like to finish?"),
            _("26 weeks is about 6 months; 52 weeks is a year."),
            min_value=1,
            max_value=260,
        )


def weights_questions() -> None:
    st.markdown(_("#### What matters most to you?"))
    st.caption(
        _(
            "The comparison ranks options by these. You can change them later on the "
            "Compare page and watch the order change."
        )
    )
    for key_name, label in FACTOR_CONTROL_LABELS.items():
        w.scale(
            f"preferences.weights.{key_name}",
            label,
            _("0 means it does not count at all."),
            [0, 1, 2, 3, 4, 5],
            WEIGHT_WORDS.__getitem__,
        )


def move(delta: int) -> None:
    """Another step, opened at its top: on a phone, the page stayed where the Next button was,
    below the new step's first questions (budget and deadline were easy to miss)."""
    st.session_state[STEP] = max(0, min(len(STEPS) - 1, st.session_state.get(STEP, 0) + delta))
    st.session_state[SCROLL_TO_TOP] = True


step = st.session_state.get(STEP, 0)
st.title(_("Your profile"))
show_state_messages()
st.progress(
    (step + 1) / len(STEPS),
    text=_("Step {n} of {total}: {name}").format(n=step + 1, total=len(STEPS), name=STEPS[step]),
)
with st.container(border=True):
    w.shown_texts()  # start afresh: only this step's words
    (scars_step, skin_step, health_step, priorities_step)[step]()
    words_explained(w.shown_texts(), _("Words in these questions"))

if step == len(STEPS) - 1:
    severity = current_recommendation().severity
    with st.container(border=True):
        grade, score, source = severity_lines(severity)
        st.markdown(_("**Your severity estimate.** {grade}").format(grade=grade) + "\n\n" + score)
        st.caption(
            _("{source} A dermatologist will grade your scars in person.").format(source=source)
        )

back, forward = st.columns(2)
back.button(
    _("Back"),
    icon=":material/arrow_back:",
    on_click=move,
    args=(-1,),
    disabled=step == 0,
    width="stretch",
)
if step < len(STEPS) - 1:
    forward.button(
        _("Next"),
        icon=":material/arrow_forward:",
        on_click=move,
        args=(1,),
        type="primary",
        width="stretch",
    )
elif forward.button(
    _("See my comparison"), icon=":material/compare_arrows:", type="primary", width="stretch"
):
    mark_answered()
    go("compare")
footer("profile")

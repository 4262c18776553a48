"""Every prompt key the coach can say, and every placeholder a text may use.

The loader (prompts.py) refuses prompts/*.toml when a key is missing or a text names an
unknown placeholder; the keys come from the dialogue's tables and the flows' own lists.
"""

from __future__ import annotations

from bot import (
    about_coach,
    asking_back,
    crisis_flow,
    dialogue,
    engine,
    examples,
    language,
    own_win,
    plan,
    reflecting,
    stuck,
)

TRAP_NAMES = (
    "all_or_nothing",
    "overgeneralizing",
    "personalizing",
    "catastrophizing",
    "fortune_telling",
    "mind_reading",
    "labeling",
    "should_statements",
    "disqualifying_positive",
)

# Every name a text may use in braces; anything else is a typo that would show raw.
KNOWN_PLACEHOLDERS = frozenset(
    {
        *engine.SUMMARY_TEXTS,
        *(at.value for at in engine.CHOICE_STEPS),
        *plan.PLACEHOLDERS,
        "revisit_at",
        "answer",
        "step",
        "answered",
        "total",
        "zone",
        "suggestion",
        "start",
        "end",
        "turned",
        "number",
        "outcome",
        "resources",
        "emergency",
        "country",
        "concern",
        "path",
        "date",
        "asked",
        "day",
        "first",
        "second",
        "move_day",
        "holiday",
        "gist",
    }
)

# Keys said outside the engine's question table (the engine's own literals, the service's).
STATIC_KEYS = (
    "welcome.intro",
    "start.fresh",
    "start.prompt",
    "start.prompt_again",
    "start.prompt_plainly",
    "start.tell_me",
    "question.default",
    "setback.heard",
    "setback.heard_loss",
    "boundary.heard_hard",
    "boundary.heard_closed",
    "boundary.heard_hard_owed",
    "option.ask_owed",
    "offer.ask_owed",
    "gain.ask_owed",
    "listen.plain",
    "listen.kept_too",
    "revisit.before_move",
    "listen.ack",
    "choice.which",
    *(f"term.{term}" for term in asking_back.TERM_IDS),
    "language.english",
    *(f"language.english_{code}" for code in language.LANGUAGES),
    *(f"language.after_crisis_{code}" for code in language.LANGUAGES),
    "listen.already_said",
    "listen.emoji",
    "listen.stuck_skip",
    "listen.stuck_draft",
    "listen.reused",
    "listen.impatient",
    *(f"about.{topic.value}" for topic in about_coach.Topic),
    "about.privacy_local",
    "listen.venting",
    "listen.objection",
    "listen.still_open",
    "listen.indifferent",
    "listen.hedged",
    "listen.hedged_left",
    "listen.left",
    "said_before.confirm",
    "said_before.confirm_choices",
    "boundary.decide",
    "timing.decide",
    "restart.confirm",
    "restart.kept",
    "revisit.unreadable",
    "revisit.holiday",
    "revisit.past",
    "revisit.set",
    "revisit.which",
    "which_date.ask",
    "which_date.neither",
    "far_date.confirm",
    "summary.choice.share",
    "share.done",
    "share.already",
    "share.failed",
    "share.note",
    "resume.offer",
    "resume.back",
    "empty.reask",
    "input.truncated",
    "input.unreadable",
    "button.stale",
    "button.already",
    "help.text",
    "cancel.done",
    "cancel.nothing",
    "cancel.side_question",
    "cancel.undone",
    "undo_new.done",
    "undo_new.too_far",
    "cancel.too_late",
    "status.cancelled",
    "back.nothing",
    "back.after_check_in",
    "back.to_date",
    "back.showing",
    "back.showing_choice",
    "back.showing_date",
    "back.showing_skipped",
    "back.corrected",
    "back.corrected_choice",
    "back.corrected_date",
    "skip.not_allowed",
    "skip.nothing",
    "status.none",
    "status.finished",
    "status.at",
    "timezone.current",
    "timezone.ask",
    "timezone.set",
    "timezone.unknown",
    "timezone.suggest",
    "timezone.which",
    "quiet.set",
    "quiet.invalid",
    "quiet.current",
    "timezone.kept",
    "timezone.kept_instant",
    "timezone.followed",
    "when.sent",
    "when.moved",
    "forget.confirm",
    "forget.done",
    "forget.kept",
    "quiet.moved",
    "quiet.moved_entry",
    "wins.none",
    "wins.summary",
    "wins.entry",
    "wins.entry_purged",
    "wins.own_entry",
    "wins.own_yes",
    "wins.own_partly",
    "wins.summary_once",
    "wins.summary_no_own",
    "wins.summary_partly",
    *(
        f"wins.one_{turned}_{own}"
        for turned in ("turned", "not")
        for own in ("once", "no_own", "partly")
    ),
    "wins.yes",
    "wins.maybe",
    "wins.no",
    "reminders.none",
    "reminders.header",
    "reminders.entry",
    "reminders.footer",
    "reminders.unfinished",
    "reminders.cancelled",
    "reminders.unknown",
    "export.ready",
    "nudge.ask",
    "nudge.yes",
    "nudge.maybe",
    "nudge.no",
    "nudge.snoozed",
    "nudge.stopped",
    "nudge.rescheduled",
    "nudge.no_date",
    "nudge.unclear",
    "nudge_date.unclear",
    "nudge_date.unsure",
    "error.try_again",
    "error.busy",
    "error.missed",
    "error.dm_only",
    "error.dm_closed",
    "error.files_not_read",
)


def required_keys() -> frozenset[str]:
    """Every prompt key the engine and the service can emit."""
    keys: set[str] = {*STATIC_KEYS, *plan.KEYS, *own_win.KEYS, *crisis_flow.PROMPT_KEYS}
    keys.update(reflecting.KEYS, examples.KEYS, stuck.KEYS)
    keys.update(f"{own_win.STEP}.choice.{choice}" for choice in own_win.CHOICES)
    for at, question in dialogue.QUESTIONS.items():
        keys.add(f"{at.value}.label")
        keys.update(f"{at.value}.{listen}" for listen in dialogue.LISTEN_KEYS)
        keys.update(f"{at.value}.explain_{code}" for code in language.LANGUAGES)
        if not question.reflection:
            keys.add(f"{at.value}.ask")
        if question.choices:
            keys.add(f"{at.value}.reprompt")
            keys.update(f"{at.value}.choice.{choice}" for choice in dialogue.all_choices(at))
    keys.update(
        f"{at.value}.ask_{path.value}" for path, steps in engine.PATH_ASKS.items() for at in steps
    )
    for pending, choices in engine.PENDING_CHOICES.items():
        keys.add(f"{pending.value}.reprompt")
        keys.update(f"{pending.value}.choice.{choice}" for choice in choices)
    keys.update(f"{engine.NUDGE_STEP}.choice.{choice}" for choice in engine.NUDGE_CHOICES)
    keys.update(f"{engine.NUDGE_DATE_STEP}.choice.{choice}" for choice in engine.REVISIT_CHOICES)
    keys.update(f"summary.closing.{name}" for name in engine.CLOSINGS)
    keys.update(f"trap.{trap}" for trap in TRAP_NAMES)
    return frozenset(keys)

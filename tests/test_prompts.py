"""The coach's texts: every key the code can emit exists, placeholders are known, none empty."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest

from bot.domain import Reply
from bot.errors import PromptError
from bot.prompt_keys import required_keys
from bot.prompts import Catalog, format_date, load_catalog
from tests.conftest import PROMPTS, ROOT


@pytest.fixture
def prompts(tmp_path: Path) -> Path:
    """A private copy of the real prompts that a test may break."""
    folder = tmp_path / "prompts"
    shutil.copytree(PROMPTS, folder)
    return folder


def literal_reply_keys() -> set[str]:
    """Every prompt key written as a literal Reply("...") anywhere in bot/."""
    found: set[str] = set()
    for path in (ROOT / "bot").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) in ("Reply", "pending_reply")
                and node.args
            ):
                key_arg = (
                    node.args[1]
                    if getattr(node.func, "id", None) == "pending_reply"
                    else node.args[0]
                )
                if isinstance(key_arg, ast.Constant) and isinstance(key_arg.value, str):
                    found.add(key_arg.value)
    return found


def test_the_real_prompts_load_and_cover_every_key(catalog: Catalog) -> None:
    """Loading the shipped prompts succeeds and every required key is present."""
    assert required_keys() <= catalog.texts.keys()


def test_every_literal_reply_key_in_the_code_is_required() -> None:
    """No Reply("key") in the code escapes the required-key list (so validation covers it)."""
    missing = literal_reply_keys() - required_keys()
    assert not missing, f"keys used in code but not validated: {sorted(missing)}"


def test_a_missing_key_fails_loudly(prompts: Path) -> None:
    """Deleting a text the engine emits is reported by name."""
    path = prompts / "coach.toml"
    path.write_text(
        path.read_text().replace('ask = "What were you hoping', 'asked = "What were you hoping')
    )
    with pytest.raises(PromptError, match=r"'ask\.ask' is missing"):
        load_catalog(prompts)


def test_an_unknown_placeholder_fails_loudly(prompts: Path) -> None:
    """A typo in a placeholder is reported with the key and the name."""
    path = prompts / "commands.toml"
    path.write_text(path.read_text().replace("{turned} of your", "{turnd} of your"))
    with pytest.raises(PromptError, match=r"'wins\.summary' uses unknown placeholder\(s\): turnd"):
        load_catalog(prompts)


def test_an_empty_text_fails_loudly(prompts: Path) -> None:
    """A blank text is reported by key."""
    path = prompts / "coach.toml"
    path.write_text(path.read_text().replace("heard = '''I hear you:", "heard = ''' '''\nx = '''"))
    with pytest.raises(PromptError, match=r"'setback\.heard' is empty"):
        load_catalog(prompts)


def test_every_problem_is_listed_at_once(prompts: Path) -> None:
    """Several problems come back in one error, each named."""
    path = prompts / "commands.toml"
    text = path.read_text().replace("{turned} of your", "{oops} of your", 1)
    path.write_text(text.replace("nothing = \"There's no conversation", 'nothing = ""\nz = "'))
    with pytest.raises(PromptError) as caught:
        load_catalog(prompts)
    assert len(caught.value.problems) == 2


def test_broken_toml_names_the_file(prompts: Path) -> None:
    """A syntax error names the file that has it."""
    (prompts / "traps.toml").write_text("[trap\nbroken")
    with pytest.raises(PromptError, match=r"traps\.toml: not valid TOML"):
        load_catalog(prompts)


def test_lines_with_only_empty_placeholders_are_dropped(catalog: Catalog) -> None:
    """A skipped answer leaves no empty line on the plan card."""
    reply = Reply("plan.card", {"setback": "S", "question": "Q", "calm": ""})
    text = catalog.render(reply, "UTC")
    assert "How you'll stay calm" not in text
    assert "The no: S" in text and "The question you'll ask: Q" in text


def test_user_text_with_braces_is_shown_as_written(catalog: Catalog) -> None:
    """Braces in what the user wrote are never treated as placeholders."""
    reply = Reply("back.showing", {"answer": "{setback} and {{x}}"})
    assert catalog.render(reply, "UTC").endswith('"{setback} and {{x}}"')


def test_dates_show_in_the_users_zone() -> None:
    """A UTC instant is shown as local weekday, day, month and time."""
    assert format_date("2026-12-05T09:00:00+00:00", "Europe/Berlin") == "Saturday 5 December, 10:00"


# Placeholders that hold a number: a noun right after one must come from `{count:noun|nouns}`.
COUNTS = ("answered", "total", "turned", "reached", "number")


def test_one_answer_left_behind_is_said_in_the_singular(catalog: Catalog) -> None:
    """The restart confirmation with one answer says "The 1 answer", and three say "answers"."""
    one = catalog.render(Reply("restart.confirm", {"answered": "1"}), "UTC")
    three = catalog.render(Reply("restart.confirm", {"answered": "3"}), "UTC")
    assert "The 1 answer of this one" in one
    assert "The 3 answers of this one" in three


def test_no_count_is_followed_by_a_fixed_plural(catalog: Catalog) -> None:
    """No text says "{count} nouns" with the noun fixed: every counted noun follows the count."""
    fixed = re.compile(r"\{(" + "|".join(COUNTS) + r")\} (?!of\b)[a-z]+s\b")
    assert [key for key, text in catalog.texts.items() if fixed.search(text)] == []


def test_a_broken_count_spec_fails_loudly(prompts: Path) -> None:
    """A count spec without both forms is reported by key."""
    path = prompts / "coach.toml"
    path.write_text(path.read_text().replace("{answered:answer|answers}", "{answered:answers}"))
    with pytest.raises(PromptError, match=r"'restart\.confirm' has a count spec"):
        load_catalog(prompts)


def test_a_question_of_the_dialogue_table_needs_its_listening_texts(prompts: Path) -> None:
    """A dialogue row needs its explain and gentle texts: loading names a missing one."""
    path = prompts / "coach.toml"
    text = path.read_text()
    start = text.index("[offer]")
    cut = text.index("explain = ", start)
    path.write_text(text[:cut] + "x" + text[cut + len("explain") :])
    with pytest.raises(PromptError, match=r"'offer\.explain' is missing"):
        load_catalog(prompts)

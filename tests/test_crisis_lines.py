"""The crisis lines: complete for every country, chosen by concern, and the country's signals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.crisis_lines import (
    CONCERNS,
    LineBook,
    country_from_locale,
    country_from_zone,
    load_lines,
)
from bot.errors import PromptError

FILE = Path(__file__).resolve().parents[1] / "prompts" / "crisis_resources.toml"
PHONE = re.compile(r"\+?\d[\d -]{1,14}\d")


@pytest.fixture(scope="module")
def book() -> LineBook:
    """The real crisis lines shipped in prompts/."""
    return load_lines(FILE)


def test_every_country_has_a_suicide_line_an_emergency_number_and_no_duplicate(
    book: LineBook,
) -> None:
    """Each country names one emergency number, a suicide line, and no line or number twice."""
    assert len(book.countries) >= 12
    for code, country in book.countries.items():
        assert PHONE.search(country.emergency), code
        assert any("suicide" in line.concerns for line in country.lines), code
        names = [line.name for line in country.lines]
        assert len(names) == len(set(names)), code
        numbers = [n for line in country.lines for n in PHONE.findall(line.call)]
        assert len(numbers) == len(set(numbers)), code
        assert not any("emergency services" in name.lower() for name in names), code


def test_every_line_has_a_source_url(book: LineBook) -> None:
    """Every line, and the directory, carries the URL it was taken from."""
    for country in book.countries.values():
        assert country.source.startswith("https://")
        for line in country.lines:
            assert line.source.startswith("https://"), line.name
    assert book.international.source.startswith("https://")


@pytest.mark.parametrize(
    ("country", "concern", "wanted", "unwanted"),
    [
        ("US", "suicide", "988lifeline.org/chat", "88788"),
        ("US", "danger", "Text START to 88788", "Call 988"),
        ("AU", "suicide", "Text 0477 13 11 14", "1800RESPECT"),
        ("AU", "danger", "Text 0458 737 732", "Lifeline"),
        ("IE", "suicide", "1800 247 247", "Women's Aid"),
        ("IE", "self_harm", "50808", "1800 341 900"),
        ("CA", "suicide", "Text CONNECT to 686868", "Call 911"),
        ("CA", "danger", "1-800-668-6868", "9-8-8"),
        ("GB", "danger", "0808 801 0327", "116 123"),
        ("IN", "suicide", "1-800-891-4416", "181"),
        ("NZ", "suicide", "Text 4357", "Women's Refuge"),
        ("NZ", "suicide", "0800 543 354", "0800 733 843"),
        ("FR", "suicide", "Text 114", "3919"),
        ("DE", "danger", "116 016", "Call 112"),
        ("ES", "suicide", "024", "016"),
        ("BR", "suicide", "188", "180"),
        ("PT", "suicide", "808 24 24 24", "116 006"),
    ],
)
def test_lines_follow_country_and_concern(
    book: LineBook, country: str, concern: str, wanted: str, unwanted: str
) -> None:
    """The lines for a country and concern include the line it needs and not the others."""
    _, lines = book.lines(country, concern)
    shown = "\n".join(lines)
    assert wanted in shown
    assert unwanted not in shown


def test_text_and_chat_come_before_calling(book: LineBook) -> None:
    """Where a line takes texts or chats, that way is shown before its phone number."""
    _, lines = book.lines("AU", "suicide")
    assert lines[0].index("Text 0477") < lines[0].index("Call 13 11 14")


def test_each_reply_has_one_emergency_number(book: LineBook) -> None:
    """The emergency number is given once, apart from the lines, for every concern."""
    for code in book.countries:
        for concern in CONCERNS:
            emergency, lines = book.lines(code, concern)
            assert emergency
            assert not any(line.startswith("- Emergency") for line in lines)


def test_unknown_country_gets_the_international_directory(book: LineBook) -> None:
    """No country, or one without lines, gives the directory and a general emergency note."""
    for country in (None, "ZZ", "JP"):
        emergency, lines = book.lines(country, "suicide")
        assert lines == (book.international.render(),)
        assert "112" in emergency


def test_confidential_states_its_exception(book: LineBook) -> None:
    """Wherever a line is called confidential, the exception for immediate danger is said."""
    rendered = [book.international.render()] + [
        line.render() for country in book.countries.values() for line in country.lines
    ]
    for text in rendered:
        if "confidential" in text.lower():
            assert "except" in text.lower(), text


def test_a_confidential_line_without_its_exception_is_refused(tmp_path: Path) -> None:
    """Loading refuses a line that promises confidentiality with no exception."""
    path = tmp_path / "lines.toml"
    path.write_text(
        '[international]\nname = "D"\ntext = "x"\nsource = "https://d"\nemergency = "112"\n'
        '[country.XX]\nname = "X"\nemergency = "1"\nsource = "https://x"\n'
        '[[country.XX.line]]\nname = "L"\nconcerns = ["suicide"]\ncall = "Call 1"\n'
        'note = "Always confidential."\nsource = "https://l"\n',
        encoding="utf-8",
    )
    with pytest.raises(PromptError, match="confidential"):
        load_lines(path)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('[country.US]\nname = "A"\n', "missing [international]"),
        ('[international]\nname = "A"\nsource = "s"\nemergency = "1"\n', "text or a call"),
        ('[international]\nname = ""\ntext = "t"\nsource = "s"\nemergency = "1"\n', "empty"),
        ("[international\n", "cannot read"),
        (
            '[international]\nname = "A"\ntext = "t"\nsource = "s"\nemergency = "1"\n'
            '[country.us]\nname = "A"\n',
            "country.us",
        ),
    ],
)
def test_a_malformed_file_is_refused(tmp_path: Path, content: str, problem: str) -> None:
    """A broken crisis-lines file raises PromptError naming the problem."""
    path = tmp_path / "lines.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PromptError, match=re.escape(problem)):
        load_lines(path)


@pytest.mark.parametrize(
    ("zone", "country"),
    [
        ("America/Toronto", "CA"),
        ("America/Los_Angeles", "US"),
        ("Europe/London", "GB"),
        ("Europe/Dublin", "IE"),
        ("Australia/Sydney", "AU"),
        ("Pacific/Auckland", "NZ"),
        ("Asia/Kolkata", "IN"),
        ("Europe/Berlin", "DE"),
        ("America/Sao_Paulo", "BR"),
        ("UTC", None),
        (None, None),
    ],
)
def test_the_country_comes_from_the_time_zone(zone: str | None, country: str | None) -> None:
    """An IANA zone names its country (from tzdata's zone.tab); UTC names none."""
    assert country_from_zone(zone) == country


@pytest.mark.parametrize(
    ("locale", "country"),
    [("en_GB.UTF-8", "GB"), ("pt-BR", "BR"), ("de", None), ("C", None), ("en_UK", "GB")],
)
def test_the_country_comes_from_a_locale_with_a_region(locale: str, country: str | None) -> None:
    """A locale with a region names it; a bare language names no country."""
    assert country_from_locale(locale) == country


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("UK", "GB"),
        ("deutschland", "DE"),
        ("España", "ES"),
        ("the usa", "US"),
        ("Brasil", "BR"),
        ("ich bin in Deutschland", "DE"),
        ("je suis en France", "FR"),
        ("from the US", "US"),
        ("my boss in Spain said no", None),
        ("im in", None),
        ("no", None),
        ("Japan", None),
        ("Vereinigtes Königreich", "GB"),
        ("Kanada", "CA"),
        ("estoy en Estados Unidos", "US"),
        ("je suis en Allemagne", "DE"),
    ],
)
def test_a_typed_country_is_recognised(book: LineBook, typed: str, code: str | None) -> None:
    """What people type for their country, alone or after "I'm in", maps to its code, in their
    own language; a sentence that only mentions a country names none."""
    assert book.country_named(typed) == code


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Japan", "JP"),
        ("i live in kenya", "KE"),
        ("russia", "RU"),
        ("méxico", "MX"),
        ("ok", None),
        ("Österreich", "AT"),
        ("ich bin in Österreich", "AT"),
        ("im in austria", "AT"),
        ("Suisse", "CH"),
        ("ich wohne in der Schweiz", "CH"),
        ("Suíça", "CH"),
        ("Japón", "JP"),
        ("je suis en Belgique", "BE"),
    ],
)
def test_a_country_without_lines_is_recognised_while_unknown(
    book: LineBook, typed: str, code: str | None
) -> None:
    """While the country is unknown, any country's name is read (ISO 3166, via pycountry)."""
    assert book.country_named(typed, beyond_the_book=True) == code


def test_each_line_shows_its_hours_where_known(book: LineBook) -> None:
    """A line whose hours are known says them in the reply, after its ways to reach it."""
    known = [line for country in book.countries.values() for line in country.lines if line.hours]
    assert known
    for line in known:
        rendered = line.render()
        assert f"({line.hours})" in rendered
        assert rendered.index(line.hours) > rendered.index(line.text or line.call)
    _, lines = book.lines("US", "suicide")
    assert "(24/7)" in lines[0]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("es", "el de tu país"),
        ("de", "die Nummer deines Landes"),
        ("fr", "le numéro de ton pays"),
        ("pt", "o do seu país"),
    ],
)
def test_the_international_directory_is_given_in_the_persons_language(
    book: LineBook, lang: str, words: str
) -> None:
    """While the country is unknown, the directory and its emergency wording are in the
    person's language, with the exception to confidentiality stated in it too."""
    emergency, (line,) = book.lines(None, "suicide", lang)
    assert words in emergency and "112" in emergency
    assert "your local emergency number" not in emergency
    assert "findahelpline.com" in line
    assert "Support lines" not in line
    assert book.lines(None, "suicide", "en") == book.lines(None, "suicide")


def test_a_translated_directory_with_a_key_missing_is_refused(tmp_path: Path) -> None:
    """A translation of the directory must carry the same keys as the English one."""
    path = tmp_path / "lines.toml"
    path.write_text(
        '[international]\nname = "D"\ntext = "x"\nsource = "https://d"\nemergency = "112"\n'
        '[international.es]\nname = "D"\ntext = "x"\nemergency = "112"\n',
        encoding="utf-8",
    )
    with pytest.raises(PromptError, match=r"international\.es"):
        load_lines(path)


@pytest.mark.parametrize("typed", ["im in the states", "we're in the States", "the US", "u.s.a."])
def test_the_states_in_everyday_words_name_the_united_states(book: LineBook, typed: str) -> None:
    """ "I'm in the States" (found by a fresh user) names the United States, as "usa" does."""
    assert book.country_named(typed) == "US"

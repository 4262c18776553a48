"""The crisis lines in the person's language: the coach's words around each line (text, chat,
call, hours, notes) in es, de, fr, pt, the services' names kept, and the countries offered by
the language the person writes in."""

from __future__ import annotations

import io
import re

import pytest

from bot.adapters.console import ConsoleChat
from bot.crisis_lines import LineBook
from bot.crisis_reply import COUNTRIES_BY_LANGUAGE
from bot.service import CoachService
from tests.conftest import ALICE, say
from tests.test_crisis_flow import press

# The coach's English words around a line; none may be left after the name in another language.
ENGLISH = re.compile(
    r"\b(?:Call|Text|chat at|free|weekdays|see the site|by phone|Confidential|except"
    r"|young people|any crisis|violence|support|helpline|emergency)\b|24/7| or "
)
CRISES = {
    "es": "quiero matarme esta noche",
    "de": "ich will mich heute nacht umbringen",
    "fr": "je veux me tuer ce soir",
    "pt": "quero me matar hoje",
}


@pytest.mark.parametrize("lang", ["es", "de", "fr", "pt"])
def test_every_line_is_worded_in_each_language(lines: LineBook, lang: str) -> None:
    """Every line of every country, in es/de/fr/pt, has no English words of the coach's."""
    for country in lines.countries.values():
        for line in country.lines:
            said = line.render(lang)
            name = line.name.split(" (")[0]
            assert said.startswith(f"- {name}"), said
            assert not ENGLISH.search(said[len(name) + 2 :]), said


def test_english_lines_are_unchanged(lines: LineBook) -> None:
    """In English a line still reads "Text 988, or chat at … · Call 988 (24/7)."."""
    emergency, shown = lines.lines("US", "suicide", "en")
    assert emergency == "911"
    assert shown[0].startswith("- 988 Suicide & Crisis Lifeline: Text 988, or chat at https://")
    assert "· Call 988 (24/7)." in shown[0]


@pytest.mark.parametrize(
    ("lang", "country", "expected"),
    [
        ("es", "ES", ["Llama al 024 (gratis)"]),
        ("es", "US", ["Envía un SMS al 988", "Llama al 988", "Confidencial"]),
        ("de", "DE", ["Ruf 0800 111 0 111 oder 0800 111 0 222 an (kostenlos)", "rund um die Uhr"]),
        ("fr", "FR", ["Appelle le 3114 (gratuit)", "Envoie un SMS au 114", "urgences par SMS"]),
        ("pt", "BR", ["Ligue 188 (gratuito)", "Converse por chat em https://cvv.org.br"]),
        ("pt", "PT", ["SNS 24 (apoio psicológico, opção 4)", "Ligue 808 24 24 24"]),
    ],
)
async def test_the_crisis_reply_words_the_lines_in_the_persons_language(
    service: CoachService, lang: str, country: str, expected: list[str]
) -> None:
    """A crisis in es/de/fr/pt, its country pressed: the lines come in that language, the
    service's name as it is."""
    reply = await service.handle(say(CRISES[lang], zone=None))
    chosen = await service.handle(press(reply.messages[-1], country))
    text = chosen.messages[0].text
    assert all(words in text for words in expected), text
    assert "Call " not in text and "(24/7)" not in text


@pytest.mark.parametrize(
    ("lang", "offered"),
    [
        ("es", ["ES", "MX", "AR", "US", "other"]),
        ("de", ["DE", "AT", "CH", "other"]),
        ("fr", ["FR", "BE", "CH", "CA", "other"]),
        ("pt", ["BR", "PT", "other"]),
    ],
)
async def test_the_country_question_offers_the_countries_of_the_language(
    service: CoachService, lines: LineBook, lang: str, offered: list[str]
) -> None:
    """Asked once, the country question offers the countries that fit the person's language
    (Portugal and Brazil in Portuguese), each with lines, plus "other"."""
    reply = await service.handle(say(CRISES[lang], zone=None))
    assert [button.id for button in reply.messages[-1].buttons] == offered
    assert all(code in lines.countries for code in offered[:-1])


def test_every_country_list_fits_the_platforms(lines: LineBook) -> None:
    """Each list has lines for every country in it and fits Slack's and Discord's 25 buttons."""
    for offered in COUNTRIES_BY_LANGUAGE.values():
        assert len(offered) <= 25 and offered[-1] == "other"
        assert all(code in lines.countries for code in offered[:-1])


async def test_a_typed_number_picks_the_country_the_language_offered(
    service: CoachService,
) -> None:
    """In Portuguese, "2" at the country question is Portugal, whose lines are then shown."""
    await service.handle(say(CRISES["pt"], zone=None))
    chosen = await service.handle(say("2"))
    assert "SNS 24" in chosen.messages[0].text


async def test_in_the_terminal_numbers_pick_what_the_screen_shows(service: CoachService) -> None:
    """After a crisis reply the terminal numbers both lists on: "1" shows the lines again, and
    the number shown beside a country picks that country."""
    reply = await service.handle(say(CRISES["de"], zone=None))
    chat = ConsoleChat(service, ALICE, stdin=io.StringIO(), stdout=io.StringIO(), interactive=False)
    chat.show(reply.messages)
    assert chat.to_inbound("1").choice == "lines"
    chat.show(reply.messages)
    assert chat.to_inbound("3").choice == "DE"


@pytest.mark.parametrize(
    ("lang", "zone", "line"),
    [
        ("de", "Europe/Vienna", "142"),
        ("de", "Europe/Zurich", "143"),
        ("fr", "Europe/Brussels", "0800 32 123"),
        ("es", "America/Mexico_City", "800 911 2000"),
        ("es", "America/Argentina/Buenos_Aires", "135"),
    ],
)
async def test_a_country_of_the_language_gets_its_own_lines_by_its_time_zone(
    service: CoachService, lang: str, zone: str, line: str
) -> None:
    """Austria, Switzerland, Belgium, Mexico and Argentina, told by the person's time zone, get
    their own suicide line in the person's language, not the international directory."""
    reply = await service.handle(say(CRISES[lang], zone=zone))
    text = "\n".join(message.text for message in reply.messages)
    assert line in text and "findahelpline" not in text
    assert "Call " not in text

"""The safety flow in the person's language: Spanish, German, French and Portuguese."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import language
from bot.errors import PromptError
from bot.prompts import TRANSLATED, load_catalog, placeholders, translated_file
from bot.service import CoachService
from tests.conftest import PROMPTS, say
from tests.test_crisis_flow import press

# Per language: a clear crisis, a possible risk, phrases of the crisis reply (automated coach,
# nobody reads it, no help sent, the hope line), the direct question, its buttons as shown,
# and typed answers that mean yes, no and not sure.
LANGUAGES = {
    "es": (
        "nah, tengo las pastillas de mi abuela guardadas, hoy a la noche",
        "ya no puedo más con esto",
        (
            "Soy un coach automático",
            "ninguna persona lee este chat",
            "ni enviarte ayuda",
            "puede aliviarse con apoyo",
        ),
        "¿estás pensando en quitarte la vida?",
        ("Sí", "No", "No sé"),
        ("sí", "no", "no sé"),
        "¿En qué país estás?",
    ),
    "de": (
        "Ich habe die Tabletten schon, heute Nacht mache ich es",
        "ich kann nicht mehr",
        (
            "Ich bin ein automatischer Coach",
            "Kein Mensch liest diesen Chat",
            "keine Hilfe schicken",
            "mit Unterstützung leichter werden",
        ),
        "Denkst du daran, dir das Leben zu nehmen?",
        ("Ja", "Nein", "Weiß nicht"),
        ("ja", "nein", "weiß nicht"),
        "In welchem Land bist du?",
    ),
    "fr": (
        "je vais me tuer ce soir, j'ai les cachets",
        "je n'en peux plus",
        (
            "Je suis un coach automatique",
            "personne ne lit ce chat",
            "ni envoyer d'aide",
            "peuvent s'apaiser avec du soutien",
        ),
        "est-ce que tu penses à mettre fin à ta vie ?",
        ("Oui", "Non", "Je ne sais pas"),
        ("oui", "non", "je ne sais pas"),
        "Dans quel pays es-tu ?",
    ),
    "pt": (
        "vou me matar hoje à noite, já tenho os remédios",
        "não aguento mais",
        (
            "Sou um coach automático",
            "nenhuma pessoa lê este chat",
            "nem mandar ajuda",
            "podem ficar mais leves com apoio",
        ),
        "você está pensando em tirar a própria vida?",
        ("Sim", "Não", "Não sei"),
        ("sim", "não", "não sei"),
        "Em que país você está?",
    ),
}
CODES = sorted(LANGUAGES)


@pytest.mark.parametrize("code", CODES)
async def test_a_crisis_in_a_language_is_answered_in_it(service: CoachService, code: str) -> None:
    """A clear crisis written in a language gets the crisis reply and the country question in
    that language, saying it is an automated coach, with the line of hope, and the lines."""
    crisis, _, phrases, _, _, _, country = LANGUAGES[code]
    reply = await service.handle(say(crisis))
    text = reply.messages[0].text
    for phrase in phrases:
        assert phrase in text
    assert "automated coach" not in text
    assert "findahelpline.com" in text
    # The international directory and the emergency wording are in the language too.
    assert "your local emergency number" not in text
    assert "Find a free line" not in text
    assert reply.messages[-1].text.startswith(country)


@pytest.mark.parametrize("code", CODES)
async def test_the_direct_question_is_asked_in_the_language(
    service: CoachService, code: str
) -> None:
    """A possible risk in a language gets the direct question, and its buttons, in it."""
    _, possible, _, question, labels, _, _ = LANGUAGES[code]
    reply = await service.handle(say(possible))
    asked = reply.messages[-1]
    assert question in asked.text
    assert tuple(button.label for button in asked.buttons) == labels
    assert tuple(button.id for button in asked.buttons) == ("yes", "no", "unsure")


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("answer", [0, 2])
async def test_a_typed_yes_or_not_sure_in_the_language_gets_the_crisis_reply_in_it(
    service: CoachService, code: str, answer: int
) -> None:
    """Typing yes or not sure in the language ("sí", "weiß nicht") gets the crisis reply in it."""
    _, possible, phrases, _, _, typed, _ = LANGUAGES[code]
    await service.handle(say(possible))
    reply = await service.handle(say(typed[answer]))
    assert phrases[0] in reply.messages[0].text


@pytest.mark.parametrize("code", CODES)
async def test_a_typed_no_in_the_language_is_thanked_in_it_and_coaching_goes_on(
    service: CoachService, catalog_texts: dict[str, str], code: str
) -> None:
    """Typing no in the language ("nein", "não") is thanked in it and the reframe goes on."""
    _, possible, _, _, _, typed, _ = LANGUAGES[code]
    await service.handle(say(possible))
    reply = await service.handle(say(typed[1]))
    assert reply.messages[0].text == catalog_texts[f"risk.no_{code}"]
    assert reply.messages[0].buttons == ()


@pytest.mark.parametrize("code", CODES)
async def test_the_buttons_in_the_language_work(
    service: CoachService, catalog_texts: dict[str, str], code: str
) -> None:
    """Pressing the direct question's "yes" gets the crisis reply; its "stop" button, in the
    language, ends with the lines once more in the language."""
    _, possible, phrases, _, _, _, _ = LANGUAGES[code]
    asked = (await service.handle(say(possible))).messages[-1]
    crisis = await service.handle(press(asked, "yes"))
    assert phrases[0] in crisis.messages[0].text
    stop = await service.handle(press(crisis.messages[0], "stop"))
    assert "findahelpline.com" in stop.messages[0].text
    opening = catalog_texts[f"crisis.stop_{code}"].split("{emergency}")[0]
    assert stop.messages[0].text.startswith(opening)


async def test_the_flow_follows_a_switch_of_language(service: CoachService) -> None:
    """After a crisis reply in Spanish, a message in German is answered in German, and a
    message in no telling language keeps the last one."""
    await service.handle(say("tengo las pastillas guardadas, hoy a la noche me mato"))
    danger = await service.handle(say("ich habe die Tabletten hier"))
    assert danger.messages[0].text.startswith("Bitte ruf jetzt den Notruf an")
    check = await service.handle(say("hmm"))
    assert check.messages[0].text.startswith("Ich bin ein automatischer Coach")
    safe = await service.handle(say("ich bin in Sicherheit"))
    assert safe.messages[0].text.startswith("Danke, dass du es mir sagst.")


async def test_english_stays_english(service: CoachService) -> None:
    """A crisis in English, and "no" or "ok" after it, are answered in English."""
    reply = await service.handle(say("I'm going to kill myself tonight, I have the pills"))
    assert "I'm an automated coach" in reply.messages[0].text
    again = await service.handle(say("ok"))
    assert again.messages[0].text.startswith("I'm an automated coach")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("me quiero matar", "es"),
        ("ich will sterben", "de"),
        ("je veux mourir", "fr"),
        ("quero morrer", "pt"),
        ("I want to die", "en"),
        ("im safe now", "en"),
        ("si", "es"),
        ("ok", None),
        ("no", None),
        ("j'ai avalé toute la boîte de somnifères", "fr"),
        ("engoli a caixa toda de remédios", "pt"),
        ("me tomé el frasco entero", "es"),
        ("hab gerade alles geschluckt", "de"),
        ("ça va mieux, on peut reprendre ?", "fr"),
        ("ok on reprend", "fr"),
        ("hold on", None),
        ("je me fais du mal", "fr"),
        ("il me frappe", "fr"),
        ("to me cortando de novo, nao consigo parar", "pt"),
        ("ele me bate", "pt"),
        ("me volví a cortar", "es"),
        ("me quiero matar", "es"),
        ("he hits me", "en"),
        ("ça se passe comment si j'appelle ? c'est gratuit ?", "fr"),
        ("¿qué pasa si llamo? ¿es gratis?", "es"),
        ("a veces pienso que sería mejor no despertar", "es"),
        ("a veces creo que seria mejor dormir y ya", "es"),
        ("manchmal denke ich, es wäre besser, nicht aufzuwachen", "de"),
        ("parfois je pense que ce serait mieux de ne pas me réveiller", "fr"),
        ("às vezes acho que seria melhor não acordar", "pt"),
        ("sometimes i think it would be better not to wake up", "en"),
    ],
)
def test_the_language_of_a_short_message(text: str, code: str | None) -> None:
    """Even a short message in distress tells its language; words of every language, none."""
    assert language.spoken(text) == code


@pytest.fixture
def catalog_texts() -> dict[str, str]:
    """The shipped texts by key."""
    return dict(load_catalog(PROMPTS).texts)


@pytest.mark.parametrize("code", language.LANGUAGES)
def test_every_language_has_every_safety_text_with_the_same_placeholders(code: str) -> None:
    """Each translation of safety.toml has its every key, with the same placeholders."""
    texts = load_catalog(PROMPTS).texts
    english = [key for key in texts if key.rsplit("_", 1)[-1] not in language.LANGUAGES]
    safety = {
        key for key in english if key.split(".")[0] in ("crisis", "risk", "risk_check", "country")
    }
    assert safety
    for key in safety:
        assert sorted(placeholders(texts[language.keyed(key, code)])) == sorted(
            placeholders(texts[key])
        )


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            "llama al número de emergencias: {emergency}.\nPersonas",
            "llama.\nPersonas",
            r"safety_es\.toml: 'crisis\.danger' has other placeholders",
        ),
        ('unsure = "No sé"', "", r"safety_es\.toml: 'risk_check\.choice\.unsure' is missing"),
        (
            'other = "En otro país"',
            'other = "En otro país"\nJP = "Japón"',
            r"'country\.choice\.JP' is not in safety\.toml",
        ),
    ],
)
def test_a_translation_unlike_the_original_is_refused_on_load(
    tmp_path: Path, old: str, new: str, problem: str
) -> None:
    """A translated key missing, extra, or with other placeholders stops the load."""
    folder = tmp_path / "prompts"
    shutil.copytree(PROMPTS, folder)
    path = folder / translated_file("es")
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    with pytest.raises(PromptError, match=problem):
        load_catalog(folder)
    assert TRANSLATED == "safety.toml"


async def test_opening_the_chat_inside_the_flow_greets_in_its_language(
    service: CoachService,
) -> None:
    """Coming back to the chat after a crisis reply in French, the check is in French."""
    await service.handle(say("je vais me tuer ce soir, j'ai les cachets"))
    greeting = await service.greet(say("").user)
    assert greeting.messages[0].text.startswith("Je suis un coach automatique")
    assert "Est-ce que tu es en sécurité en ce moment ?" in greeting.messages[0].text


# Per language: "I'm fine" bare, after a crisis that named means and a time.
FINE = {"es": "estoy bien", "de": "mir geht es gut", "fr": "je vais bien", "pt": "estou bem"}


def example(text: str) -> str:
    """The words a text offers as an example of saying one is safe (in quotes)."""
    for opening, closing in (('"', '"'), ("« ", " »")):
        if opening in text:
            return text.split(opening, 1)[1].split(closing, 1)[0]
    raise AssertionError(text)


@pytest.mark.parametrize("code", CODES)
async def test_the_example_of_being_safe_is_read_as_safe_in_each_language(
    service: CoachService, catalog_texts: dict[str, str], code: str
) -> None:
    """A bare "I'm fine" after the means and a time is asked about once more in the language,
    and typing the example that text gives leads back, with the safe reply in the language."""
    crisis = LANGUAGES[code][0]
    await service.handle(say(crisis))
    asked = await service.handle(say(FINE[code]))
    make_sure = catalog_texts[f"crisis.make_sure_{code}"]
    assert asked.messages[0].text.startswith(make_sure.split("{emergency}")[0])
    back = await service.handle(say(example(make_sure)))
    assert back.messages[0].text == catalog_texts[f"crisis.safe_{code}"]


@pytest.mark.parametrize("code", CODES)
async def test_the_example_in_the_check_is_read_as_safe(
    service: CoachService, catalog_texts: dict[str, str], code: str
) -> None:
    """After a crisis that named no means nor time, the check's own example of being safe,
    typed, is read as safe."""
    _, possible, _, _, _, typed, _ = LANGUAGES[code]
    await service.handle(say(possible))
    await service.handle(say(typed[0]))
    checked = await service.handle(say("..."))
    check = catalog_texts[f"crisis.check_{code}"]
    assert checked.messages[0].text.startswith(check.split("{emergency}")[0])
    back = await service.handle(say(example(check)))
    assert back.messages[0].text == catalog_texts[f"crisis.safe_{code}"]

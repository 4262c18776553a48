"""Partner violence in plain words beyond English: slapped, or afraid of him or of going home."""

from __future__ import annotations

import pytest

from bot.safety import Concern, Screening, Tier, screen

DANGER = Screening(Tier.CRISIS, Concern.DANGER)


@pytest.mark.parametrize(
    "text",
    [
        "cuando insistí me dio una bofetada",
        "mi novio me abofeteó anoche",
        "hat mir eine Ohrfeige gegeben, als ich nachgefragt hab",
        "quand j'ai insisté il m'a giflée",
        "il m'a mis une claque devant les enfants",
        "ele me deu um tapa quando eu insisti",
        "o meu marido deu-me uma chapada",
    ],
)
def test_being_slapped_is_danger_in_every_language(text: str) -> None:
    """A slap from someone, said in Spanish, German, French or Portuguese, gets the danger reply."""
    assert screen(text) == DANGER


@pytest.mark.parametrize(
    "text",
    [
        "tengo miedo de él",
        "me da miedo volver a casa",
        "ich hab Angst vor ihm",
        "ich habe so angst nach hause zu gehen",
        "j'ai peur de lui",
        "j'ai tellement peur de rentrer chez moi",
        "tenho medo dele",
        "to com medo de voltar pra casa",
    ],
)
def test_fear_of_him_or_of_going_home_is_danger(text: str) -> None:
    """Fear of a person or of going home, as "I'm scared of him" is read in English."""
    assert screen(text) == DANGER


@pytest.mark.parametrize(
    "text",
    [
        "la respuesta del banco fue una bofetada",
        "die absage war eine ohrfeige für mich",
        "cette réponse, quelle claque",
        "levei um tapa na cara do mercado",
        "j'ai peur de rater l'entretien",
        "tenho medo de perder o emprego",
        "ich habe angst vor dem gespräch mit dem chef",
        "me da miedo pedir el aumento otra vez",
    ],
)
def test_a_slap_as_a_figure_of_speech_or_an_ordinary_fear_is_not_danger(text: str) -> None:
    """A rejection called a slap in the face, or fear of an interview, is no danger."""
    assert screen(text) is None

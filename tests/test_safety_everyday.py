"""Crisis screening of risk said in everyday words, euphemisms, relapse and danger, by kind."""

from __future__ import annotations

import pytest

from bot.safety import Concern, Screening, Tier, screen


@pytest.mark.parametrize(
    "text",
    [
        "honestly i don't care what happens to me anymore",
        "me da igual lo que me pase, de verdad",
        "mir ist egal, was mit mir passiert",
        "je m'en fiche de ce qui m'arrive maintenant",
        "tanto faz o que acontece comigo",
        "lately i think about death a lot",
        "ultimamente pienso mucho en la muerte",
        "ich denke oft an den Tod",
        "je pense souvent à la mort",
        "penso muito na morte esses dias",
    ],
)
def test_indifference_to_ones_fate_and_thoughts_of_death_are_asked_about(text: str) -> None:
    """Not caring what happens to oneself, or thinking of death, gets the direct question."""
    assert screen(text) == Screening(Tier.POSSIBLE, Concern.SUICIDE)


@pytest.mark.parametrize(
    "text",
    [
        "i'm holding a razor right now",
        "tengo una navaja en la mano ahora",
        "ich halte gerade die Klinge",
        "j'ai une lame dans la main là",
        "to com a gilete na mão agora",
        "relapsed yesterday, cut my leg",
        "me volví a cortar anoche",
        "voltei a me cortar ontem",
    ],
)
def test_a_blade_in_hand_or_self_harm_begun_again_is_a_crisis(text: str) -> None:
    """A blade in hand now, or cutting again after a pause, gets the self-harm crisis reply."""
    assert screen(text) == Screening(Tier.CRISIS, Concern.SELF_HARM)


@pytest.mark.parametrize(
    "text",
    [
        "my ex was outside my flat again last night",
        "mi ex me está siguiendo desde el trabajo",
        "mein Ex steht schon wieder vor meiner Tür",
        "mon ex me suit depuis le métro",
        "meu ex tá me seguindo de novo",
        "si lo dejo me mata, eso me dijo",
        "tenho medo, ele vai me bater quando chegar",
    ],
)
def test_an_ex_at_the_door_or_a_reported_threat_is_danger(text: str) -> None:
    """An ex following or at the door, a threat if one leaves: the danger crisis reply."""
    assert screen(text) == Screening(Tier.CRISIS, Concern.DANGER)


@pytest.mark.parametrize(
    "text",
    [
        "tonight i take all the pills",
        "ce soir je prends tous les cachets",
        "hoje tomo todos os remédios de uma vez",
        "heute Nacht mach ich Schluss, für immer",
        "estou a pensar em pôr fim à minha vida",
        "i'm checking out for good this weekend",
    ],
)
def test_a_method_or_an_ending_with_a_time_is_a_crisis(text: str) -> None:
    """Every pill taken, an ending said with a time or 'for good': the crisis reply."""
    assert screen(text) == Screening(Tier.CRISIS, Concern.SUICIDE)


@pytest.mark.parametrize(
    "text",
    [
        "ich mach Schluss mit ihm, er lügt nur",
        "my manager is going to kill me when she sees this bug",
        "i'm checking out of the hotel at noon",
        "me da igual lo que pase con el proyecto",
    ],
)
def test_the_same_words_about_ordinary_things_pass(text: str) -> None:
    """A break-up, a manager's anger, a hotel, a project: nothing flagged."""
    assert screen(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "it'll all be over by tomorrow",
        "you wont have to deal with me much longer",
        "bald ist alles vorbei",
        "logo tudo vai acabar",
    ],
)
def test_finality_said_of_oneself_with_a_time_is_asked_about(text: str) -> None:
    """ "It'll all be over by tomorrow" and its kin in other languages get at least the question."""
    assert screen(text) is not None


@pytest.mark.parametrize(
    "text", ["the exam will be over by tomorrow", "the process sucks but it'll be over soon"]
)
def test_an_ordinary_thing_being_over_soon_passes(text: str) -> None:
    """A named thing ending soon, or "it'll be over" without "all", is no risk."""
    assert screen(text) is None

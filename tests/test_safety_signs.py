"""Crisis signs by kind, said in new words: a weapon at the door, fresh marks, a last message,
the means when nobody is home, thoughts come back, and what earlier messages change."""

from __future__ import annotations

import pytest

from bot.safety import Concern, Screening, Tier, screen

CRISIS = Screening(Tier.CRISIS, Concern.SUICIDE)
POSSIBLE = Screening(Tier.POSSIBLE, Concern.SUICIDE)


@pytest.mark.parametrize(
    "text",
    [
        "he's at the front door with a knife shouting",
        "mi ex está afuera con una navaja gritando",
        "sie steht draußen mit einem Messer und droht",
        "il est devant la porte avec un couteau et il menace",
        "ele está na porta com uma arma gritando",
    ],
)
def test_someone_with_a_weapon_at_the_door_is_danger(text: str) -> None:
    """Someone with a weapon at the door or shouting is danger from someone else."""
    assert screen(text) == Screening(Tier.CRISIS, Concern.DANGER)


@pytest.mark.parametrize(
    "text",
    [
        "two new ones on my arm last night",
        "fresh cuts on my wrist this morning",
        "marcas nuevas en la pierna otra vez",
        "cortes novos na coxa de novo",
    ],
)
def test_fresh_marks_on_ones_body_are_self_harm(text: str) -> None:
    """New cuts or marks on one's own body are current self-harm."""
    assert screen(text) == Screening(Tier.CRISIS, Concern.SELF_HARM)


@pytest.mark.parametrize(
    "text",
    [
        "babe if you ever read this, i'm sorry, it's not your fault",
        "si algún día lees esto, perdóname",
        "wenn du das irgendwann liest, verzeih mir",
        "si un jour tu lis ce message, je t'aime",
        "se algum dia você ler isso, me perdoa",
    ],
)
def test_a_last_message_to_someone_loved_is_a_crisis(text: str) -> None:
    """A message to be read after one is gone, with love or sorry, gets the crisis reply."""
    assert screen(text) == CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "bought the rope. next week nobody's home",
        "ya tengo la soga, nadie va a estar en casa",
        "j'ai les cachets, personne ne sera à la maison",
    ],
)
def test_the_means_and_a_time_nobody_is_home_is_a_crisis(text: str) -> None:
    """The means, and a time when nobody will be there, is a plan."""
    assert screen(text) == CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "the dark thoughts are back",
        "die Gedanken sind zurück",
        "not sure what the point is anymore",
        "this is never gonna stop hurting is it",
    ],
)
def test_thoughts_come_back_and_no_point_are_asked_about(text: str) -> None:
    """Thoughts come back, no point, a pain that never stops: the direct question."""
    assert screen(text) == POSSIBLE


@pytest.mark.parametrize(
    ("context", "text", "expected"),
    [
        (["i overdosed when i was 19"], "the urges are back, stronger", CRISIS),
        (["which is the highest bridge around here"], "i'm going up there tonight", CRISIS),
        (["a veces pienso que sería mejor no estar"], "sí, lo digo en serio", CRISIS),
        (["je me dis que ce serait mieux si j'étais plus là"], "oui, c'est sérieux", CRISIS),
        (["i'm a burden to everyone honestly"], "lol ignore that. what's next", POSSIBLE),
        (["seria melhor se eu sumisse"], "tá, esquece. e o aumento?", POSSIBLE),
    ],
)
def test_earlier_messages_change_what_the_new_one_means(
    context: list[str], text: str, expected: Screening
) -> None:
    """After a risk: thoughts back or a yes meant is a crisis, a brush-off is still asked."""
    assert screen(text, context) == expected


def test_a_height_asked_about_then_an_ordinary_trip_up_passes() -> None:
    """Going somewhere without an earlier height or risk is not read as a plan."""
    assert screen("i'm going up there after lunch", ["the new office is on the 5th floor"]) is None


@pytest.mark.parametrize(
    "text",
    [
        "picked up more sleeping pills, that should be enough",
        "tengo suficientes pastillas para no despertar",
        "j'ai acheté de la mort aux rats, je vais l'avaler",
        "ich habe Gift gekauft und werde es trinken",
        "escrevi uma carta pra minha mãe explicando por que",
    ],
)
def test_means_got_poison_and_a_letter_explaining_why_are_a_crisis(text: str) -> None:
    """The means got and 'enough', poison to be taken, a letter explaining why: a crisis."""
    assert screen(text) == CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "the pills should last the whole trip, enough for two weeks",
        "leaving for good next month, got a job in Lisbon",
        "ich gehe für immer nach Wien, neue Stelle",
    ],
)
def test_enough_medicine_for_a_trip_and_leaving_for_a_new_job_pass(text: str) -> None:
    """Enough medicine for a stretch of time, or leaving for good for a job, is not a risk."""
    assert screen(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "called my dad in case i never see him again",
        "no encuentro sentido a vivir",
        "keinen Sinn mehr weiterzuleben",
    ],
)
def test_a_goodbye_in_case_and_no_sense_in_living_are_asked_about(text: str) -> None:
    """'In case I never see him again' or no sense in living gets the direct question."""
    assert screen(text) == POSSIBLE


@pytest.mark.parametrize(
    ("text", "concern"),
    [
        ("i keep a blade by my bed now", Concern.SELF_HARM),
        ("took about 25 advil a little while ago", Concern.SUICIDE),
        ("me tomé toda la caja de pastillas", Concern.SUICIDE),
        ("sorry everybody. goodbye", Concern.SUICIDE),
        ("ich stehe jetzt auf der Brücke", Concern.SUICIDE),
    ],
)
def test_a_blade_at_hand_a_number_of_pills_a_goodbye_and_a_height_are_a_crisis(
    text: str, concern: Concern
) -> None:
    """A blade kept at hand, many pills taken, a goodbye to all, a height now: a crisis."""
    assert screen(text) == Screening(Tier.CRISIS, concern)


@pytest.mark.parametrize(
    "text",
    ["the knife is back in the drawer", "sorry everyone, bye for now", "took 45 minutes to reply"],
)
def test_a_knife_in_a_drawer_and_a_goodbye_for_now_pass(text: str) -> None:
    """A knife where it belongs, a goodbye for now, a number of minutes: not a risk."""
    assert screen(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "the emails go out friday, by then i will be gone",
        "which painkiller is most lethal in a big dose",
        "what's a fatal amount of sleeping pills",
    ],
)
def test_gone_by_then_and_a_lethal_dose_searched_are_a_crisis(text: str) -> None:
    """Gone by the time messages arrive, or a lethal dose searched: the crisis reply."""
    assert screen(text) == CRISIS


@pytest.mark.parametrize(
    "text", ["by then i'll be gone for the weekend", "lethal dose of coffee today lol"]
)
def test_gone_for_a_weekend_and_a_lethal_dose_of_coffee_pass(text: str) -> None:
    """Away for a weekend, or a joke about coffee, is not a risk."""
    assert screen(text) is None

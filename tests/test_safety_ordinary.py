"""Ordinary life that shares a crisis's words passes screening, in all five languages."""

from __future__ import annotations

import pytest

from bot.safety import Concern, Screening, Tier, screen


@pytest.mark.parametrize(
    "text",
    [
        "i take all my meds every morning",
        "I take all my pills with lunch like the doctor said",
        "forgot my thyroid tablets again, ugh, and the standup ran long",
        "tomo todas mis pastillas por la mañana antes del trabajo",
        "se me olvidaron las pastillas y tenía reunión con el jefe",
        "ich nehme alle meine Tabletten morgens, dann geht's zur Arbeit",
        "je prends tous mes comprimés le matin avec le café",
        "tomo todos os remédios de manhã antes de sair pro trabalho",
    ],
)
def test_medicine_in_ordinary_life_passes(text: str) -> None:
    """Medication taken as a routine, forgotten or prescribed is not read as a risk."""
    assert screen(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "like i just said",
        "like i said, the answer was no",
        "as i mentioned, she won't budge",
        "como dije, no hay presupuesto",
        "wie schon gesagt, kein Budget",
        "comme je l'ai dit, pas de budget",
        "como eu já disse, sem orçamento",
    ],
)
def test_saying_it_again_passes(text: str) -> None:
    """Pointing back at what one said before is not read as a risk."""
    assert screen(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "I'm dying to get this sorted",
        "im dying to find out what they decide",
        "i'm dead, my boss just called me by my sister's name",
        "my laptop is dying and the report is due",
        "i'll die on this hill: four days a week or nothing",
        "he says I'm dead to him since I took the offer",
        "I was so nervous I thought I was going to die in that interview",
        "been overdosing on energy drinks all week to finish this",
        "me muero de vergüenza jaja, le mandé el correo al jefe equivocado",
        "me quiero morir de la vergüenza, me equivoqué de nombre",
        "stuck in a dead end job and the transfer was refused",
        "over my dead body will I sign that",
        "dieses Meeting bringt mich noch um",
        "je suis mort de rire, mon chef a envoyé le mauvais fichier",
        "tô morrendo de rir, meu chefe mandou o arquivo errado",
    ],
)
def test_idioms_of_dying_and_killing_pass(text: str) -> None:
    """Dying to, dead to someone, a dying phone and hyperbole are idioms, not a risk."""
    assert screen(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "i'm done with this project",
        "I can't do this job anymore, time to look elsewhere",
        "ya no puedo con este proyecto",
        "ich kann diesen Job nicht mehr",
        "j'en peux plus de ce projet",
        "não aguento mais esse projeto",
        "não aguento mais o meu gerente",
    ],
)
def test_being_done_with_a_thing_passes(text: str) -> None:
    """Being done with or unable to bear a job, a project or a person is a setback."""
    assert screen(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "não sou suicida, só estou irritada com o chefe",
        "n tô pensando em me matar, relaxa, é só o trabalho",
        "not suicidal, just really stressed about the review",
    ],
)
def test_a_denial_opening_the_message_is_read(text: str) -> None:
    """A denial as the message's first word, with a reassurance, is not a risk."""
    assert screen(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "vc n entende, eu quero acabar com a minha vida",
        "you don't get it, i want to die",
    ],
)
def test_someone_elses_no_is_not_a_denial(text: str) -> None:
    """'You don't understand', then a wish to die: the crisis reply, not a denial."""
    assert screen(text) == Screening(Tier.CRISIS, Concern.SUICIDE)


@pytest.mark.parametrize(
    "text",
    [
        "left a goodbye note for my flatmates, i move out tomorrow",
        "said my goodbyes to everyone at work, last day friday",
        "le escribí una despedida a mis compañeros, el viernes me voy de la empresa",
        "escrevi uma carta de despedida pros colegas, último dia amanhã",
    ],
)
def test_ordinary_goodbyes_pass(text: str) -> None:
    """A goodbye to housemates or colleagues when leaving is not a suicide goodbye."""
    assert screen(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "i took all my pills at once this morning",
        "i've been saving my tablets every day for this",
        "tomé todas las pastillas de una vez",
    ],
)
def test_medicine_with_a_hoard_or_all_at_once_is_still_a_crisis(text: str) -> None:
    """Medicine set aside as ordinary never hides a hoard or an overdose."""
    assert screen(text) == Screening(Tier.CRISIS, Concern.SUICIDE)

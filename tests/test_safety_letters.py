"""Crisis screening by kind: a letter written or left for when one is gone, and things given
away as no longer needed, in the five languages; and the ordinary letters and gifts that share
their words (a cover letter, a note to the roommate, an old bike given away since a car came)."""

from __future__ import annotations

import pytest

from bot.safety import Tier, screen


@pytest.mark.parametrize(
    "text",
    [
        "left notes for the kids on the kitchen table, they'll understand when they're older",
        "i've written a letter to my husband for when i'm gone",
        "finally wrote everyone a letter. they'll understand after",
        "ya dejé escrita una carta para mis hijos, para cuando ya no esté",
        "le escribí una carta a mi mamá para que la lea después",
        "ich hab meiner mutter einen brief geschrieben, für wenn ich nicht mehr da bin",
        "hab einen brief an meine eltern geschrieben, für danach",
        "j'ai écrit une lettre à ma sœur pour quand je ne serai plus là",
        "deixei um bilhete pro meu pai ler depois",
        "gave my gaming pc to my cousin, won't be needing it",
        "i'm giving all my stuff away this week, i won't need any of it",
        "meine bücher hab ich verschenkt, die brauch ich nicht mehr",
        "j'ai donné mon chat à une amie, je n'en aurai plus besoin",
        "dei meu violão pro meu irmão, não vou precisar mais",
        "ya regalé mis cosas, no las voy a necesitar",
    ],
)
def test_letters_for_after_and_things_given_away_are_a_crisis(text: str) -> None:
    """A letter for when one is gone, or things given away as no longer needed: crisis reply."""
    found = screen(text)
    assert found is not None and found.tier is Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "j'ai laissé une lettre pour mes parents",
        "left a letter for my mum on her pillow",
    ],
)
def test_a_letter_left_for_someone_close_is_asked_about(text: str) -> None:
    """A letter left for someone close, with no word of after, is at least asked about."""
    assert screen(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "wrote a cover letter tonight, will send it later",
        "left a note for my roommate about the rent",
        "wrote my manager a letter explaining why i deserve the raise",
        "le escribí una carta al director, la mando después",
        "ich hab der chefin eine nachricht geschrieben, sie wird es verstehen",
        "j'ai laissé un mot au voisin pour le colis",
        "gave away my old phone since i got a new one",
        "regalé la ropa de bebé, ya no la necesito porque mi hija creció",
        "j'ai donné ma vieille télé, je n'en aurai plus besoin avec le projecteur",
        "doei o sofá velho, não vou precisar mais com a mudança",
        "ce soir j'en finis avec ce dossier",
    ],
)
def test_ordinary_letters_and_gifts_are_not_risk(text: str) -> None:
    """A letter to a manager or a neighbour, or a thing given away for a reason, is no risk."""
    assert screen(text) is None


def test_ending_it_tonight_in_french_is_a_crisis() -> None:
    """ "ce soir j'en finis" (a time beside "en finir") is a crisis."""
    found = screen("ce soir j'en finis")
    assert found is not None and found.tier is Tier.CRISIS

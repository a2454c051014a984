"""French punctuation stays with its word when a line wraps."""

from kiosk.render.typography import NO_BREAK_SPACE, in_sentence, keep_with_word, sentence_start


def test_space_before_double_marks_and_inside_quotes_no_longer_breaks():
    text = "Qu'est-ce qu'une mutuelle ? « Une entraide » : voilà ! Oui ; non"
    assert keep_with_word(text) == (f"Qu'est-ce qu'une mutuelle{NO_BREAK_SPACE}? «{NO_BREAK_SPACE}Une entraide"
                                    f"{NO_BREAK_SPACE}»{NO_BREAK_SPACE}: voilà{NO_BREAK_SPACE}! Oui{NO_BREAK_SPACE}; non")


def test_text_without_such_spaces_is_unchanged():
    for text in ("Why? Because: it works!", "https://www.le-mes.org/", "**Note**", "12:30", ""):
        assert keep_with_word(text) == text


def test_a_long_text_is_cut_at_a_word_without_its_last_mark():
    from kiosk.render.typography import shorten

    assert shorten("Enclosures: when the commons were fenced off", 21) == "Enclosures: when the…"
    assert shorten("Three ways. To organise", 12) == "Three ways…", "no '.…'"
    assert shorten("Short", 20) == "Short"


def test_a_role_inside_a_sentence_loses_the_capital_of_its_article_only():
    assert in_sentence("La présidente") == "la présidente"
    assert in_sentence("L'habitante du quartier") == "l'habitante du quartier"
    assert in_sentence("The chair") == "the chair"
    assert in_sentence("Amina") == "Amina" and in_sentence("AMAP") == "AMAP" and in_sentence("Lucie Aubrac") == "Lucie Aubrac"
    assert in_sentence("الرئيسة") == "الرئيسة"
    assert in_sentence("") == ""


def test_a_caption_opening_with_a_name_in_a_sentence_starts_with_a_capital():
    assert sentence_start(in_sentence("La mairie") + " : à moi de jouer") == "La mairie : à moi de jouer"
    assert sentence_start("I am the town hall: my turn") == "I am the town hall: my turn"
    assert sentence_start("البلدية: حان دورنا") == "البلدية: حان دورنا"
    assert sentence_start("") == ""

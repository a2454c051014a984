"""Easy-read versions as curators write them: loaded per language, long sentences named with file and line."""

from __future__ import annotations

from kiosk.content.easy_read import MAX_WORDS, words
from kiosk.content.loader import load_content
from tests.conftest import findings_for

EASY = """## Avant

Les villages ont des terres communes.

Tout le monde peut y faire paître ses moutons, ramasser du bois et glaner les épis après la moisson chaque année.

- Un point court.
"""


def test_an_easy_read_file_is_offered_in_its_language_and_a_long_sentence_named_at_its_line(root):
    content_root = root("base")
    (content_root / "panel-ok" / "easy.fr.md").write_text(EASY, encoding="utf-8")
    content = load_content(content_root)
    manifest = next(m for m in content.exhibits if m.id == "panel-ok")
    assert "Les villages ont des terres communes." in manifest.easy.get("fr")
    assert manifest.easy.translations.get("en") is None, "no English easy-read version: none offered"
    warnings = [f for f in findings_for(content, "panel-ok") if f.severity == "warning"]
    assert len(warnings) == 1, [f.format() for f in warnings]
    warning = warnings[0]
    assert warning.file.name == "easy.fr.md" and warning.line == 5
    assert f"an easy-read sentence of 21 words (at most {MAX_WORDS})" in warning.message
    assert warning.hint == "split it into two sentences, one idea each"
    assert not [f for f in content.findings if f.severity == "warning" and "translation" in f.message.lower()
                and "easy" in f.message], "an easy-read version is never a missing translation"


def test_easy_read_on_a_type_that_does_not_show_it_is_a_warning(root):
    content_root = root("base")
    folder = next(p for p in content_root.iterdir() if (p / "exhibit.yaml").is_file()
                  and "type: quiz" in (p / "exhibit.yaml").read_text(encoding="utf-8"))
    with (folder / "exhibit.yaml").open("a", encoding="utf-8") as manifest:
        manifest.write("easy: {fr: Un texte court.}\n")
    content = load_content(content_root)
    messages = [f.message for f in findings_for(content, folder.name)]
    assert any("a quiz does not show an easy-read version" in m for m in messages), messages


def test_words_are_counted_as_a_reader_counts_them():
    assert words("L'argent, en 1945, c'est-à-dire 3 fois.") == 6
    assert words("كل النصوص أكبر بمقدار 1٫4 مرة") == 6

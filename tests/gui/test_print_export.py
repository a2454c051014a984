"""Print-ready PDFs from the facilitator's menu onto a stick: the button, the progress, the files, the outcome."""

from __future__ import annotations

from kiosk.facilitator.export import Drive


def test_the_menu_writes_the_printed_companions_to_a_stick(facilitator, tmp_path, monkeypatch):
    driver, app = facilitator, facilitator.app
    stick = tmp_path / "STICK"
    stick.mkdir()
    monkeypatch.setattr(app.facilitator.export, "drives", lambda: [Drive(stick, "STICK", 10**9, 2 * 10**9)])
    monkeypatch.setattr(app.facilitator.printing, "languages", lambda: ["fr"])   # one language: a quicker test
    app.facilitator.access.open_menu()
    driver.settle()
    button = next(w for w in driver.widgets(driver.screen) if "PDF prêts à imprimer sur STICK" in getattr(w, "text", "")
                  or "Print-ready PDFs to STICK" in getattr(w, "text", ""))
    driver.reveal(button)
    driver.tap(button)
    driver.wait_until(lambda: app.facilitator.printing.done is None and any(stick.iterdir()), limit=120)
    folder = next(stick.iterdir())
    assert folder.name.startswith("kiosk-print-")
    made = {file.name for file in (folder / "fr").iterdir()}
    assert {"cards.pdf", "posters.pdf"} <= made and any(name.startswith("handout-") for name in made)
    notice = app.navigator.screen("facilitator").notice
    assert str(folder) in notice and str(len(made)) in notice, notice

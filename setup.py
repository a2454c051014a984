"""One build step of our own: the interface's translations and the fonts go into the package.

The catalogs are edited as ``i18n/<lang>/LC_MESSAGES/kiosk.po`` at the top of the project (the design card's
layout). A wheel, and so an installed kiosk, carries them compiled as ``kiosk/locale/<lang>/LC_MESSAGES/kiosk.mo``,
so ``pip install .`` alone gives every language. Babel compiles them, as ``make catalogs`` does in a checkout.
The fonts in ``media/fonts`` (with their licences) are copied to ``kiosk/fonts`` (see kiosk.folders.FONTS).
Everything else about the package is in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads i18n/ where it is (kiosk.i18n)
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for source in sorted(Path("i18n").glob("*/LC_MESSAGES/kiosk.po")):
            language = source.parent.parent.name
            target = Path(self.build_lib, "kiosk", "locale", language, "LC_MESSAGES", "kiosk.mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            with source.open("rb") as po:
                messages = read_po(po, locale=language)
            with target.open("wb") as mo:
                write_mo(mo, messages, use_fuzzy=True)
        fonts = Path(self.build_lib, "kiosk", "fonts")
        fonts.mkdir(parents=True, exist_ok=True)
        for font in sorted(Path("media", "fonts").iterdir()):
            if font.is_file():
                shutil.copy2(font, fonts / font.name)


setup(cmdclass={"build_py": BuildWithCatalogs})

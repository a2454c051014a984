"""The laptop build's program (packaging/musee-kiosk.spec): with no command, the kiosk on the bundled exhibition;
otherwise any ``kiosk`` command (``musee-kiosk proof …``, ``musee-kiosk validate …``)."""

import sys

from kiosk.cli import main

if __name__ == "__main__":
    arguments = sys.argv[1:]
    if not arguments or arguments[0].startswith("-"):
        arguments = ["run", *arguments]
    raise SystemExit(main(arguments))

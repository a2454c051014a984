"""Start the kiosk: ``python main.py [options]`` is the same as ``kiosk run [options]``."""

from kiosk.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["run", *__import__("sys").argv[1:]]))

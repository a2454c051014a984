"""Proof speed: `kiosk proof` over 30 exhibits in 6 languages (target: "a few minutes").

The bundled exhibition has 22 exhibits; copies of the first ones, under new ids, make it
30. The proof runs as a curator runs it (a separate process, 1920×1080, Xvfb already
started), and the script prints the screens drawn, the time, and the time per screen.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _kiosk_process import PROJECT, VirtualScreen


def thirty_exhibits(folder: Path, count: int) -> Path:
    content = folder / "expo"
    shutil.copytree(PROJECT / "exhibits", content, ignore=shutil.ignore_patterns("_schemas"))
    originals = sorted(p for p in content.iterdir() if (p / "exhibit.yaml").is_file())
    for original in originals[: max(0, count - len(originals))]:
        shutil.copytree(original, content / f"{original.name}-bis")
    return content


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exhibits", type=int, default=30)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="kiosk-proof-bench-"))
    content = thirty_exhibits(scratch, args.exhibits)
    with VirtualScreen("1920x1080") as screen:
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-m", "kiosk", "proof", str(content), "--out", str(scratch / "out")],
                                env=screen.env(), capture_output=True, text=True)
        seconds = time.monotonic() - started
    if result.returncode != 0:
        raise SystemExit(result.stdout[-2000:] + result.stderr[-2000:])
    summary = next(line for line in result.stdout.splitlines() if line.startswith("proof:"))
    screens = int(re.search(r"proof: (\d+) screens", summary).group(1))
    exhibits = len([p for p in content.iterdir() if (p / "exhibit.yaml").is_file()])
    print(summary)
    print(f"{exhibits} exhibits × 6 languages: {screens} screens in {seconds:.0f} s "
          f"({seconds / 60:.1f} min, {seconds / screens * 1000:.0f} ms per screen, start-up and contact sheets included)")
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()

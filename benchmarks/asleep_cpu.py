"""Asleep CPU: the kiosk outside opening hours, once it has gone dark (kiosk.gui.sleep).

Target: ≤ 0.005 CPU-seconds per second (issue 15). The venue's hours are set to "off" (always closed) in the
kiosk's settings, as the facilitator's menu would write them; the kiosk starts on the attract loop, finds the
venue closed and nobody visiting, and sleeps at once. Measured from /proc over --seconds once it says it sleeps.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import threading
import time
from pathlib import Path

from _kiosk_process import VirtualScreen, cpu_seconds, kiosk_command, wait_for_line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to measure (default 60)")
    args = parser.parse_args()
    with VirtualScreen() as screen:
        env = dict(screen.env(), KIOSK_CLOCK_TRUSTED="1")   # a machine here has no clock battery nor network time
        data = Path(env["KIOSK_DATA_DIR"])
        data.mkdir(parents=True, exist_ok=True)
        (data / "settings.json").write_text(json.dumps({"opening_hours": "off"}))
        process = subprocess.Popen(kiosk_command(), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            wait_for_line(process, "ready in")
            line = wait_for_line(process, "asleep until", timeout=60)
            threading.Thread(target=process.stdout.read, daemon=True).start()  # its log never fills the pipe
            time.sleep(5)
            before, start = cpu_seconds(process.pid), time.monotonic()
            time.sleep(args.seconds)
            used, spent = cpu_seconds(process.pid) - before, time.monotonic() - start
        finally:
            process.terminate()
            process.wait()
    per_second = used / spent
    print(f"the kiosk said: {line.strip().split('] ')[-1]}")
    print(f"asleep: {used:.3f} CPU-s over {spent:.0f} s = {per_second:.4f} CPU-s per second (target ≤ 0.005) -> "
          f"{'met' if per_second <= 0.005 else 'NOT met'}")


if __name__ == "__main__":
    main()

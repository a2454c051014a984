"""Things people use: gear, bicycle, car, street-cleaning truck, T-shirt, vegetables
and basket, toy blocks, broom, watering can, toolbox, key, wind turbine, solar
panel and hourglass.
"""
from .palette import GREY, INK, OCHRE, PAPER, RED, ROSE, SAGE, SKY, WHITE, WOOD, shade
from .geometry import polar, rot
from .canvas import LW


def gear(cv, x, y, r, color, teeth=8, lw=LW, phase=0):
    pts = []
    for i in range(teeth * 4):
        rr = r if i % 4 in (1, 2) else r * 0.78
        pts.append(polar(x, y, rr, phase + i * 90 / teeth))
    cv.poly(pts, color, lw)
    cv.circle(x, y, r * 0.3, PAPER, lw)


def bicycle(cv, x, y, s, color):
    """Bicycle centred on x; y is the height of the axles."""
    r, lw = 0.3 * s, max(3, 0.035 * s)
    for wx in (x - 0.48 * s, x + 0.48 * s):
        cv.circle(wx, y, r, None, lw * 1.6)
        cv.circle(wx, y, 0.05 * s, INK, 0)
    frame = [(x - 0.48 * s, y), (x - 0.05 * s, y), (x + 0.3 * s, y - 0.38 * s),
             (x - 0.2 * s, y - 0.38 * s), (x - 0.05 * s, y)]
    cv.tube(frame, 0.06 * s, color, lw)
    cv.tube([(x + 0.48 * s, y), (x + 0.3 * s, y - 0.38 * s), (x + 0.34 * s, y - 0.55 * s)], 0.06 * s, color, lw)
    cv.tube([(x - 0.48 * s, y), (x - 0.2 * s, y - 0.38 * s)], 0.05 * s, color, lw)


def car(cv, x, base, s, color, facing=1):
    body = [(-0.9, 0), (-0.9, -0.35), (-0.5, -0.4), (-0.3, -0.7), (0.35, -0.7), (0.55, -0.4), (0.9, -0.35), (0.9, 0)]
    glass = [(-0.2, -0.62), (0.3, -0.62), (0.44, -0.42), (-0.36, -0.42)]
    cv.poly([(x + facing * bx * s, base + by * s) for bx, by in body], color)
    cv.poly([(x + facing * bx * s, base + by * s) for bx, by in glass], SKY, lw=3)
    for wx in (-0.5, 0.5):
        cv.circle(x + wx * s, base, 0.2 * s, INK, lw=0)
        cv.circle(x + wx * s, base, 0.08 * s, GREY, lw=0)


def clean_truck(cv, x, base, s, color):
    """Street-cleaning tanker with a round brush and water drops."""
    cv.rect(x - 0.9 * s, base - 0.7 * s, x + 0.3 * s, base - 0.1 * s, color, r=0.25 * s)
    cv.rect(x + 0.3 * s, base - 0.6 * s, x + 0.85 * s, base - 0.1 * s, shade(color, 0.15), r=0.08 * s)
    cv.rect(x + 0.45 * s, base - 0.52 * s, x + 0.75 * s, base - 0.32 * s, SKY, lw=3)
    for wx in (-0.55, 0.6):
        cv.circle(x + wx * s, base - 0.08 * s, 0.18 * s, INK, lw=0)
    cv.circle(x + 1.0 * s, base - 0.08 * s, 0.16 * s, OCHRE, lw=4)
    for i in range(3):
        cv.circle(x + (1.2 + 0.1 * i) * s, base - (0.3 + 0.12 * i) * s, 0.05 * s, SKY, lw=3)


def tshirt(cv, x, y, s, color):
    pts = [(-0.3, -0.5), (-0.1, -0.5), (0, -0.4), (0.1, -0.5), (0.3, -0.5), (0.55, -0.25), (0.4, -0.1),
           (0.3, -0.2), (0.3, 0.45), (-0.3, 0.45), (-0.3, -0.2), (-0.4, -0.1), (-0.55, -0.25)]
    cv.poly([(x + px * s, y + py * s) for px, py in pts], color)


def vegetables(cv, x, y, s):
    cv.poly([(x - 0.32 * s, y - 0.05 * s), (x - 0.5 * s, y - 0.5 * s), (x - 0.2 * s, y - 0.2 * s)], "#D9702B", 4)
    cv.blob([(x - 0.5 * s, y - 0.55 * s, 0.08 * s)], SAGE, 4)
    cv.circle(x + 0.22 * s, y - 0.2 * s, 0.2 * s, RED, 4)
    cv.blob([(x - 0.08 * s, y - 0.25 * s, 0.24 * s), (x + 0.05 * s, y - 0.12 * s, 0.2 * s)], SAGE, 4)


def basket(cv, x, y, s, full=True):
    """Woven basket of width s; y is the height of its rim."""
    if full:
        vegetables(cv, x, y, s)
    cv.poly([(x - 0.5 * s, y), (x + 0.5 * s, y), (x + 0.38 * s, y + 0.45 * s), (x - 0.38 * s, y + 0.45 * s)],
            OCHRE, 4)
    for t in (0.15, 0.3):
        cv.line([(x - 0.5 * s + t * 0.4 * s, y + t * s), (x + 0.5 * s - t * 0.4 * s, y + t * s)], 3, caps=False)
    cv.rect(x - 0.54 * s, y - 0.04 * s, x + 0.54 * s, y + 0.06 * s, shade(OCHRE, 0.2), lw=4, r=0.04 * s)


def blocks_toy(cv, x, base, s):
    """Six building blocks in a pyramid."""
    cols = (OCHRE, SKY, ROSE, SAGE, OCHRE, SKY)
    spots = ((0, 0), (1, 0), (2, 0), (0.5, 1), (1.5, 1), (1, 2))
    for (i, j), col in zip(spots, cols):
        cv.rect(x + (i - 1.5) * s, base - (j + 1) * s, x + (i - 0.5) * s, base - j * s, col, lw=4, r=4)


def broom(cv, hand, s):
    x, y = hand
    cv.line([(x + 0.15 * s, y - 0.45 * s), (x - 0.3 * s, y + 0.75 * s)], 0.05 * s, WOOD)
    cv.poly([(x - 0.45 * s, y + 0.66 * s), (x - 0.2 * s, y + 0.76 * s), (x - 0.28 * s, y + 1.0 * s),
             (x - 0.66 * s, y + 0.86 * s)], OCHRE, lw=4)


def watering_can(cv, x, y, s, color=SKY):
    """Can with its handle top at about (x, y - 0.5 s)."""
    cv.arc(x - 0.05 * s, y - 0.3 * s, 0.22 * s, 180, 360, 0.06 * s)
    cv.tube([(x + 0.2 * s, y), (x + 0.55 * s, y - 0.3 * s)], 0.08 * s, color, 4)
    cv.rect(x - 0.3 * s, y - 0.3 * s, x + 0.22 * s, y + 0.2 * s, color, r=0.08 * s)
    for i in range(3):
        cv.circle(x + 0.66 * s + i * 0.1 * s, y - 0.18 * s + i * 0.16 * s, 0.035 * s, SKY, lw=2)


def toolbox(cv, x, y, s, color=RED):
    cv.arc(x, y - 0.18 * s, 0.16 * s, 180, 360, 0.06 * s)
    cv.rect(x - 0.4 * s, y - 0.2 * s, x + 0.4 * s, y + 0.22 * s, color, r=0.04 * s)
    cv.line([(x - 0.4 * s, y - 0.05 * s), (x + 0.4 * s, y - 0.05 * s)], 4, caps=False)


def key(cv, x, y, s):
    cv.tube([(x - 0.1 * s, y), (x + 0.35 * s, y), (x + 0.35 * s, y + 0.14 * s)], 0.07 * s, OCHRE, lw=3)
    cv.circle(x - 0.25 * s, y, 0.16 * s, OCHRE, lw=4)
    cv.circle(x - 0.25 * s, y, 0.05 * s, PAPER, lw=3)


def wind_turbine(cv, x, base, h, color=WHITE):
    hub = (x, base - h)
    cv.poly([(x - 14, base), (x - 6, base - h), (x + 6, base - h), (x + 14, base)], color)
    blade = [(x, base - h - 12), (x + h * 0.14, base - h - 20), (x + h * 0.4, base - h - 4),
             (x + h * 0.4, base - h + 4), (x, base - h + 12)]
    for a in (-90, 30, 150):
        cv.poly(rot(blade, *hub, a), color, lw=4)
    cv.circle(*hub, 16, OCHRE)


def solar_panel(cv, x, base, s):
    cv.line([(x, base), (x, base - 0.45 * s)], 0.08 * s, WOOD)
    cv.poly([(x - 0.7 * s, base - 0.35 * s), (x + 0.5 * s, base - 0.35 * s), (x + 0.7 * s, base - 0.85 * s),
             (x - 0.5 * s, base - 0.85 * s)], "#2B4A73")
    for t in (1 / 3, 2 / 3):
        cv.line([(x - 0.7 * s + 1.2 * s * t, base - 0.35 * s), (x - 0.5 * s + 1.2 * s * t, base - 0.85 * s)], 3)
    cv.line([(x - 0.6 * s, base - 0.6 * s), (x + 0.6 * s, base - 0.6 * s)], 3, caps=False)


def hourglass(cv, x, base, s):
    cv.poly([(x - 0.4 * s, base - 0.9 * s), (x + 0.4 * s, base - 0.9 * s), (x, base - 0.45 * s)], WHITE, 4)
    cv.poly([(x - 0.4 * s, base), (x + 0.4 * s, base), (x, base - 0.45 * s)], OCHRE, 4)
    for yy in (base - 0.95 * s, base + 0.05 * s):
        cv.rect(x - 0.5 * s, yy - 0.05 * s, x + 0.5 * s, yy + 0.05 * s, WOOD, lw=3)

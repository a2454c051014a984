"""Figures: the standing person (circle head, rounded body, arms reaching to given
points), an elder with a stick, a small crowd, a bent worker and a delivery rider.
"""
from .palette import ROSE, SKIN, SKY, WHITE, WOOD, shade
from .canvas import LW
from .objects import bicycle


def person(cv, x, base, h, color, skin=ROSE, hands=(), lw=None):
    """Circle head + rounded body, feet on `base`; arms reach to the `hands` points."""
    lw = lw or max(2.5, min(LW, h * 0.045))
    sy = base - 0.5 * h
    for hx, hy in hands:
        sx = x + (0.12 * h if hx >= x else -0.12 * h)
        cv.tube([(sx, sy), (hx, hy)], 0.1 * h, color, lw)
    cv.rect(x - 0.2 * h, base - 0.58 * h, x + 0.2 * h, base, color, lw, r=0.17 * h)
    for hx, hy in hands:
        cv.circle(hx, hy, 0.065 * h, skin, lw)
    cv.circle(x, base - 0.78 * h, 0.15 * h, skin, lw)


def elder(cv, x, base, h, color, skin=ROSE):
    """Older person with white hair and a walking stick."""
    hand = (x + 0.34 * h, base - 0.42 * h)
    cv.line([hand, (x + 0.4 * h, base)], 0.05 * h, WOOD)
    person(cv, x, base, h, color, skin, hands=[hand])
    cv.arc(x, base - 0.78 * h, 0.15 * h, 190, 350, 0.07 * h, WHITE)


def group(cv, x, base, h, colors, gap=0.42):
    """A small crowd: figures side by side, alternating skins."""
    n = len(colors)
    for i, col in enumerate(colors):
        person(cv, x + (i - (n - 1) / 2) * gap * h, base + (i % 2) * 0.05 * h, h, col, SKIN[i % 3])


def tired_worker(cv, x, base, h, color, skin=ROSE):
    """Bent figure carrying a heavy sack, drops of sweat."""
    hip, shoulder = (x - 0.05 * h, base - 0.38 * h), (x + 0.2 * h, base - 0.68 * h)
    cv.tube([hip, (x - 0.02 * h, base)], 0.12 * h, shade(color, 0.3))
    cv.tube([hip, (x + 0.12 * h, base - 0.2 * h), (x + 0.1 * h, base)], 0.12 * h, shade(color, 0.3))
    cv.tube([hip, shoulder], 0.3 * h, color)
    cv.blob([(x - 0.06 * h, base - 0.84 * h, 0.24 * h), (x + 0.12 * h, base - 0.92 * h, 0.2 * h)], WOOD)
    cv.tube([shoulder, (x + 0.36 * h, base - 0.4 * h)], 0.09 * h, color, 4)
    cv.circle(x + 0.36 * h, base - 0.4 * h, 0.05 * h, skin, 3)
    cv.circle(x + 0.4 * h, base - 0.68 * h, 0.14 * h, skin)
    for i in range(3):
        cv.ellipse(x + (0.6 + 0.04 * i) * h, base - (0.86 - 0.12 * i) * h, 0.025 * h, 0.04 * h, SKY, lw=2.5)


def courier(cv, x, y, s, color, box, skin=ROSE):
    """Delivery rider on a bike with a square box on the back; y is the axle height."""
    lw = max(3, 0.035 * s)
    bicycle(cv, x, y, s, shade(color, 0.1))
    seat, shoulder = (x - 0.2 * s, y - 0.45 * s), (x + 0.02 * s, y - 0.95 * s)
    cv.rect(x - 0.66 * s, y - 1.18 * s, x - 0.2 * s, y - 0.7 * s, box, lw, r=0.04 * s)
    cv.tube([seat, (x + 0.05 * s, y - 0.2 * s), (x - 0.05 * s, y)], 0.12 * s, shade(color, 0.3), lw)
    cv.tube([seat, shoulder], 0.26 * s, color, lw)
    cv.tube([shoulder, (x + 0.34 * s, y - 0.58 * s)], 0.09 * s, color, lw)
    cv.circle(x + 0.34 * s, y - 0.58 * s, 0.055 * s, skin, lw)
    cv.circle(x + 0.1 * s, y - 1.2 * s, 0.16 * s, skin, lw)

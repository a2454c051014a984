"""Signs and symbols: crash star, heart, tick, cross, a calendar of paid months and
a handshake.
"""
from .palette import OCHRE, PAPER, RED, ROSE, SAGE, SKIN, WHITE, shade
from .geometry import arc_pts, polar
from .canvas import LW


def star_burst(cv, x, y, r, color=OCHRE):
    cv.poly([polar(x, y, r if i % 2 == 0 else r * 0.5, i * 30) for i in range(12)], color)


def heart(cv, x, y, s, color=RED, lw=4):
    pts = arc_pts(x - 0.25 * s, y - 0.1 * s, 0.25 * s, 0.25 * s, 140, 360, 16)
    pts += arc_pts(x + 0.25 * s, y - 0.1 * s, 0.25 * s, 0.25 * s, 180, 400, 16) + [(x, y + 0.45 * s)]
    cv.poly(pts, color, lw)


def check(cv, x, y, s, color=SAGE):
    cv.tube([(x - 0.4 * s, y), (x - 0.1 * s, y + 0.3 * s), (x + 0.45 * s, y - 0.35 * s)], 0.16 * s, color)


def cross_shape(cv, x, y, s, color, lw=LW, arm=0.22):
    """Plus/cross polygon of half-size s."""
    a, b = arm * s, s
    cv.poly([(x - a, y - b), (x + a, y - b), (x + a, y - a), (x + b, y - a), (x + b, y + a), (x + a, y + a),
             (x + a, y + b), (x - a, y + b), (x - a, y + a), (x - b, y + a), (x - b, y - a), (x - a, y - a)],
            color, lw)


def calendar(cv, x, y, s, color, paid=6):
    """Wall calendar of 12 months, the first `paid` ones ticked."""
    for cx in (-0.55, 0.55):
        cv.line([(x + cx * s, y - 0.92 * s), (x + cx * s, y - 0.6 * s)], 0.08 * s)
    cv.rect(x - s, y - 0.75 * s, x + s, y + 0.8 * s, WHITE, r=0.08 * s)
    cv.rect(x - s, y - 0.75 * s, x + s, y - 0.42 * s, color, r=0.08 * s)
    cell = 0.42 * s
    for i in range(12):
        cx, cy = x - 0.84 * s + (i % 4) * cell * 1.02, y - 0.33 * s + (i // 4) * cell * 0.9
        cv.rect(cx, cy, cx + cell * 0.86, cy + cell * 0.72, SAGE if i < paid else PAPER, lw=3, r=4)
        if i < paid:
            check(cv, cx + cell * 0.43, cy + cell * 0.36, cell * 0.5, WHITE)


def handshake(cv, x, y, s, c1, c2, skin1=ROSE, skin2=SKIN[2]):
    """Two forearms from left and right, hands clasped in the middle."""
    cv.tube([(x - 2.0 * s, y + 0.15 * s), (x - 0.6 * s, y)], 0.5 * s, c1)
    cv.tube([(x + 2.0 * s, y + 0.15 * s), (x + 0.6 * s, y)], 0.5 * s, c2)
    for side, col in ((-1, c1), (1, c2)):
        cv.rect(x + side * 0.95 * s - 0.12 * s, y - 0.32 * s, x + side * 0.95 * s + 0.12 * s, y + 0.34 * s,
                shade(col, 0.25), lw=4, r=0.06 * s)
    cv.rect(x - 0.75 * s, y - 0.3 * s, x + 0.25 * s, y + 0.3 * s, skin1, r=0.28 * s)
    cv.rect(x - 0.2 * s, y - 0.26 * s, x + 0.75 * s, y + 0.34 * s, skin2, r=0.28 * s)
    for dx in (-0.1, 0.1, 0.3):
        cv.line([(x + dx * s, y - 0.1 * s), (x + dx * s, y + 0.24 * s)], 3.5)
    cv.rect(x - 0.5 * s, y - 0.45 * s, x + 0.05 * s, y - 0.2 * s, skin1, lw=4, r=0.12 * s)

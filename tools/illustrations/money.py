"""Money: coins (plain, with a sign, crossed out), banknotes, piggy bank and price tag.
"""
from .palette import GREY, INK, OCHRE, PAPER, ROSE, shade, tint
from .canvas import LW


def coin(cv, x, y, r, fill=OCHRE, mark=None, lw=LW):
    cv.circle(x, y, r, fill, lw)
    cv.circle(x, y, r * 0.72, None, lw * 0.6)
    if mark:
        cv.text(x, y + r * 0.02, mark, r * 0.95, INK)


def crossed_coin(cv, x, y, r):
    coin(cv, x, y, r, GREY)
    cv.line([(x - r * 0.75, y + r * 0.75), (x + r * 0.75, y - r * 0.75)], r * 0.2, INK)


def banknote(cv, x, y, w, h, color, mark=None):
    cv.rect(x - w / 2, y - h / 2, x + w / 2, y + h / 2, color, r=h * 0.12)
    cv.ellipse(x, y, w * 0.2, h * 0.32, tint(color, 0.35), lw=3)
    cv.circle(x - w * 0.33, y, h * 0.12, PAPER, lw=3)
    if mark:
        cv.text(x + w * 0.33, y, mark, h * 0.32, PAPER, stroke=2)


def piggy(cv, x, y, s, color=ROSE):
    """Piggy bank facing right, a coin dropping into its slot."""
    for dx in (-0.35, -0.15, 0.2, 0.38):
        cv.rect(x + (dx - 0.07) * s, y + 0.25 * s, x + (dx + 0.07) * s, y + 0.55 * s, shade(color, 0.15))
    cv.arc(x - 0.68 * s, y - 0.05 * s, 0.1 * s, 90, 360, 0.04 * s)
    cv.ellipse(x, y, 0.62 * s, 0.45 * s, color)
    cv.poly([(x + 0.05 * s, y - 0.38 * s), (x + 0.2 * s, y - 0.62 * s), (x + 0.32 * s, y - 0.32 * s)], color)
    cv.ellipse(x + 0.62 * s, y + 0.03 * s, 0.1 * s, 0.16 * s, shade(color, 0.1))
    cv.circle(x + 0.35 * s, y - 0.12 * s, 0.04 * s, INK, 0)
    cv.line([(x - 0.18 * s, y - 0.45 * s), (x + 0.1 * s, y - 0.45 * s)], 0.05 * s)
    coin(cv, x - 0.04 * s, y - 0.72 * s, 0.16 * s, lw=4)


def price_tag(cv, x, y, s, label, color=PAPER):
    """Tag pointing left; its hole is near (x, y)."""
    pts = [(x, y), (x + 0.35 * s, y - 0.3 * s), (x + 1.3 * s, y - 0.3 * s), (x + 1.3 * s, y + 0.3 * s),
           (x + 0.35 * s, y + 0.3 * s)]
    cv.poly(pts, color)
    cv.circle(x + 0.28 * s, y, 0.07 * s, PAPER, lw=3)
    cv.text(x + 0.83 * s, y + 0.02 * s, label, 0.36 * s)

"""Landscape: trees, sheep, sun, clouds, leaves, fields, garden beds, roads, the
ground line and the globe.
"""
import math

from .palette import INK, OCHRE, SAGE, SKY, WHITE, WOOD, shade, tint
from .geometry import polar, rot
from .canvas import LW


def tree(cv, x, base, h, crown=SAGE, lw=LW):
    cv.rect(x - 0.06 * h, base - 0.5 * h, x + 0.06 * h, base, WOOD, lw)
    r = 0.25 * h
    cv.blob([(x, base - 0.72 * h, r), (x - r * 0.7, base - 0.55 * h, r * 0.7),
             (x + r * 0.7, base - 0.55 * h, r * 0.7)], crown, lw)


def sheep(cv, x, y, s=1.0):
    for dx in (-18, -6, 10, 20):
        cv.line([(x + dx * s, y), (x + dx * s, y + 26 * s)], 5 * s)
    cv.blob([(x - 18 * s, y - 4 * s, 17 * s), (x, y - 10 * s, 19 * s), (x + 16 * s, y - 3 * s, 16 * s),
             (x, y + 4 * s, 16 * s)], WHITE, lw=4)
    cv.ellipse(x + 34 * s, y - 8 * s, 10 * s, 13 * s, INK, lw=0)


def sun(cv, x, y, r, color=OCHRE):
    for i in range(12):
        cv.line([polar(x, y, r * 1.3, i * 30), polar(x, y, r * 1.65, i * 30)], r * 0.12, color)
    cv.circle(x, y, r, color)


def cloud(cv, x, y, s=1.0, fill=WHITE):
    cv.blob([(x - 40 * s, y + 6 * s, 26 * s), (x, y - 8 * s, 36 * s), (x + 42 * s, y + 6 * s, 26 * s),
             (x, y + 14 * s, 22 * s)], fill, lw=4)


def leaf(cv, x, y, length, angle, fill=SAGE, lw=LW, vein=True):
    """Pointed leaf growing from (x, y) in direction `angle` (degrees)."""
    side = [(length * t, length * 0.32 * math.sin(math.pi * t) ** 0.9) for t in (i / 16 for i in range(17))]
    pts = [(x + px, y - py) for px, py in side] + [(x + px, y + py) for px, py in reversed(side[1:-1])]
    cv.poly(rot(pts, x, y, angle), fill, lw)
    if vein:
        cv.line(rot([(x + length * 0.12, y), (x + length * 0.78, y)], x, y, angle), lw * 0.5, caps=False)


def field(cv, x0, y0, x1, y1, rows=5, crop=SAGE):
    cv.rect(x0, y0, x1, y1, tint(WOOD, 0.45), lw=4, r=8)
    for i in range(rows):
        y = y0 + (i + 0.5) * (y1 - y0) / rows
        for x in range(int(x0) + 22, int(x1) - 10, 34):
            cv.blob([(x, y, 11)], crop, lw=3)


def garden_bed(cv, x, y, w, colors=(SAGE, shade(SAGE, 0.2))):
    """Raised wooden bed with round plants; (x, y) is the middle of its top edge."""
    n = max(2, int(w // 55))
    for k in range(n):
        cv.blob([(x - w / 2 + (k + 0.5) * w / n, y - 8, 24)], colors[k % len(colors)], lw=4)
    cv.rect(x - w / 2, y, x + w / 2, y + 55, WOOD, lw=4, r=8)


def road(cv, centre, w0, w1, fill):
    """Band along a centre line, its width tapering from w0 to w1."""
    n = len(centre) - 1
    left, right = [], []
    for i, (x, y) in enumerate(centre):
        (ax, ay), (bx, by) = centre[max(0, i - 1)], centre[min(n, i + 1)]
        d = math.dist((ax, ay), (bx, by)) or 1
        w = (w0 + (w1 - w0) * i / n) / 2
        left.append((x - (by - ay) / d * w, y + (bx - ax) / d * w))
        right.append((x + (by - ay) / d * w, y - (bx - ax) / d * w))
    cv.poly(left + right[::-1], fill, lw=4)


def ground(cv, y, color, lw=LW):
    """The ground from the horizon y down, bleeding off the picture's sides and bottom."""
    cv.rect(cv.left - 10, y, cv.right + 10, cv.bottom + 10, color, lw)


def sky(cv, horizon, color):
    """The sky down to the horizon, bleeding off the picture's top and sides."""
    cv.rect(cv.left - 10, cv.top - 10, cv.right + 10, horizon, color, lw=0)


def globe(cv, x, y, r):
    cv.circle(x, y, r, SKY, lw=0)
    cv.blob([(x - 0.35 * r, y - 0.3 * r, 0.35 * r), (x - 0.15 * r, y + 0.1 * r, 0.27 * r),
             (x + 0.42 * r, y + 0.35 * r, 0.25 * r), (x + 0.45 * r, y - 0.45 * r, 0.17 * r)], SAGE, 3)
    cv.circle(x, y, r, None)

"""Buildings: houses, apartment blocks, barn, manor, factory and its smoking chimneys,
shop fronts with their round signs, skyscraper, bank vault and town hall.
"""
from .palette import GREY, INK, OCHRE, PAPER, RED, SKY, WHITE, shade, tint
from .geometry import polar
from .canvas import LW
from .objects import bicycle


def house(cv, x, base, w, h, wall, roof, door=None):
    wh = h * 0.58
    cv.rect(x - w / 2, base - wh, x + w / 2, base, wall)
    cv.poly([(x - w * 0.6, base - wh), (x, base - h), (x + w * 0.6, base - wh)], roof)
    cv.rect(x + w * 0.08, base - wh * 0.6, x + w * 0.32, base, door or shade(roof, 0.2), lw=LW * 0.8)
    cv.rect(x - w * 0.36, base - wh * 0.7, x - w * 0.1, base - wh * 0.38, SKY, lw=LW * 0.8)


def block(cv, x0, base, w, h, color, cols=3, rows=4, win=SKY):
    """Apartment block with a grid of windows."""
    cv.rect(x0, base - h, x0 + w, base, color)
    cw, rh = w / cols, (h - 30) / rows
    for c in range(cols):
        for r in range(rows):
            wx, wy = x0 + c * cw + cw * 0.25, base - h + 20 + r * rh + rh * 0.2
            cv.rect(wx, wy, wx + cw * 0.5, wy + rh * 0.55, win, lw=3)


def barn(cv, x, base, w, h, color):
    cv.rect(x - w / 2, base - h * 0.6, x + w / 2, base, color)
    cv.poly([(x - w * 0.58, base - h * 0.6), (x - w * 0.3, base - h), (x + w * 0.3, base - h),
             (x + w * 0.58, base - h * 0.6)], shade(color, 0.35))
    cv.rect(x - w * 0.2, base - h * 0.42, x + w * 0.2, base, WHITE, lw=4)
    cv.line([(x - w * 0.2, base - h * 0.42), (x + w * 0.2, base)], 4, caps=False)
    cv.line([(x + w * 0.2, base - h * 0.42), (x - w * 0.2, base)], 4, caps=False)


def manor(cv, x, base, color):
    for dx in (-150, 150):
        cv.rect(x + dx - 70, base - 130, x + dx + 70, base, shade(color, 0.1))
        cv.poly([(x + dx - 80, base - 130), (x + dx, base - 175), (x + dx + 80, base - 130)], shade(color, 0.35))
        for wx in (-45, 15):
            for wy in (-110, -60):
                cv.rect(x + dx + wx, base + wy, x + dx + wx + 28, base + wy + 32, OCHRE, lw=3)
    cv.rect(x - 90, base - 190, x + 90, base, color)
    cv.poly([(x - 105, base - 190), (x, base - 260), (x + 105, base - 190)], shade(color, 0.35))
    for wx in (-60, 32):
        for wy in (-165, -115):
            cv.rect(x + wx, base + wy, x + wx + 28, base + wy + 34, OCHRE, lw=3)
    cv.rect(x - 24, base - 64, x + 24, base, INK, lw=3, r=22)


def factory(cv, x0, base, w, h, color, teeth=4, chimneys=2):
    """Saw-tooth roof factory with smoking chimneys."""
    tw = w / teeth
    for i in range(chimneys):
        chimney_stack(cv, x0 + w * (0.2 + 0.6 * i / max(1, chimneys - 1)), base - h * 0.5,
                      w * 0.07, h * 0.6, shade(color, 0.15))
    roof = [(x0, base - h * 0.55)]
    for i in range(teeth):
        roof += [(x0 + i * tw, base - h * 0.85), (x0 + (i + 1) * tw, base - h * 0.55)]
    cv.poly([(x0, base)] + roof + [(x0 + w, base)], color)
    for i in range(teeth):
        wx = x0 + i * tw + tw * 0.22
        cv.rect(wx, base - h * 0.42, wx + tw * 0.56, base - h * 0.2, OCHRE, lw=4)


def chimney_stack(cv, x, base, w, h, color, puffs=3):
    smoke(cv, x + w * 0.3, base - h - 20, puffs, max(14, w * 0.6))
    cv.rect(x - w / 2, base - h, x + w / 2, base, color)
    cv.rect(x - w / 2 - 4, base - h, x + w / 2 + 4, base - h + 14, shade(color, 0.25), lw=4)


def smoke(cv, x, y, n=3, size=22, color=GREY):
    cv.blob([(x + i * size * 0.9, y - i * size * 1.3, size * (0.6 + 0.3 * i)) for i in range(n)], color)


def shop(cv, x, base, w, h, color, sign):
    """Shop front with striped awning and a round sign drawn by `sign(cv, x, y, r)`."""
    cv.rect(x - w / 2, base - h, x + w / 2, base, tint(color, 0.25))
    n = 5
    for i in range(n):
        sx = x - w / 2 - 10 + i * (w + 20) / n
        cv.rect(sx, base - h * 0.62, sx + (w + 20) / n, base - h * 0.45, color if i % 2 == 0 else PAPER, lw=4)
    cv.rect(x - w * 0.4, base - h * 0.38, x - w * 0.02, base - h * 0.05, SKY, lw=4)
    cv.rect(x + w * 0.1, base - h * 0.38, x + w * 0.36, base, shade(color, 0.2), lw=4)
    cv.circle(x, base - h * 0.82, h * 0.2, PAPER, lw=4)
    sign(cv, x, base - h * 0.82, h * 0.2)


def sign_bread(cv, x, y, r):
    cv.ellipse(x, y, r * 0.8, r * 0.35, OCHRE, lw=3)
    for dx in (-0.35, 0, 0.35):
        cv.line([(x + (dx - 0.1) * r, y - 0.12 * r), (x + (dx + 0.1) * r, y + 0.12 * r)], 3)


def sign_book(cv, x, y, r):
    for side in (-1, 1):
        cv.poly([(x, y - 0.35 * r), (x + side * 0.75 * r, y - 0.5 * r), (x + side * 0.75 * r, y + 0.45 * r),
                 (x, y + 0.6 * r)], RED, 3)


def sign_bike(cv, x, y, r):
    bicycle(cv, x, y + 0.2 * r, 0.9 * r, OCHRE)


def skyscraper(cv, x, base, w, h, color):
    cv.line([(x, base - h), (x, base - h - 70)], 6)
    cv.rect(x - w / 2, base - h, x + w / 2, base, color)
    for r in range(int((h - 60) / 52)):
        for c in range(3):
            wx = x - w / 2 + 16 + c * (w - 32) / 3
            cv.rect(wx, base - h + 30 + r * 52, wx + (w - 32) / 3 - 12, base - h + 62 + r * 52, SKY, lw=3)


def vault(cv, x, base, s, color):
    """Bank building with a round safe door."""
    cv.rect(x - 0.7 * s, base - 0.95 * s, x + 0.7 * s, base, tint(color, 0.25))
    cv.poly([(x - 0.85 * s, base - 0.95 * s), (x, base - 1.35 * s), (x + 0.85 * s, base - 0.95 * s)], color)
    cy = base - 0.48 * s
    cv.circle(x, cy, 0.36 * s, GREY)
    cv.circle(x, cy, 0.22 * s, shade(GREY, 0.2), lw=4)
    for a in range(0, 360, 60):
        cv.line([(x, cy), polar(x, cy, 0.3 * s, a)], 6)
    cv.circle(x, cy, 0.07 * s, OCHRE, lw=3)


def town_hall(cv, x, base, s, color):
    cv.rect(x - 0.5 * s, base - 0.5 * s, x + 0.5 * s, base, tint(color, 0.3))
    cv.poly([(x - 0.6 * s, base - 0.5 * s), (x, base - 0.8 * s), (x + 0.6 * s, base - 0.5 * s)], color)
    for i in range(4):
        cx = x - 0.36 * s + i * 0.24 * s
        cv.rect(cx - 0.05 * s, base - 0.46 * s, cx + 0.05 * s, base - 0.04 * s, WHITE, lw=3)
    cv.line([(x, base - 0.8 * s), (x, base - 1.05 * s)], 4)
    cv.poly([(x, base - 1.05 * s), (x + 0.25 * s, base - 0.98 * s), (x, base - 0.9 * s)], RED, lw=3)

"""Room "limites": planetary boundaries, the linear economy, exponential growth, the
hidden costs of a T-shirt, GDP against well-being.
"""
import math

from .palette import DENIM, GREY, INK, OCHRE, RED, ROSE, SAGE, SKIN, SKY, WHITE, WOOD, shade, tint
from .geometry import arc_pts, bezier, polar, resample
from .canvas import LW
from .people import elder, person, tired_worker
from .buildings import chimney_stack, factory, smoke
from .nature import cloud, garden_bed, globe, ground, sky, sun, tree
from .money import coin, crossed_coin, price_tag
from .objects import car, clean_truck, hourglass, tshirt
from .symbols import cross_shape, heart, star_burst


# ------------------------------------------------------------------ pieces only these pictures draw

def boundary_icon(cv, kind, x, y, s):
    if kind == "climate":
        cv.rect(x - 0.12 * s, y - 0.6 * s, x + 0.12 * s, y + 0.2 * s, WHITE, lw=3, r=0.12 * s)
        cv.line([(x, y - 0.3 * s), (x, y + 0.2 * s)], 0.1 * s, RED)
        cv.circle(x, y + 0.35 * s, 0.22 * s, RED, lw=3)
    elif kind == "novel":
        cv.poly([(x - 0.12 * s, y - 0.6 * s), (x + 0.12 * s, y - 0.6 * s), (x + 0.12 * s, y - 0.2 * s),
                 (x + 0.45 * s, y + 0.5 * s), (x - 0.45 * s, y + 0.5 * s), (x - 0.12 * s, y - 0.2 * s)], ROSE, 3)
    elif kind == "ozone":
        cv.arc(x, y + 0.3 * s, 0.6 * s, 200, 340, 0.12 * s, WHITE)
        sun(cv, x, y + 0.3 * s, 0.2 * s)
    elif kind == "aerosols":
        cloud(cv, x, y - 0.08 * s, 0.55 * s / 60)
        for dx in (-0.3, 0, 0.3):
            cv.circle(x + dx * s, y + 0.42 * s, 0.06 * s, GREY, lw=2)
    elif kind == "ocean":
        for dy in (-0.2, 0.15):
            cv.line([(x + (i / 10 - 0.5) * s, y + (dy + 0.1 * math.sin(i * 1.2)) * s) for i in range(11)],
                    0.1 * s, WHITE)
    elif kind == "nutrients":
        cv.line([(x - 0.3 * s, y + 0.2 * s), (x, y - 0.25 * s), (x + 0.32 * s, y + 0.2 * s)], 4, WHITE)
        for px, py, c in ((-0.3, 0.2, OCHRE), (0, -0.25, WHITE), (0.32, 0.2, SAGE)):
            cv.circle(x + px * s, y + py * s, 0.17 * s, c, lw=3)
    elif kind == "water":
        cv.poly([(x, y - 0.55 * s)] + arc_pts(x, y + 0.12 * s, 0.32 * s, 0.32 * s, -30, 210, 16), SKY, 3)
    elif kind == "land":
        tree(cv, x, y + 0.5 * s, 1.0 * s, lw=3)
    elif kind == "biosphere":
        cv.poly([(x + 0.2 * s, y), (x + 0.55 * s, y - 0.25 * s), (x + 0.55 * s, y + 0.25 * s)], OCHRE, 3)
        cv.ellipse(x - 0.1 * s, y, 0.38 * s, 0.24 * s, OCHRE, lw=3)
        cv.circle(x - 0.28 * s, y - 0.05 * s, 0.04 * s, INK, lw=0)


def boundary_wedge(cv, cx, cy, a0, rad, safe, lw=LW):
    """One boundary: green up to the safe limit, then orange, then red."""
    if rad > safe:
        cv.pie(cx, cy, rad, a0, a0 + 36, RED, lw=0)
        cv.pie(cx, cy, min(rad, safe * 1.55), a0, a0 + 36, OCHRE, lw=0)
    cv.pie(cx, cy, min(rad, safe), a0, a0 + 36, SAGE, lw=0)
    cv.pie(cx, cy, rad, a0, a0 + 36, None, lw=lw)


def mine(cv, x, base, s, color):
    cv.poly([(x - 1.0 * s, base), (x - 0.35 * s, base - 0.9 * s), (x + 0.1 * s, base - 0.6 * s),
             (x + 0.35 * s, base - 0.8 * s), (x + 1.0 * s, base)], GREY)
    cv.pie(x - 0.2 * s, base, 0.32 * s, 180, 360, INK, lw=0)
    cv.rect(x + 0.35 * s, base - 0.25 * s, x + 0.85 * s, base - 0.05 * s, color, lw=4)
    for wx in (0.47, 0.73):
        cv.circle(x + wx * s, base - 0.03 * s, 0.06 * s, INK, lw=0)
    for i, c in enumerate((OCHRE, GREY, OCHRE)):
        cv.circle(x + (0.45 + i * 0.17) * s, base - 0.32 * s, 0.08 * s, c, lw=3)


def shopping_bag(cv, x, base, s, color):
    cv.arc(x, base - 0.75 * s, 0.22 * s, 180, 360, 0.07 * s)
    cv.poly([(x - 0.4 * s, base - 0.75 * s), (x + 0.4 * s, base - 0.75 * s), (x + 0.48 * s, base),
             (x - 0.48 * s, base)], color)
    tshirt(cv, x, base - 0.35 * s, 0.45 * s, OCHRE)


def bin_can(cv, x, base, s, color):
    cv.poly([(x - 0.38 * s, base - 0.8 * s), (x + 0.38 * s, base - 0.8 * s), (x + 0.3 * s, base),
             (x - 0.3 * s, base)], color)
    for dx in (-0.15, 0, 0.15):
        cv.line([(x + dx * s, base - 0.65 * s), (x + dx * 0.8 * s, base - 0.12 * s)], 4)
    cv.rect(x - 0.1 * s, base - 1.02 * s, x + 0.1 * s, base - 0.95 * s, shade(color, 0.2), lw=4)
    cv.rect(x - 0.46 * s, base - 0.95 * s, x + 0.46 * s, base - 0.8 * s, shade(color, 0.2), r=6)


def landfill(cv, x, base, s):
    cv.poly([(x - 1.0 * s, base), (x - 0.6 * s, base - 0.45 * s), (x - 0.1 * s, base - 0.7 * s),
             (x + 0.4 * s, base - 0.55 * s), (x + 1.0 * s, base)], tint(WOOD, 0.7))
    cv.rect(x - 0.55 * s, base - 0.5 * s, x - 0.35 * s, base - 0.2 * s, SKY, lw=4, r=4)
    cv.circle(x + 0.15 * s, base - 0.35 * s, 0.14 * s, INK, lw=0)
    cv.circle(x + 0.15 * s, base - 0.35 * s, 0.06 * s, GREY, lw=0)
    cv.rect(x + 0.45 * s, base - 0.3 * s, x + 0.7 * s, base - 0.12 * s, RED, lw=4)
    tshirt(cv, x - 0.1 * s, base - 0.55 * s, 0.3 * s, OCHRE)
    smoke(cv, x - 0.1 * s, base - 0.85 * s, 3, 0.12 * s)


def dirty_river(cv, p0, ctrl, p1, fish_x):
    cv.tube(resample(bezier(p0, ctrl, p1), 10), 44, "#8A7A4A")
    for fx in fish_x:
        fy = p0[1] + 115
        cv.ellipse(fx, fy, 18, 9, GREY, lw=3)
        cv.poly([(fx + 16, fy), (fx + 30, fy - 9), (fx + 30, fy + 9)], GREY, lw=3)


def felled_forest(cv, x, base):
    """Three stumps, a log and an axe."""
    for dx, hh in ((-80, 50), (0, 60), (80, 44)):
        cv.rect(x + dx - 22, base - hh, x + dx + 22, base, WOOD, lw=4)
        cv.ellipse(x + dx, base - hh, 22, 9, tint(WOOD, 0.5), lw=3)
    cv.rect(x - 80, base + 10, x + 120, base + 40, WOOD, lw=4, r=14)
    cv.line([(x + 190, base - 100), (x + 140, base)], 8, WOOD)
    cv.poly([(x + 175, base - 115), (x + 225, base - 112), (x + 222, base - 70), (x + 185, base - 82)], GREY, lw=4)


# ------------------------------------------------------------------ pictures

def img_frontieres(cv):
    r = cv.room
    cx, cy, safe = 800, 500, 165
    cv.backdrop()
    wedges = (("climate", 285), ("novel", 330), ("ozone", 120), ("aerosols", 135), ("ocean", 150),
              ("nutrients", 330), ("water", 270), ("land", 255), ("biosphere", 330))
    for i, (kind, rad) in enumerate(wedges):
        a0 = -90 + i * 40 + 2
        boundary_wedge(cv, cx, cy, a0, rad, safe)
        ix, iy = polar(cx, cy, 385, a0 + 18)
        cv.circle(ix, iy, 46, r)
        boundary_icon(cv, kind, ix, iy, 56)
    cv.arc(cx, cy, safe, 0, 360, 8, shade(SAGE, 0.45))
    globe(cv, cx, cy, 46)
    cv.text(230, 430, "9", 170, r, stroke=4)
    cv.text(1370, 430, "6/9", 130, RED, stroke=4)
    for k, (_, rad) in enumerate(wedges):
        boundary_wedge(cv, 230, 660, -88 + k * 40, 62, 62, lw=3)
        cv.pie(1370, 660, 62, -88 + k * 40, -52 + k * 40, RED if rad > 165 else SAGE, lw=3)


def img_economie_lineaire(cv):
    r = cv.room
    sky(cv, 720, cv.light)
    ground(cv, 720, tint(SAGE, 0.6))
    sun(cv, 1330, 170, 55)
    cloud(cv, 330, 170, 1.1)
    cloud(cv, 860, 130, 0.8)
    mine(cv, 190, 710, 130, r)
    factory(cv, 400, 710, 220, 340, r, teeth=3, chimneys=1)
    shopping_bag(cv, 805, 710, 210, r)
    bin_can(cv, 1075, 710, 200, r)
    landfill(cv, 1385, 710, 160)
    for x0 in (325, 635, 925, 1180):
        cv.arrow([(x0, 600), (x0 + 72, 600)], 24, r)


def img_croissance(cv):
    r = cv.room
    x0, y0, x1, yt = 230, 840, 1320, 170
    def px(t): return x0 + t * (x1 - x0) / 112  # noqa: E704
    def py(v): return y0 - v * (y0 - yt) / 8.4  # noqa: E704
    cv.arrow([(x0, y0), (1420, y0)], 7, INK, lw=0)
    cv.arrow([(x0, y0), (x0, 100)], 7, INK, lw=0)
    for t, v in ((0, 1), (35, 2), (70, 4), (105, 8)):
        cv.dashed([(px(t), y0), (px(t), py(v))], 4, 12, 10, GREY)
        cv.dashed([(x0, py(v)), (px(t), py(v))], 4, 12, 10, GREY)
        cv.text(px(t), y0 + 52, str(t), 46)
        cv.text(x0 - 75, py(v), "×" + str(v), 46, r)
        for k in range(v):
            bx, by = px(t) + 22 + (k % 2) * 40, y0 - 10 - (k // 2) * 40
            cv.rect(bx, by - 34, bx + 34, by, OCHRE, lw=3, r=4)
    cv.tube([(px(t), py(2 ** (t / 35))) for t in range(0, 113, 2)], 14, r)
    for t, v in ((0, 1), (35, 2), (70, 4), (105, 8)):
        cv.circle(px(t), py(v), 18, OCHRE)
    cv.text(520, 330, "+2 %", 90, r, stroke=3)
    hourglass(cv, 1470, y0 - 12, 64)


def img_couts_caches(cv):
    r = cv.room
    wl = 330
    ground(cv, wl, r, lw=0)
    berg = [(600, wl), (420, 400), (240, 520), (270, 700), (210, 820), (460, 930), (700, 950), (900, 900),
            (1120, 940), (1370, 830), (1330, 680), (1410, 540), (1180, 430), (1000, wl)]
    cv.poly(berg, tint(SKY, 0.55))
    cv.poly([(600, wl), (700, 230), (790, 200), (900, 235), (1000, wl)], WHITE)
    tshirt(cv, 800, 165, 170, OCHRE)
    cv.line([(870, 115), (960, 120)], 4)
    price_tag(cv, 960, 120, 170, "9,99")
    cv.line([(x, wl + 6 * math.sin(i)) for i, x in enumerate(range(round(cv.left), round(cv.right) + 20, 20))],
            8, shade(r, 0.3))
    chimney_stack(cv, 600, 660, 40, 200, GREY, 0)
    smoke(cv, 615, 445, 3, 30, shade(GREY, 0.45))
    factory(cv, 360, 660, 240, 200, GREY, teeth=2, chimneys=0)
    dirty_river(cv, (880, 470), (1050, 650), (1300, 560), (1040, 1190))
    tired_worker(cv, 560, 900, 190, ROSE, SKIN[1])
    felled_forest(cv, 1040, 860)


def img_pib(cv):
    r = cv.room
    cv.line([(660, 850), (1510, 850)], 8)
    for i, h in enumerate((150, 210, 290, 370, 470, 590)):
        x = 700 + i * 135
        cv.rect(x, 850 - h, x + 100, 850, r if i < 5 else shade(r, 0.2), r=8)
    cv.arrow([(700, 620), (1080, 430), (1320, 230)], 18, OCHRE)
    coin(cv, 1445, 170, 58, mark="€")
    car(cv, 250, 360, 120, RED, 1)
    car(cv, 470, 360, 120, SKY, -1)
    star_burst(cv, 360, 290, 60)
    clean_truck(cv, 300, 720, 170, OCHRE)
    cv.arrow([(540, 400), (670, 560)], 18, r)
    cv.arrow([(560, 690), (670, 700)], 18, r)
    cross_shape(cv, 600, 230, 34, OCHRE)
    cross_shape(cv, 470, 560, 34, OCHRE)


def img_bien_etre(cv):
    r = cv.room
    sky(cv, 620, cv.light)
    ground(cv, 620, tint(SAGE, 0.75))
    sun(cv, 1200, 150, 60)
    cloud(cv, 400, 130, 1.2)
    cloud(cv, 880, 190, 0.9)
    for x, y in ((600, 140), (660, 175)):
        cv.line(arc_pts(x, y, 22, 14, 200, 340, 8), 5)
        cv.line(arc_pts(x + 44, y, 22, 14, 200, 340, 8), 5)
    for y in (250, 300):
        cv.line([(990 + i * 18, y + 10 * math.sin(i * 0.7)) for i in range(14)], 6, WHITE)
    for x in (640, 1060):
        tree(cv, x, 650, 300)
    cv.line(arc_pts(850, 500, 210, 80, 180, 0), 4)
    pts = arc_pts(850, 500, 160, 70, 170, 10)
    cv.tube(pts, 26, r, lw=4)
    cv.circle(780, 540, 22, ROSE, lw=4)
    cv.tube([(810, 548), (910, 542)], 30, OCHRE, lw=4)
    person(cv, 170, 860, 230, r, SKIN[1], hands=[(250, 760)])
    person(cv, 290, 880, 120, OCHRE, SKIN[1], hands=[(250, 760)])
    for i, x in enumerate((470, 650, 830)):
        garden_bed(cv, x, 830, 150, (SAGE, (RED, OCHRE, SAGE)[i]))
    elder(cv, 1440, 900, 210, DENIM, SKIN[2])
    person(cv, 1230, 900, 230, OCHRE, SKIN[0], hands=[(1330, 760)])
    cv.rect(1280, 710, 1385, 800, tint(WOOD, 0.5), lw=4, r=6)
    heart(cv, 1332, 755, 50, RED)
    crossed_coin(cv, 1450, 140, 56)

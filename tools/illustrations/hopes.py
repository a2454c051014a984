"""Room "espoirs": associationism, social security, parent-run crèches and
neighbourhood boards (régies de quartier).
"""
from .palette import CLOTHES, DENIM, INK, OCHRE, PAPER, RED, ROSE, SAGE, SKIN, WHITE, WOOD, shade, tint
from .geometry import arc_pts, polar
from .people import elder, group, person
from .buildings import block, house, town_hall
from .nature import cloud, garden_bed, ground, sun, tree
from .money import coin
from .objects import blocks_toy, broom, key, toolbox, watering_can
from .symbols import cross_shape


# ------------------------------------------------------------------ pieces only these pictures draw

def beehive(cv, x, base, s):
    for i, w in enumerate((1.0, 0.96, 0.86, 0.7, 0.48)):
        y = base - i * 0.2 * s
        cv.rect(x - w * s / 2, y - 0.24 * s, x + w * s / 2, y, OCHRE, r=0.1 * s)
    cv.pie(x, base, 0.12 * s, 180, 360, INK, lw=0)
    cv.rect(x - 0.6 * s, base, x + 0.6 * s, base + 0.08 * s, WOOD)


def bee(cv, x, y, s):
    for dx in (-0.2, 0.2):
        cv.ellipse(x + dx * s, y - 0.45 * s, 0.28 * s, 0.2 * s, WHITE, lw=3)
    cv.ellipse(x, y, 0.5 * s, 0.32 * s, OCHRE, lw=3)
    for dx in (-0.12, 0.12):
        cv.line([(x + dx * s, y - 0.28 * s), (x + dx * s, y + 0.28 * s)], 0.1 * s, caps=False)


# ------------------------------------------------------------------ pictures

def img_associationnisme(cv):
    r = cv.room
    cv.text(330, 250, "1844", 170, r, stroke=4)
    cv.text(1270, 250, "1901", 170, r, stroke=4)
    beehive(cv, 800, 520, 300)
    for x, y in ((640, 220), (980, 250), (1030, 430), (560, 420)):
        bee(cv, x, y, 40)
    step, base, h = 155, 930, 230
    xs = [180 + i * step for i in range(9)]
    hands = [((a + b) / 2, base - 0.86 * h) for a, b in zip(xs, xs[1:])]
    for i, x in enumerate(xs):
        person(cv, x, base, h, (r, OCHRE, DENIM, SAGE, ROSE)[i % 5], SKIN[i % 3],
               hands=[p for p in hands if abs(p[0] - x) < step])


def img_securite_sociale(cv):
    r = cv.room
    fx, fy, rad = 760, 500, 175
    for k, a in enumerate(range(125, 240, 19)):
        sx, sy = polar(fx, fy, 330, a, 300)
        cv.arrow([(sx, sy), polar(fx, fy, rad + 30, a)], 10, shade(r, 0.1))
        coin(cv, sx, sy, 24)
        px, py = polar(fx, fy, 470, a, 420)
        person(cv, px, py + 55, 110, CLOTHES[k % 4], SKIN[k % 3])
    cv.circle(fx, fy, rad, r)
    cv.circle(fx, fy, rad - 26, tint(r, 0.3), lw=4)
    for dx, n in ((-60, 3), (0, 5), (60, 4)):
        for j in range(n):
            cv.ellipse(fx + dx, fy + 80 - j * 26, 40, 15, OCHRE, lw=4)
    for tx, ty in ((1300, 190), (1330, 500), (1300, 810)):
        cv.arrow([(fx + (tx - fx) * 0.32, fy + (ty - fy) * 0.32), (tx - 150, ty)], 22, r)
    cv.rect(1240, 100, 1420, 280, WHITE, r=24)
    cross_shape(cv, 1330, 190, 62, RED, lw=4, arm=0.3)
    elder(cv, 1320, 590, 190, DENIM, SKIN[1])
    person(cv, 1270, 900, 170, SAGE, SKIN[2], hands=[(1320, 810)])
    person(cv, 1460, 900, 180, OCHRE, SKIN[0], hands=[(1405, 805)])
    person(cv, 1365, 900, 100, r, SKIN[1], hands=[(1320, 810), (1405, 805)])


def img_creches(cv):
    r = cv.room
    ground(cv, 640, tint(SAGE, 0.6))
    sun(cv, 1400, 150, 50)
    cloud(cv, 900, 170, 1.0)
    tree(cv, 150, 660, 260)
    house(cv, 430, 660, 400, 440, tint(OCHRE, 0.55), r)
    for x in (190, 300, 560, 680):
        cv.line([(x, 800), (x, 740)], 5, shade(SAGE, 0.3))
        cv.blob([(x, 735, 18)], (ROSE, OCHRE)[x % 2], lw=4)
    cv.line([(125, 735), (715, 735)], 7, WOOD)
    for x in range(140, 720, 48):
        cv.line([(x, 705), (x, 770)], 8, WOOD)
    person(cv, 950, 720, 260, DENIM, SKIN[2])
    person(cv, 1230, 720, 260, r, SKIN[0])
    cv.rect(1070, 720, 1110, 870, WOOD, lw=4)
    cv.rect(1000, 860, 1180, 885, WOOD, lw=4, r=10)
    cv.ellipse(1090, 700, 250, 75, tint(WOOD, 0.6))
    blocks_toy(cv, 1090, 700, 36)
    person(cv, 830, 880, 170, OCHRE, SKIN[1], hands=[(880, 720)])
    person(cv, 1360, 880, 160, SAGE, SKIN[2], hands=[(1300, 715)])
    blocks_toy(cv, 640, 930, 48)
    cv.circle(1470, 900, 34, RED)


def img_regies(cv):
    r = cv.room
    ground(cv, 640, cv.light)
    block(cv, 60, 640, 230, 470, r, 3, 6)
    block(cv, 310, 640, 220, 360, shade(r, 0.2), 3, 4)
    block(cv, 550, 640, 190, 420, tint(r, 0.6), 2, 5)
    garden_bed(cv, 200, 730, 220)
    garden_bed(cv, 440, 730, 200, (SAGE, RED))
    watering_can(cv, 720, 830, 120)
    person(cv, 620, 900, 200, OCHRE, SKIN[1], hands=[(705, 800)])
    broom(cv, (910, 800), 140)
    person(cv, 970, 900, 200, DENIM, SKIN[2], hands=[(910, 800)])
    toolbox(cv, 1390, 875, 120)
    person(cv, 1300, 900, 200, SAGE, SKIN[0], hands=[(1385, 830)])
    cx, cy, rad = 1180, 330, 200
    for a in (-90, 30, 150):
        cv.arrow(arc_pts(cx, cy, rad, rad, a + 30, a + 92, 20), 18, r)
    for a, kind in ((-90, "people"), (30, "landlord"), (150, "hall")):
        x, y = polar(cx, cy, rad, a)
        cv.circle(x, y, 88, PAPER)
        if kind == "people":
            group(cv, x, y + 60, 80, (OCHRE, r, SAGE))
        elif kind == "hall":
            town_hall(cv, x, y + 55, 120, DENIM)
        else:
            block(cv, x - 52, y + 50, 84, 108, r, cols=2, rows=3)
            key(cv, x + 40, y + 40, 70)

"""Draw the illustrations of the bundled "Musée du Kapitalisme" exhibition.

Every image of the exhibits (see the IMAGES table) is drawn here with Pillow
in one flat, poster-like style: cream paper, thick ink outlines, each picture
dominated by its room colour. Pictogram helpers live in illustration_kit.py.

The images are original work made for the project and are released under
CC BY-SA 4.0 (credit: "Illustration: Musée du Kapitalisme kiosk, CC BY-SA 4.0").

Usage, from the repository root:
    python tools/make_illustrations.py [--out-root exhibits] [--only FILE.png ...]
The output is deterministic: the same bytes on every run.
"""
import argparse
import math
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))

from illustration_kit import (  # noqa: E402
    DENIM,
    GREY,
    INK,
    OCHRE,
    PAPER,
    RED,
    ROSE,
    SAGE,
    SKIN,
    SKY,
    WHITE,
    WOOD,
    Canvas,
    arc_pts,
    balcony_block,
    banknote,
    barn,
    basket,
    bee,
    beehive,
    bezier,
    bicycle,
    bike_shed,
    bin_can,
    block,
    blocks_toy,
    boundary_icon,
    boundary_wedge,
    bread_pile,
    broom,
    bunting,
    calendar,
    car,
    check,
    chimney_stack,
    clean_truck,
    cloud,
    coin,
    courier,
    cross_shape,
    crossed_coin,
    dirty_river,
    elder,
    factory,
    felled_forest,
    field,
    flywheel,
    fruit_pile,
    garden_bed,
    gear,
    globe,
    granary,
    ground,
    group,
    handshake,
    heart,
    hourglass,
    house,
    key,
    landfill,
    laundry,
    leaf,
    manor,
    mine,
    person,
    phone_with_coop_app,
    piggy,
    polar,
    price_tag,
    qmark_path,
    resample,
    road,
    rot,
    shade,
    sheep,
    shop,
    shopping_bag,
    sign_bike,
    sign_book,
    sign_bread,
    skyscraper,
    smoke,
    solar_panel,
    stall,
    star_burst,
    stock_chart,
    sun,
    tint,
    tired_worker,
    toolbox,
    town_hall,
    tree,
    tshirt,
    vault,
    vegetables,
    watering_can,
    wind_turbine,
    year_band,
)

REPO = Path(__file__).resolve().parent.parent
CLOTHES = (OCHRE, SAGE, DENIM, ROSE)


def backdrop_disc(cv, r=430):
    cv.circle(800, 500, r, cv.light, lw=0)


# ------------------------------------------------------------ room: origines

def commons(cv, r):
    cv.rect(30, 30, 800, 970, tint(SKY, 0.45), lw=0)
    cv.poly([(30, 400), (250, 370), (520, 395), (800, 380), (800, 970), (30, 970)], SAGE)
    for x, y in ((110, 420), (680, 410)):
        tree(cv, x, y, 150)
    house(cv, 260, 470, 110, 110, WHITE, r)
    house(cv, 520, 520, 100, 100, WHITE, r)
    house(cv, 640, 800, 110, 110, WHITE, r)
    for x, y, s in ((170, 640, 1.2), (360, 590, 1.0), (560, 680, 1.3), (660, 590, 1.0), (300, 800, 1.4)):
        sheep(cv, x, y, s)
    cv.line([(475, 700), (495, 820)], 6, WOOD)
    person(cv, 430, 820, 140, r, SKIN[1], hands=[(475, 700)])
    person(cv, 120, 900, 120, OCHRE, SKIN[0], hands=[(70, 840)])
    person(cv, 460, 930, 110, DENIM, SKIN[2])


def enclosed(cv, r):
    cv.rect(800, 30, 1570, 970, tint(SKY, 0.45), lw=0)
    for x in (1395, 1445, 1500):
        chimney_stack(cv, x, 400, 22, 110 + (x % 3) * 15, shade(r, 0.3))
    for i, x in enumerate((1375, 1425, 1475, 1520)):
        cv.rect(x - 30, 400 - 50 - (i % 2) * 30, x + 30, 400, shade(r, 0.15), lw=4)
    rows = ((400, 500, (800, 1020, 1260, 1570)), (500, 640, (800, 960, 1160, 1570)),
            (640, 800, (800, 900, 1200, 1570)), (800, 970, (800, 1100, 1570)))
    fills = (SAGE, tint(OCHRE, 0.6), shade(SAGE, 0.12), tint(SAGE, 0.7))
    for j, (y0, y1, xs) in enumerate(rows):
        for i, (xa, xb) in enumerate(zip(xs, xs[1:])):
            cv.rect(xa, y0, xb, y1, fills[(i + j) % 4], lw=0)
    for j, (y0, y1, xs) in enumerate(rows):
        for x in xs[1:-1]:
            cv.tube([(x, y0), (x, y1)], 14, "#4F7A4C", lw=4)
        if j < 3:
            cv.tube([(800, y1), (1570, y1)], 14, "#4F7A4C", lw=4)
    for x0, x1, y in ((850, 990, 600), (1210, 1300, 760)):
        cv.line([(x0, y - 14), (x1, y - 14)], 4, WOOD)
        for x in range(x0, x1 + 1, 22):
            cv.line([(x, y - 24), (x, y + 4)], 5, WOOD)
    manor(cv, 1060, 480, r)
    way = bezier((1310, 975), (1340, 560), (1480, 402))
    road(cv, resample(way, 12), 150, 16, tint(OCHRE, 0.35))
    for t, h in ((0.3, 100), (0.55, 72), (0.75, 50)):
        x, y = way[round(t * 24)]
        person(cv, x, y, h, DENIM if t < 0.5 else r, SKIN[int(t * 10) % 3])


def img_enclosures(cv):
    boxes = ((40, 40, 780, 960), (820, 40, 1560, 960))
    with cv.clip(boxes[0], 26):
        commons(cv, cv.room)
    with cv.clip(boxes[1], 26):
        enclosed(cv, cv.room)
    for box in boxes:
        cv.rect(*box, None, r=26)
    cv.circle(800, 190, 74, PAPER)
    cv.arrow([(752, 190), (858, 190)], 30, cv.room)


def img_industrie(cv):
    r = cv.room
    ground(cv, 700, cv.light)
    factory(cv, 560, 700, 900, 400, r, teeth=5, chimneys=3)
    flywheel(cv, 290, 500, 185, r)
    for row, base in enumerate((790, 860)):
        for i in range(15):
            person(cv, 110 + i * 92 + row * 46, base, 72, shade(r, 0.12 * row), SKIN[(i + row) % 3])
    year_band(cv, 80, 1520, 915, "1760", "1914", r)


def img_marche(cv):
    r = cv.room
    ground(cv, 760, cv.light)
    bunting(cv, 800, -420, 900, 560, (r, OCHRE, SAGE))
    stall(cv, 1400, 720, 280, shade(r, 0.2), bread_pile)
    stall(cv, 470, 800, 540, r, fruit_pile, seller=SKIN[1])
    cv.line([(330, 470), (330, 560)], 5, WOOD)
    price_tag(cv, 250, 470, 130, "3")
    cv.arrow([(990, 430), (780, 430)], 26, r)
    for i in range(3):
        coin(cv, 830 + i * 60, 360, 28)
    basket(cv, 880, 505, 110)
    cv.arrow([(780, 610), (970, 610)], 26, SAGE)
    person(cv, 1130, 910, 300, OCHRE, SKIN[2], hands=[(1010, 700)])


def img_reciprocite(cv):
    r = cv.room
    cx, cy, rx, ry = 800, 490, 520, 320
    backdrop_disc(cv, 290)
    angles = [k * 60 for k in range(6)]
    for a in angles:
        cv.dashed([polar(cx, cy, rx * 0.36, a, ry * 0.36), polar(cx, cy, rx * 0.74, a, ry * 0.74)],
                  6, 14, 12, shade(r, 0.1))
    for a in angles:
        cv.arrow(arc_pts(cx, cy, rx, ry, a + 14, a + 46, 14), 14, OCHRE)
    granary(cv, cx, cy + 130, r)
    for k, a in enumerate(angles):
        x, y = polar(cx, cy, rx, a, ry)
        person(cv, x, y + 65, 140, (r, DENIM, OCHRE, SAGE, r, ROSE)[k], SKIN[k % 3])
        bx, by = polar(cx, cy, rx, a + 30, ry)
        basket(cv, bx, by - 12, 80)


def img_quiz_origines(cv):
    r = cv.room
    backdrop_disc(cv)
    path, dot = qmark_path(800, 280, 180, dot=2.95)
    for i, (x, y) in enumerate(resample(path, 82)):
        if i % 3 == 1:
            coin(cv, x, y, 40)
        else:
            gear(cv, x, y, 54, r if i % 2 else shade(r, 0.2), phase=i * 11)
    gear(cv, dot[0], dot[1], 78, r, teeth=10)
    coin(cv, dot[0], dot[1], 26)
    for x, y in ((440, 250), (1190, 720), (1170, 240), (450, 760)):
        coin(cv, x, y, 30, tint(OCHRE, 0.6))


# ------------------------------------------------------------ room: espoirs
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


def img_quiz_espoirs(cv):
    r = cv.room
    backdrop_disc(cv)
    path, dot = qmark_path(800, 290, 185, dot=2.75)
    pts = resample(path, 108)
    arms = [(x, y - 22) for x, y in pts]
    cv.tube(arms, 14, r, lw=4)
    for i, (x, y) in enumerate(pts):
        person(cv, x, y + 52, 124, r, SKIN[i % 3])
    for (ax, ay), (bx, by) in zip(arms, arms[1:]):
        cv.circle((ax + bx) / 2, (ay + by) / 2, 10, SKIN[1], lw=3)
    x, y = dot
    person(cv, x, y + 80, 150, r, SKIN[0], hands=[(x - 80, y - 60), (x + 80, y - 60)])


# ------------------------------------------------------------ room: limites
def img_frontieres(cv):
    r = cv.room
    cx, cy, safe = 800, 500, 165
    cv.circle(cx, cy, 430, cv.light, lw=0)
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
    cv.rect(20, 20, 1580, 720, cv.light, lw=0)
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
    cv.rect(20, wl, 1580, 980, r, lw=0)
    berg = [(600, wl), (420, 400), (240, 520), (270, 700), (210, 820), (460, 930), (700, 950), (900, 900),
            (1120, 940), (1370, 830), (1330, 680), (1410, 540), (1180, 430), (1000, wl)]
    cv.poly(berg, tint(SKY, 0.55))
    cv.poly([(600, wl), (700, 230), (790, 200), (900, 235), (1000, wl)], WHITE)
    tshirt(cv, 800, 165, 170, OCHRE)
    cv.line([(870, 115), (960, 120)], 4)
    price_tag(cv, 960, 120, 170, "9,99")
    cv.line([(20 + i * 20, wl + 6 * math.sin(i)) for i in range(80)], 8, shade(r, 0.3))
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
    cv.rect(20, 20, 1580, 620, cv.light, lw=0)
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


def img_quiz_limites(cv):
    r = cv.room
    backdrop_disc(cv)
    path, _ = qmark_path(800, 280, 175)
    path = [p for p in path if p[1] < 280 + 1.7 * 175]
    cv.tube(path, 100, WHITE)
    merc = resample(path, 6)
    cv.line(merc[len(merc) // 3:], 44, RED)
    ticks = resample(path, 46)
    for (ax, ay), (bx, by) in zip(ticks[1:-3], ticks[2:-2]):
        d = math.dist((ax, ay), (bx, by)) or 1
        nx, ny = -(by - ay) / d, (bx - ax) / d
        cv.line([(ax + nx * 30, ay + ny * 30), (ax + nx * 44, ay + ny * 44)], 5, r)
    bx, by = path[-1]
    cv.circle(bx, by + 25, 72, RED)
    globe(cv, 800, 850, 78)


# ------------------------------------------------------------ room: alternatives

def img_amap(cv):
    r = cv.room
    ground(cv, 640, tint(SAGE, 0.5))
    barn(cv, 330, 640, 300, 300, r)
    tree(cv, 120, 640, 220)
    field(cv, 70, 700, 560, 920)
    for i, (h, c) in enumerate(((330, r), (250, shade(r, 0.25)), (380, tint(r, 0.6)), (280, r))):
        block(cv, 1080 + i * 115, 640, 110, h, c, 2, max(2, h // 90))
    group(cv, 1290, 900, 170, (OCHRE, DENIM, ROSE, SAGE))
    cv.dashed([(590, 820), (1070, 830)], 8, 20, 16, shade(r, 0.2))
    person(cv, 760, 890, 230, r, SKIN[2], hands=[(850, 800)])
    basket(cv, 905, 790, 150)
    handshake(cv, 830, 210, 85, r, OCHRE)
    calendar(cv, 400, 190, 115, r)
    coin(cv, 170, 190, 44)
    cv.arrow([(225, 190), (275, 190)], 12, OCHRE)


def img_monnaie_circuit(cv):
    r = cv.room
    cx, cy, rx, ry = 800, 500, 610, 425
    cv.ellipse(cx, cy, rx, ry, cv.light, lw=0)
    cv.dashed(arc_pts(cx, cy, rx, ry, 0, 360, 120), 6, 18, 14, r)
    for a in (35, 65, 115, 145, 215, 245, 295, 325):
        x, y = polar(cx, cy, rx, a, ry)
        house(cv, x, y + 22, 44, 50, WHITE, shade(r, 0.2))
    for k in range(4):
        a = -90 + k * 90
        cv.arrow(arc_pts(cx, cy + 40, 450, 305, a + 24, a + 66, 16), 18, r)
        banknote(cv, *polar(cx, cy + 40, 450, a + 45, 305), 110, 56, SAGE)
    for x, base, sign in ((800, 300, sign_bread), (800, 900, sign_book), (360, 640, sign_bike)):
        shop(cv, x, base, 210, 200, r, sign)
    barn(cv, 1220, 620, 200, 200, r)
    group(cv, 800, 620, 110, (OCHRE, r, DENIM))


def img_monnaie_billet(cv):
    r = cv.room
    x0, y0, x1, y1 = 180, 200, 1420, 800
    cv.rect(x0 + 24, y0 + 24, x1 + 24, y1 + 24, shade(PAPER, 0.15), lw=0, r=40)
    cv.rect(x0, y0, x1, y1, r, r=40)
    cv.rect(x0 + 40, y0 + 40, x1 - 40, y1 - 40, tint(r, 0.25), lw=4, r=24)
    for k in range(6):
        cv.circle(1130, 500, 180 - k * 24, None, lw=2)
    oval = (340, 280, 940, 720)
    with cv.clip(oval, ellipse=True):
        cv.rect(*oval, tint(SKY, 0.6), lw=0)
        sun(cv, 500, 390, 36)
        cv.poly([(330, 600), (480, 480), (620, 550), (780, 450), (950, 580), (950, 730), (330, 730)], SAGE, lw=4)
        road(cv, resample(bezier((520, 740), (760, 640), (640, 540)), 8), 140, 14, SKY)
        tree(cv, 800, 640, 240)
    cv.ellipse(640, 500, 300, 220, None)
    for x, y, s in ((300, 300, 90), (x1 - 130, y1 - 110, 90), (x1 - 130, y0 + 110, 60), (300, y1 - 110, 60)):
        cv.text(x, y, "10", s, PAPER, stroke=3)
    cv.circle(1130, 500, 90, OCHRE)
    leaf(cv, 1090, 540, 110, -45, SAGE, lw=4)


def img_monnaie_euro(cv):
    r = cv.room
    ground(cv, 800, cv.light)
    for i in range(5):
        cv.ellipse(220, 690 - i * 34, 90, 30, OCHRE)
    for x, y in ((150, 520), (290, 470), (220, 380)):
        coin(cv, x, y, 52, mark="€")
    cv.arrow([(340, 600), (550, 600)], 30, r)
    cv.arrow([(190, 750), (190, 835)], 10, OCHRE)
    cv.arrow([(250, 835), (250, 750)], 10, OCHRE)
    banknote(cv, 220, 890, 150, 74, SAGE)
    vault(cv, 760, 800, 300, r)
    for y0, ty in ((450, 220), (560, 530), (670, 810)):
        cv.arrow([(990, y0), (1180, ty)], 20, r)
    solar_panel(cv, 1360, 310, 220)
    sun(cv, 1200, 110, 30)
    barn(cv, 1360, 610, 180, 170, r)
    shop(cv, 1360, 900, 180, 180, r, sign_bread)


def img_epargne(cv, solidaire):
    r = cv.room
    ground(cv, 860, cv.light)
    piggy(cv, 270, 640, 300)
    if solidaire:
        targets = ((790, 310), (780, 700), (1270, 560))
        block(cv, 840, 440, 260, 300, tint(OCHRE, 0.5), 3, 3)
        cv.line([(1140, 440), (1140, 110), (1030, 110)], 8, OCHRE)
        cv.line([(1050, 110), (1050, 170)], 3)
        factory(cv, 830, 860, 320, 260, r, teeth=3, chimneys=0)
        gear(cv, 990, 800, 30, GREY)
        person(cv, 920, 860, 100, OCHRE, SKIN[1], hands=[(965, 800)])
        person(cv, 1070, 860, 100, SKY, SKIN[2], hands=[(1015, 800)])
        wind_turbine(cv, 1400, 860, 470)
    else:
        targets = ((650, 330), (1050, 560))
        cv.line([(1200, 860), (1200, 780)], 6)
        skyscraper(cv, 1240, 860, 240, 720, shade(GREY, 0.1))
        stock_chart(cv, 680, 130, 1030, 440)
    for k, (tx, ty) in enumerate(sorted(targets, key=lambda t: t[1])):
        sx, sy = 490, 520 + k * 60
        cv.arrow(bezier((sx, sy), (sx + 120, ty), (tx - 40, ty)), 20, r)


def img_habitat(cv):
    r = cv.room
    ground(cv, 780, tint(SAGE, 0.6))
    balcony_block(cv, 440, 1160, 150, 780, r)
    cv.rect(460, 600, 860, 770, tint(OCHRE, 0.5), lw=4)
    group(cv, 660, 730, 90, (OCHRE, r, SKY, ROSE))
    cv.rect(490, 715, 830, 740, WOOD, lw=4)
    cv.rect(940, 620, 1020, 780, shade(r, 0.25), lw=4)
    laundry(cv, 120, 390, 780, shade(r, 0.2))
    bike_shed(cv, 1185, 1545, 780, shade(r, 0.2))
    for x in (300, 560, 800, 1040, 1280):
        garden_bed(cv, x, 845, 170)
    tree(cv, 140, 940, 240)
    for x in (1440, 1510):
        cv.line([(x, 930), (x, 880)], 5, shade(SAGE, 0.3))
        cv.blob([(x, 875, 18)], ROSE if x < 1500 else OCHRE, lw=4)


def img_plateformes(cv):
    r = cv.room
    px, py = 1000, 520
    phone_with_coop_app(cv, 110, 180, r)
    cv.dashed([(400, 500), (px - 190, py)], 8, 20, 14, r)
    colors = (r, OCHRE, SKY, ROSE)
    spots = ((1330, 250), (1330, 840), (690, 840), (690, 250))
    for a, col, (sx, sy) in zip((-90, 0, 90, 180), colors, spots):
        ox, oy = polar(px, py, 14, a + 45)
        cv.dashed([polar(px, py, 150, a + 45), (sx, sy - 150)], 6, 16, 12, col)
        cv.pie(ox, oy, 170, a, a + 90, col)
    for k, ((sx, sy), col) in enumerate(zip(spots, colors)):
        courier(cv, sx, sy, 150, DENIM if col == SKY else r, col, SKIN[k % 3])
        bx, by = sx - 64, sy - 141
        cv.pie(bx, by, 22, 0, 360, PAPER, lw=3)
        cv.pie(bx, by, 22, -90 + 90 * k, 90 * k, INK, lw=0)


def img_ess(cv):
    r = cv.room
    cv.rect(20, 630, 1580, 980, tint(WOOD, 0.35), lw=0)
    roots = (((780, 670), (520, 730), (240, 830)), ((790, 680), (640, 800), (520, 905)),
             ((810, 680), (880, 810), (900, 915)), ((820, 680), (1000, 780), (1160, 885)),
             ((830, 670), (1120, 710), (1380, 800)))
    for pts, year in zip(roots, ("1844", "1901", "1997", "2001", "2014")):
        cv.tube(resample(bezier(*pts), 10), 22, WOOD, lw=4)
        tx, ty = pts[-1]
        cv.rect(tx - 80, ty - 34, tx + 80, ty + 34, PAPER, r=34)
        cv.text(tx, ty + 1, year, 40, r)
    cv.line([(20, 630), (1580, 630)], 6)
    cv.rect(770, 360, 830, 670, WOOD)
    cv.blob([(800, 320, 220), (590, 360, 140), (1010, 360, 140), (680, 200, 140), (920, 200, 140)], SAGE)
    tips = ((520, 360), (650, 180), (800, 130), (950, 180), (1080, 360))
    for tx, ty in tips:
        cv.tube([(800, 450), (tx, ty)], 20, WOOD, lw=4)
    drawers = (lambda x, y: blocks_toy(cv, x + 2, y + 42, 26),
               lambda x, y: basket(cv, x, y, 90),
               lambda x, y: banknote(cv, x, y, 100, 54, OCHRE),
               lambda x, y: house(cv, x, y + 40, 60, 80, WHITE, r),
               lambda x, y: bicycle(cv, x, y + 12, 70, OCHRE))
    for (tx, ty), draw in zip(tips, drawers):
        cv.circle(tx, ty, 70, PAPER)
        draw(tx, ty)


def img_quiz_alternatives(cv):
    r = cv.room
    backdrop_disc(cv)
    path, (gx, gy) = qmark_path(800, 290, 180, dot=2.85)
    cv.tube(path, 12, shade(SAGE, 0.35), lw=4)
    pts = resample(path, 52)
    for i, ((x, y), (nx, ny)) in enumerate(zip(pts, pts[1:])):
        a = math.degrees(math.atan2(ny - y, nx - x))
        leaf(cv, x, y, 92, a + (60 if i % 2 else -60), r if i % 3 else SAGE, lw=4)
    cv.ellipse(gx, gy + 55, 110, 34, WOOD)
    cv.tube([(gx, gy + 45), (gx, gy - 40)], 12, shade(SAGE, 0.35), lw=4)
    leaf(cv, gx, gy - 40, 100, -150, SAGE, lw=4)
    leaf(cv, gx, gy - 40, 100, -30, r, lw=4)


def img_sondage(cv):
    """A vote chart: four bars, each standing on one alternative, and people raising their hands."""
    r = cv.room
    ground(cv, 800, cv.light)
    cv.line([(150, 800), (1130, 800)], 8)
    bars = ((300, 420, r), (540, 280, shade(r, 0.3)), (780, 350, tint(r, 0.6)), (1020, 200, SAGE))
    for x, h, col in bars:
        cv.rect(x - 85, 800 - h, x + 85, 800, col, r=10)
    check(cv, 300, 320, 110, OCHRE)
    icons = (lambda x, y: basket(cv, x, y - 12, 96, full=True),
             lambda x, y: banknote(cv, x, y, 104, 56, SAGE),
             lambda x, y: house(cv, x, y + 38, 64, 84, WHITE, r),
             lambda x, y: handshake(cv, x, y + 4, 33, OCHRE, DENIM))
    for (x, _h, _col), draw in zip(bars, icons):
        cv.circle(x, 890, 74, PAPER)
        draw(x, 890)
    for i, (x, col) in enumerate(((1250, OCHRE), (1370, DENIM), (1490, ROSE))):
        base = 780 + (i % 2) * 30
        person(cv, x, base, 230, col, SKIN[i % 3], hands=[(x + 40, base - 300)])
    sun(cv, 180, 170, 34)
    cloud(cv, 1380, 160, 1.2)


def img_mur(cv):
    """A brick wall covered with notes, each one an alternative; someone sticks up a new one."""
    r = cv.room
    ground(cv, 840, tint(SAGE, 0.6))
    cv.rect(90, 120, 1250, 840, tint(WOOD, 0.45), r=6)
    for row, y in enumerate(range(120, 840, 60)):
        cv.line([(90, y), (1250, y)], 3, caps=False)
        for x in range(150 + (row % 2) * 60, 1250, 120):
            cv.line([(x, y), (x, y + 60)], 3, caps=False)
    notes = ((260, 270, OCHRE, -6), (560, 250, SKY, 4), (880, 280, ROSE, -3),
             (300, 590, SAGE, 5), (620, 610, WHITE, -5), (940, 580, OCHRE, 3))
    for x, y, col, tilt in notes:
        cv.poly(rot([(x - 115, y - 110), (x + 115, y - 110), (x + 115, y + 110), (x - 115, y + 110)], x, y, tilt),
                col)
        cv.circle(*rot([(x, y - 95)], x, y, tilt)[0], 14, RED, lw=3)
    vegetables(cv, 262, 330, 150)
    house(cv, 560, 320, 120, 150, WHITE, r)
    sun(cv, 880, 285, 42)
    bicycle(cv, 300, 630, 128, r)
    coin(cv, 620, 610, 62, mark="€")
    cv.ellipse(925, 640, 34, 26, INK, lw=0)
    cv.line([(955, 640), (955, 520), (1000, 545)], 10)
    cv.poly(rot([(1075, 350), (1255, 350), (1255, 530), (1075, 530)], 1165, 440, 8), tint(r, 0.5))
    cv.text(1165, 440, "?", 110, r)
    person(cv, 1420, 830, 330, DENIM, SKIN[1], hands=[(1245, 470)])


IMAGES = {
    ("origines-enclosures", "enclosures.png"): img_enclosures,
    ("origines-revolution-industrielle", "industrie.png"): img_industrie,
    ("origines-trois-economies", "marche.png"): img_marche,
    ("origines-trois-economies", "reciprocite.png"): img_reciprocite,
    ("origines-quiz", "quiz-origines.png"): img_quiz_origines,
    ("espoirs-associationnisme", "associationnisme.png"): img_associationnisme,
    ("espoirs-securite-sociale", "securite-sociale.png"): img_securite_sociale,
    ("espoirs-creches-parentales", "creches.png"): img_creches,
    ("espoirs-regies-de-quartier", "regies.png"): img_regies,
    ("espoirs-quiz", "quiz-espoirs.png"): img_quiz_espoirs,
    ("limites-frontieres-planetaires", "frontieres.png"): img_frontieres,
    ("limites-en-images", "economie-lineaire.png"): img_economie_lineaire,
    ("limites-en-images", "croissance-exponentielle.png"): img_croissance,
    ("limites-en-images", "couts-caches.png"): img_couts_caches,
    ("limites-pib-bien-etre", "pib.png"): img_pib,
    ("limites-pib-bien-etre", "bien-etre.png"): img_bien_etre,
    ("limites-quiz", "quiz-limites.png"): img_quiz_limites,
    ("alternatives-amap", "amap.png"): img_amap,
    ("alternatives-monnaies-locales", "monnaie-circuit.png"): img_monnaie_circuit,
    ("alternatives-monnaies-locales", "monnaie-billet.png"): img_monnaie_billet,
    ("alternatives-monnaies-locales", "monnaie-euro.png"): img_monnaie_euro,
    ("alternatives-finance-solidaire", "epargne-classique.png"): lambda cv: img_epargne(cv, False),
    ("alternatives-finance-solidaire", "epargne-solidaire.png"): lambda cv: img_epargne(cv, True),
    ("alternatives-habitat-participatif", "habitat.png"): img_habitat,
    ("alternatives-plateformes-cooperatives", "plateformes.png"): img_plateformes,
    ("alternatives-economie-solidaire", "ess.png"): img_ess,
    ("alternatives-quiz", "quiz-alternatives.png"): img_quiz_alternatives,
    ("alternatives-sondage", "sondage.png"): img_sondage,
    ("alternatives-mur", "mur.png"): img_mur,
}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out-root", default="exhibits",
                    help="folder holding the exhibit folders; a relative path is taken from the repository root")
    ap.add_argument("--only", nargs="*", metavar="FILE", help="draw only these images (e.g. amap.png)")
    args = ap.parse_args(argv)
    root = Path(args.out_root)
    root = root if root.is_absolute() else REPO / root
    start = time.perf_counter()
    for (exhibit, name), draw in IMAGES.items():
        if args.only and name not in args.only:
            continue
        cv = Canvas(exhibit.split("-")[0])
        draw(cv)
        out = root / exhibit / name
        cv.save(out)
        print(f"{exhibit}/{name}  {out.stat().st_size / 1024:.0f} KB")
    print(f"done in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()

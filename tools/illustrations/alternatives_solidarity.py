"""Room "alternatives", the solidarity economy in daily life: AMAP farm box,
participative housing, cooperative platforms, the ESS tree, the poll and the wall
of alternatives.
"""
from .palette import DENIM, GREY, INK, OCHRE, PAPER, RED, ROSE, SAGE, SKIN, SKY, WHITE, WOOD, shade, tint
from .geometry import bezier, polar, resample, rot
from .people import courier, group, person
from .buildings import barn, block, house
from .nature import cloud, field, garden_bed, ground, sun, tree
from .money import banknote, coin
from .objects import basket, bicycle, blocks_toy, vegetables
from .symbols import calendar, check, handshake


# ------------------------------------------------------------------ pieces only these pictures draw

def balcony_block(cv, x0, x1, top, base, color, floors=3, units=3):
    """Gabled building whose upper floors have balconies, some with residents."""
    cv.rect(x0, top, x1, base, tint(color, 0.3))
    cv.poly([(x0 - 30, top), ((x0 + x1) / 2, top - 90), (x1 + 30, top)], color)
    for f in range(floors):
        y = top + 20 + f * 145
        for u in range(units):
            x = x0 + 40 + u * (x1 - x0 - 40) / units
            cv.rect(x, y, x + 110, y + 110, SKY, lw=4)
            cv.rect(x + 120, y + 10, x + 175, y + 110, shade(color, 0.15), lw=4)
            if (f + u) % 2 == 0:
                person(cv, x + 75, y + 120, 90, (OCHRE, ROSE, SAGE)[u % 3], SKIN[(f + u) % 3])
            cv.rect(x - 10, y + 110, x + 200, y + 122, GREY, lw=4)
            for k in range(8):
                cv.line([(x + k * 26, y + 80), (x + k * 26, y + 110)], 4, caps=False)
            cv.line([(x - 10, y + 78), (x + 200, y + 78)], 5)


def laundry(cv, x0, x1, base, roof):
    """Small shared laundry: a gabled annex with two washing machines."""
    cv.rect(x0, base - 200, x1, base, tint(SKY, 0.6))
    cv.poly([(x0 - 20, base - 200), ((x0 + x1) / 2, base - 280), (x1 + 20, base - 200)], roof)
    for i in range(2):
        x = x0 + 40 + i * (x1 - x0 - 80) / 2
        cv.rect(x, base - 140, x + 90, base - 20, WHITE, lw=4, r=8)
        cv.circle(x + 45, base - 70, 30, SKY, lw=4)


def bike_shed(cv, x0, x1, base, roof):
    """Lean-to roof on two posts sheltering two bicycles."""
    for x in (x0 + 25, x1 - 25):
        cv.line([(x, base - 180), (x, base)], 10, WOOD)
    cv.poly([(x0, base - 190), (x1, base - 230), (x1, base - 190), (x0, base - 150)], roof)
    for i, col in enumerate((OCHRE, SKY)):
        bicycle(cv, x0 + 105 + i * 155, base - 35, 100, col)


def phone_with_coop_app(cv, x0, y0, color):
    """Smartphone whose big app icon is a ring of people."""
    cv.rect(x0, y0, x0 + 290, y0 + 640, INK, r=40)
    cv.rect(x0 + 20, y0 + 50, x0 + 270, y0 + 580, tint(color, 0.2), lw=0, r=12)
    for i in range(6):
        x, y = x0 + 50 + (i % 3) * 75, y0 + 90 + (i // 3) * 80
        cv.rect(x, y, x + 50, y + 50, tint(color, 0.45), 0, 10)
    cx, cy = x0 + 145, y0 + 375
    cv.rect(cx - 85, cy - 85, cx + 85, cy + 85, color, r=34)
    for k in range(6):
        cv.circle(*polar(cx, cy, 50, -90 + k * 60), 16, SKIN[k % 3], lw=3)
    cv.circle(cx, cy, 18, OCHRE, lw=3)
    cv.circle(cx, y0 + 610, 16, GREY, lw=3)


# ------------------------------------------------------------------ pictures

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
    ground(cv, 630, tint(WOOD, 0.35), lw=0)
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

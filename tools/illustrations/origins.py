"""Room "origines": the enclosures, the industrial revolution, and the market and
reciprocity of the three economies.
"""
from .palette import DENIM, GREY, INK, OCHRE, PAPER, RED, ROSE, SAGE, SKIN, SKY, WHITE, WOOD, shade, tint
from .geometry import arc_pts, bezier, polar, resample
from .people import person
from .buildings import chimney_stack, factory, house, manor
from .nature import ground, road, sheep, tree
from .money import coin, price_tag
from .objects import basket


# ------------------------------------------------------------------ pieces only these pictures draw

def fruit_pile(cv, x, y, w):
    for row, cols in enumerate(((RED, OCHRE, SAGE, RED, OCHRE), (SAGE, RED, OCHRE, SAGE))):
        for i, col in enumerate(cols):
            cv.circle(x - w * (0.4 - 0.1 * row) + i * w * 0.2, y - 22 - 34 * row, 22, col, lw=4)


def bread_pile(cv, x, y, w):
    for i in range(3):
        bx = x - w * 0.25 + i * w * 0.25
        cv.ellipse(bx, y - 24, w * 0.18, 22, OCHRE, lw=4)
        cv.line([(bx - 12, y - 32), (bx, y - 18)], 3)


def stall(cv, x, base, w, color, goods, seller=None):
    """Market stall: posts, striped scalloped awning, counter with goods."""
    top = base - 470
    for px in (x - w / 2 + 12, x + w / 2 - 12):
        cv.line([(px, base), (px, top)], 12, WOOD)
    n, sw = 6, (w + 40) / 6
    for i in range(n):
        sx, col = x - w / 2 - 20 + i * sw, color if i % 2 == 0 else PAPER
        cv.rect(sx, top, sx + sw, top + 80, col, lw=4)
        cv.pie(sx + sw / 2, top + 80, sw / 2, 0, 180, col, lw=4)
    if seller:
        person(cv, x + w * 0.25, base - 60, 280, DENIM, seller)
    cv.rect(x - w / 2, base - 170, x + w / 2, base, tint(WOOD, 0.6))
    goods(cv, x - (w * 0.12 if seller else 0), base - 170, w * (0.62 if seller else 1))


def granary(cv, x, base, color):
    cv.rect(x - 110, base - 170, x + 110, base, tint(OCHRE, 0.7), r=30)
    for y in (base - 120, base - 70):
        cv.line([(x - 100, y), (x + 100, y)], 4, caps=False)
    cv.poly([(x - 140, base - 160), (x, base - 290), (x + 140, base - 160)], color)
    cv.rect(x - 30, base - 80, x + 30, base, INK, lw=3, r=28)


def flywheel(cv, cx, cy, rad, color):
    """Steam-engine flywheel with its crank rod and cylinder (to the right)."""
    cv.rect(cx + 180, cy + 90, cx + 270, cy + 200, shade(GREY, 0.1))
    cv.circle(cx, cy, rad, shade(color, 0.25))
    cv.circle(cx, cy, rad * 0.8, tint(color, 0.2))
    for a in range(10, 370, 45):
        cv.tube([(cx, cy), polar(cx, cy, rad * 0.8, a)], 14, shade(color, 0.25), 4)
    cv.circle(cx, cy, 34, OCHRE)
    cv.tube([(cx + 80, cy + 50), (cx + 210, cy + 145)], 16, GREY)
    cv.circle(cx + 80, cy + 50, 14, OCHRE, lw=4)


def year_band(cv, x0, x1, y, first, last, color):
    """Timeline band: first year, arrow with ticks, last year."""
    cv.rect(x0, y - 30, x1, y + 30, color, r=30)
    cv.text(x0 + 110, y - 1, first, 44, PAPER)
    cv.text(x1 - 110, y - 1, last, 44, PAPER)
    a0, a1 = x0 + 220, x1 - 230
    cv.arrow([(a0, y), (a1, y)], 10, PAPER, lw=0)
    for i in range(1, 6):
        x = a0 + i * (a1 - a0 - 40) / 6
        cv.line([(x, y - 15), (x, y + 15)], 5, PAPER)


def bunting(cv, cx, cy, rx, ry, colors):
    """String of triangular flags hanging along an ellipse arc."""
    cv.line(arc_pts(cx, cy, rx, ry, 60, 120, 30), 4)
    for i, (x, y) in enumerate(resample(arc_pts(cx, cy, rx, ry, 62, 118, 30), 80)):
        cv.poly([(x - 26, y - 6), (x + 26, y - 6), (x, y + 44)], colors[i % len(colors)], lw=4)


# ------------------------------------------------------------------ pictures

def commons(cv, r):
    left, bottom = cv.left - 10, cv.bottom + 10
    cv.rect(left, cv.top - 10, 800, bottom, tint(SKY, 0.45), lw=0)
    cv.poly([(left, 405), (30, 400), (250, 370), (520, 395), (800, 380), (800, bottom), (left, bottom)], SAGE)
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
    right, bottom = cv.right + 10, cv.bottom + 10
    cv.rect(800, cv.top - 10, right, bottom, tint(SKY, 0.45), lw=0)
    for x in (1395, 1445, 1500):
        chimney_stack(cv, x, 400, 22, 110 + (x % 3) * 15, shade(r, 0.3))
    for i, x in enumerate((1375, 1425, 1475, 1520)):
        cv.rect(x - 30, 400 - 50 - (i % 2) * 30, x + 30, 400, shade(r, 0.15), lw=4)
    rows = ((400, 500, (800, 1020, 1260, right)), (500, 640, (800, 960, 1160, right)),
            (640, 800, (800, 900, 1200, right)), (800, bottom, (800, 1100, right)))
    fills = (SAGE, tint(OCHRE, 0.6), shade(SAGE, 0.12), tint(SAGE, 0.7))
    for j, (y0, y1, xs) in enumerate(rows):
        for i, (xa, xb) in enumerate(zip(xs, xs[1:])):
            cv.rect(xa, y0, xb, y1, fills[(i + j) % 4], lw=0)
    for j, (y0, y1, xs) in enumerate(rows):
        for x in xs[1:-1]:
            cv.tube([(x, y0), (x, y1)], 14, "#4F7A4C", lw=4)
        if j < 3:
            cv.tube([(800, y1), (right, y1)], 14, "#4F7A4C", lw=4)
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
    """Before and after, side by side: two halves bleeding off the picture, a paper seam between them."""
    boxes = ((cv.left - 40, cv.top - 40, 780, cv.bottom + 40), (820, cv.top - 40, cv.right + 40, cv.bottom + 40))
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
    ground(cv, 660, cv.light)  # the year band stays inside a card's crop of the bottom
    factory(cv, 560, 660, 900, 370, r, teeth=5, chimneys=3)
    flywheel(cv, 290, 460, 175, r)
    for row, base in enumerate((745, 810)):
        for i in range(15):
            person(cv, 110 + i * 92 + row * 46, base, 72, shade(r, 0.12 * row), SKIN[(i + row) % 3])
    year_band(cv, 80, 1520, 862, "1760", "1914", r)


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
    cv.backdrop(290)
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

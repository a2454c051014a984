"""Room "alternatives", the commons: a valley whose river and forest its neighbours
share (the picture of the game "la vallée partagée").
"""
from .palette import DENIM, GREY, OCHRE, RED, SAGE, SKIN, SKY, WHITE, WOOD, shade, tint
from .geometry import bezier, polar, resample
from .people import person
from .buildings import house, town_hall
from .nature import cloud, garden_bed, ground, road, sun, tree
from .objects import watering_can


# ------------------------------------------------------------------ pieces only these pictures draw

def fir(cv, x, base, h, color):
    """Conifer: a trunk under three stacked triangles."""
    cv.rect(x - 0.05 * h, base - 0.22 * h, x + 0.05 * h, base, WOOD, lw=4)
    for i, (w, top) in enumerate(((0.36, 0.55), (0.3, 0.78), (0.22, 1.0))):
        y = base - (0.18 + 0.24 * i) * h
        cv.poly([(x - w * h, y), (x, base - top * h), (x + w * h, y)], color, lw=4)


def log_pile(cv, x, base, r, rows=3):
    """Logs seen from their cut ends, stacked in a pyramid."""
    for row in range(rows):
        n = rows - row
        for i in range(n):
            cx = x + (i - (n - 1) / 2) * 2 * r
            cy = base - r - row * 1.75 * r
            cv.circle(cx, cy, r, tint(WOOD, 0.55), lw=4)
            cv.circle(cx, cy, r * 0.45, None, lw=3)


def saw_blade(cv, x, y, r):
    cv.poly([polar(x, y, r if i % 2 == 0 else r * 0.82, i * 15) for i in range(24)], GREY, lw=4)
    cv.circle(x, y, r * 0.25, shade(GREY, 0.3), lw=4)


def sawmill(cv, x, base, s, roof):
    """Plank shed with a round saw on its side and a pile of logs in front."""
    cv.rect(x - 0.55 * s, base - 0.55 * s, x + 0.55 * s, base, tint(WOOD, 0.35))
    for k in range(1, 5):
        px = x - 0.55 * s + k * 0.22 * s
        cv.line([(px, base - 0.55 * s), (px, base)], 3, caps=False)
    cv.poly([(x - 0.68 * s, base - 0.5 * s), (x - 0.1 * s, base - 0.88 * s), (x + 0.68 * s, base - 0.5 * s)], roof)
    saw_blade(cv, x + 0.7 * s, base - 0.32 * s, 0.26 * s)
    log_pile(cv, x - 0.2 * s, base + 0.04 * s, 0.13 * s)


def canoe(cv, x, y, s, hull, paddler, skin):
    """Canoe on the water, (x, y) the middle of its waterline, with a paddler."""
    cv.tube([(x + 0.05 * s, y - 0.55 * s), (x + 0.62 * s, y + 0.28 * s)], 0.05 * s, WOOD, lw=4)
    cv.ellipse(x + 0.66 * s, y + 0.33 * s, 0.07 * s, 0.12 * s, WOOD, lw=4)
    cv.rect(x - 0.14 * s, y - 0.48 * s, x + 0.14 * s, y, paddler, r=0.12 * s)
    cv.circle(x, y - 0.6 * s, 0.12 * s, skin)
    cv.circle(x + 0.22 * s, y - 0.22 * s, 0.055 * s, skin, lw=4)
    hull_pts = ([(x - 0.75 * s, y - 0.22 * s)] + bezier((x - 0.65 * s, y), (x, y + 0.22 * s), (x + 0.65 * s, y), 16)
                + [(x + 0.75 * s, y - 0.22 * s)])
    cv.poly(hull_pts, hull)


def sash(cv, x, base, h):
    """A mayor's blue-white-red sash across the body of a standing person (people.person)."""
    top, low = (x - 0.3 * h, base - 0.62 * h), (x + 0.3 * h, base - 0.12 * h)
    with cv.clip((x - 0.2 * h, base - 0.58 * h, x + 0.2 * h, base), r=0.17 * h):
        for off, col in ((-0.06, DENIM), (0, WHITE), (0.06, RED)):
            cv.line([(top[0] + off * h, top[1] - off * h), (low[0] + off * h, low[1] - off * h)],
                    0.07 * h, col, caps=False)
    cv.rect(x - 0.2 * h, base - 0.58 * h, x + 0.2 * h, base, None, r=0.17 * h)


def river(cv, pts, w0, w1):
    """River along the curve through `pts` (smoothed), its width growing from w0 to w1."""
    centre = [pts[0]]
    for a, b, c in zip(pts, pts[1:], pts[2:]):
        centre += bezier(((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), b, ((b[0] + c[0]) / 2, (b[1] + c[1]) / 2), 12)
    centre.append(pts[-1])
    road(cv, resample(centre, 8), w0, w1, SKY)


# ------------------------------------------------------------------ pictures

def img_vallee(cv):
    """A valley from the side: forest on one slope, village on the other, the river between;
    its four users stand around one table in front."""
    r = cv.room
    cloud(cv, 480, 120, 1.0)
    sun(cv, 1010, 240, 46)
    far = [(cv.left - 10, 380), (300, 280), (620, 340), (860, 260), (1150, 320), (1420, 250),
           (cv.right + 10, 300), (cv.right + 10, 700), (cv.left - 10, 700)]
    cv.poly(far, cv.light, lw=4)
    ground(cv, 520, tint(SAGE, 0.55))
    river(cv, [(782, 556), (800, 620), (690, 690), (500, 790), (350, cv.bottom + 80)], 16, 340)
    # the forest slope, on the left, and the village slope, on the right: the river springs between them
    cv.poly([(cv.left - 10, 170), (160, 170), (420, 300), (810, 570), (cv.left - 10, 640)], r)
    cv.poly([(cv.right + 10, 300), (1330, 320), (1050, 440), (750, 570), (cv.right + 10, 570)], tint(r, 0.55))
    trees = ((70, 270, 170, "f"), (190, 250, 150, "t"), (300, 340, 170, "f"), (130, 390, 160, "t"),
             (420, 400, 150, "f"), (250, 460, 170, "t"), (540, 490, 140, "f"), (60, 510, 170, "f"))
    for x, base, h, kind in trees:
        if kind == "f":
            fir(cv, x, base, h, shade(SAGE, 0.2))
        else:
            tree(cv, x, base, h, SAGE, lw=4)
    for x, base, w, h, wall in ((1160, 400, 90, 120, WHITE), (1480, 340, 90, 120, tint(OCHRE, 0.5))):
        house(cv, x, base, w, h, wall, shade(r, 0.2))
    town_hall(cv, 1320, 390, 170, r)
    for x, y in ((1010, 470), (1140, 445)):
        garden_bed(cv, x, y, 120)
    sawmill(cv, 330, 620, 230, shade(r, 0.3))
    canoe(cv, 600, 725, 150, RED, OCHRE, SKIN[0])
    valley_users(cv, 1170, 800, 250)


def valley_users(cv, cx, base, h):
    """The valley's four users behind one table, each with the sign of their use:
    a watering can, a mayor's sash, a paddle, an axe."""
    xs = [cx + (i - 1.5) * 0.78 * h for i in range(4)]
    top, front = base - 0.2 * h, base + 0.02 * h
    gardener, mayor, canoeist, sawyer = xs
    can_hand = (gardener - 0.42 * h, base - 0.62 * h)
    person(cv, gardener, base, h, cv.room, SKIN[1], hands=[can_hand])
    watering_can(cv, can_hand[0] + 0.02 * h, can_hand[1] + 0.21 * h, 0.4 * h)
    rest = [(x + (0.2 * h if x < cx else -0.2 * h), top + 0.07 * h) for x in xs[1:]]
    person(cv, mayor, base, h, DENIM, SKIN[0], hands=[rest[0]])
    sash(cv, mayor, base, h)
    paddle_hand = (canoeist + 0.36 * h, base - 0.5 * h)
    cv.tube([(paddle_hand[0], base - 0.2 * h), (paddle_hand[0], base - 1.05 * h)], 0.05 * h, WOOD, lw=4)
    cv.rect(paddle_hand[0] - 0.08 * h, base - 1.32 * h, paddle_hand[0] + 0.08 * h, base - 0.98 * h, RED, lw=4,
            r=0.08 * h)
    person(cv, canoeist, base, h, OCHRE, SKIN[2], hands=[paddle_hand, rest[1]])
    axe_hand = (sawyer + 0.34 * h, base - 0.44 * h)
    cv.tube([(axe_hand[0] + 0.04 * h, base - 0.32 * h), (sawyer + 0.16 * h, base - 1.08 * h)], 0.05 * h, WOOD, lw=4)
    blade = [(sawyer + 0.16 * h, base - 1.12 * h), (sawyer - 0.08 * h, base - 1.2 * h),
             (sawyer - 0.12 * h, base - 0.92 * h), (sawyer + 0.12 * h, base - 0.96 * h)]
    cv.poly(blade, GREY, lw=4)
    person(cv, sawyer, base, h, RED, SKIN[1], hands=[axe_hand, rest[2]])
    # the table, and on it a sketch of the valley they share
    x0, x1 = xs[0] - 0.5 * h, xs[-1] + 0.5 * h
    cv.poly([(x0 + 0.1 * h, top), (x1 - 0.1 * h, top), (x1, front), (x0, front)], tint(WOOD, 0.5))
    cv.rect(x0, front, x1, front + 0.1 * h, WOOD)
    for lx in (x0 + 0.12 * h, x1 - 0.22 * h):
        cv.rect(lx, front + 0.1 * h, lx + 0.1 * h, front + 0.55 * h, shade(WOOD, 0.2), lw=4)
    cv.poly([(cx - 0.6 * h, top + 0.03 * h), (cx + 0.6 * h, top + 0.03 * h), (cx + 0.66 * h, front - 0.03 * h),
             (cx - 0.66 * h, front - 0.03 * h)], WHITE, lw=4)
    cv.line(resample(bezier((cx - 0.05 * h, top + 0.03 * h), (cx + 0.3 * h, top + 0.1 * h),
                            (cx + 0.05 * h, front - 0.03 * h)), 4), 0.05 * h, SKY, caps=False)
    for dx in (-0.45, -0.28):
        cv.blob([(cx + dx * h, top + 0.1 * h, 0.05 * h)], SAGE, lw=3)
    for (x, y), skin in zip(rest, (SKIN[0], SKIN[2], SKIN[1])):
        cv.circle(x, y, 0.065 * h, skin, lw=4)

"""The pictures of the two role-play games: the village's public meeting about its
cooperative grocery (room "alternatives") and a régie de quartier's general meeting
(room "espoirs"). Each shows the roles of its game, with the signs a player recognises.
"""
from .palette import DENIM, GREY, INK, OCHRE, RED, ROSE, SAGE, SKIN, SKY, WHITE, WOOD, mix, shade, tint
from .geometry import bezier, polar
from .people import person
from .buildings import block, house, shop, town_hall
from .nature import cloud, ground, tree
from .objects import basket, broom, key, vegetables
from .alternatives_commons import sash

ORANGE = mix(OCHRE, RED, 0.45)  # a worker's high-visibility vest


# ------------------------------------------------------------------ pieces only these pictures draw

def church(cv, x, base, s, color):
    """Village church: a nave with a round window, and a bell tower with a pointed spire."""
    cv.rect(x - 0.1 * s, base - 0.55 * s, x + 0.75 * s, base, tint(color, 0.3))
    cv.poly([(x - 0.16 * s, base - 0.55 * s), (x + 0.32 * s, base - 0.85 * s), (x + 0.81 * s, base - 0.55 * s)],
            shade(color, 0.25))
    cv.circle(x + 0.32 * s, base - 0.66 * s, 0.07 * s, SKY, lw=4)
    cv.rect(x - 0.28 * s, base - 1.0 * s, x + 0.05 * s, base, tint(color, 0.45))
    cv.poly([(x - 0.33 * s, base - 1.0 * s), (x - 0.115 * s, base - 1.55 * s), (x + 0.1 * s, base - 1.0 * s)],
            shade(color, 0.25))
    cv.rect(x - 0.18 * s, base - 0.88 * s, x - 0.05 * s, base - 0.7 * s, INK, lw=0, r=0.06 * s)
    cv.rect(x - 0.2 * s, base - 0.3 * s, x - 0.03 * s, base, WOOD, lw=4, r=0.08 * s)


def sign_basket(cv, x, y, r):
    """A grocery's sign: a basket of vegetables."""
    basket(cv, x, y - 0.05 * r, 1.1 * r)


def string_of_lights(cv, a, b, sag, n=9):
    """Festoon of bulbs hanging between two points."""
    mid = ((a[0] + b[0]) / 2, max(a[1], b[1]) + sag)
    pts = bezier(a, mid, b, 40)
    cv.line(pts, 4)
    for i in range(1, n + 1):
        x, y = pts[round(i * 40 / (n + 1))]
        cv.ellipse(x, y + 14, 9, 12, (OCHRE, WHITE, RED)[i % 3], lw=3)


def boarded_door(cv, x0, x1, top, base):
    """Two planks nailed across a closed shop's door."""
    for a, b in (((x0 - 8, top + 20), (x1 + 8, base - 30)), ((x0 - 8, base - 30), (x1 + 8, top + 20))):
        cv.tube([a, b], 14, tint(WOOD, 0.6), lw=4)


def pole(cv, x, base, top):
    cv.rect(x - 7, top, x + 7, base, WOOD, lw=4)


def raised_hand(x, base, h, side=1):
    """Where a standing person's hand is when they raise it to vote."""
    return x + side * 0.28 * h, base - 1.08 * h


def card(cv, hand, h, color):
    """A voting card held up in a raised hand."""
    x, y = hand
    cv.rect(x - 0.11 * h, y - 0.3 * h, x + 0.11 * h, y - 0.04 * h, color, lw=4, r=0.02 * h)


def apron(cv, x, base, h):
    cv.rect(x - 0.15 * h, base - 0.42 * h, x + 0.15 * h, base - 0.02 * h, WHITE, lw=4, r=0.04 * h)
    cv.line([(x - 0.1 * h, base - 0.42 * h), (x - 0.1 * h, base - 0.58 * h)], 4, caps=False)
    cv.line([(x + 0.1 * h, base - 0.42 * h), (x + 0.1 * h, base - 0.58 * h)], 4, caps=False)


def vest(cv, x, base, h):
    """Reflective stripes across the body of a person dressed in ORANGE."""
    with cv.clip((x - 0.2 * h, base - 0.58 * h, x + 0.2 * h, base), r=0.17 * h):
        for y in (0.36, 0.2):
            cv.rect(x - 0.25 * h, base - (y + 0.04) * h, x + 0.25 * h, base - y * h, tint(GREY, 0.7), lw=3)
    cv.rect(x - 0.2 * h, base - 0.58 * h, x + 0.2 * h, base, None, r=0.17 * h)


def crate(cv, x, y, s):
    """Wooden crate of vegetables; (x, y) the middle of its top edge."""
    vegetables(cv, x - 0.1 * s, y + 0.05 * s, 0.6 * s)
    vegetables(cv, x + 0.25 * s, y + 0.05 * s, 0.5 * s)
    cv.rect(x - 0.5 * s, y, x + 0.5 * s, y + 0.4 * s, tint(WOOD, 0.6), lw=4)
    for t in (0.13, 0.27):
        cv.line([(x - 0.5 * s, y + t * s), (x + 0.5 * s, y + t * s)], 3, caps=False)


def cap(cv, x, base, h, color):
    """A cap on the head of a standing person (people.person)."""
    cy = base - 0.84 * h
    cv.pie(x, cy, 0.15 * h, 180, 360, color, lw=4)
    cv.rect(x - 0.02 * h, cy - 0.02 * h, x + 0.26 * h, cy + 0.03 * h, color, lw=4, r=0.02 * h)


def folder(cv, x, y, s, color=DENIM):
    cv.rect(x - 0.35 * s, y - 0.25 * s, x + 0.35 * s, y + 0.25 * s, color, lw=4, r=0.04 * s)
    cv.rect(x - 0.35 * s, y - 0.32 * s, x - 0.05 * s, y - 0.2 * s, color, lw=4, r=0.03 * s)


def paper_list(cv, x, y, s):
    """A sheet with written lines, held up."""
    cv.rect(x - 0.3 * s, y - 0.45 * s, x + 0.3 * s, y + 0.4 * s, WHITE, lw=4, r=0.03 * s)
    for k in range(4):
        yy = y - 0.28 * s + k * 0.18 * s
        cv.line([(x - 0.18 * s, yy), (x + 0.18 * s - (k % 2) * 0.1 * s, yy)], 3)


def bell(cv, x, y, s):
    """Hand bell, its handle at (x, y)."""
    cv.rect(x - 0.05 * s, y - 0.05 * s, x + 0.05 * s, y + 0.3 * s, WOOD, lw=3, r=0.03 * s)
    cv.poly([(x - 0.12 * s, y + 0.3 * s), (x + 0.12 * s, y + 0.3 * s), (x + 0.3 * s, y + 0.72 * s),
             (x - 0.3 * s, y + 0.72 * s)], OCHRE, lw=4)
    cv.circle(x, y + 0.8 * s, 0.07 * s, shade(OCHRE, 0.3), lw=3)
    for side in (-1, 1):
        cv.arc(x + side * 0.45 * s, y + 0.45 * s, 0.12 * s, 110 if side < 0 else -70, 250 if side < 0 else 70,
               3)


def ballot_box(cv, x, base, s):
    """Clear ballot box with folded ballots inside, and one going in its slot."""
    cv.rect(x - 0.4 * s, base - 0.6 * s, x + 0.4 * s, base, tint(SKY, 0.6), lw=4, r=0.03 * s)
    for i, (dx, dy) in enumerate(((-0.2, 0.12), (0.05, 0.08), (0.22, 0.15))):
        cv.rect(x + (dx - 0.1) * s, base - (dy + 0.08) * s, x + (dx + 0.1) * s, base - dy * s, WHITE, lw=3)
    cv.rect(x - 0.45 * s, base - 0.68 * s, x + 0.45 * s, base - 0.6 * s, GREY, lw=4)
    cv.rect(x - 0.12 * s, base - 0.9 * s, x + 0.12 * s, base - 0.64 * s, WHITE, lw=3)


def hat_of_lots(cv, x, base, s):
    """A hat upside down, full of folded slips to draw."""
    cv.pie(x, base - 0.3 * s, 0.38 * s, 0, 180, shade(WOOD, 0.3), lw=4)
    for dx, dy, a in ((-0.15, 0.38, -8), (0.02, 0.45, 10), (0.17, 0.36, -4)):
        cv.rect(x + (dx - 0.08) * s, base - (dy + 0.06) * s, x + (dx + 0.08) * s, base - (dy - 0.06) * s,
                WHITE, lw=3)
    cv.ellipse(x, base - 0.3 * s, 0.55 * s, 0.08 * s, shade(WOOD, 0.1), lw=4)
    with cv.clip((x - 0.4 * s, base - 0.22 * s, x + 0.4 * s, base - 0.12 * s)):
        cv.pie(x, base - 0.3 * s, 0.38 * s, 0, 180, RED, lw=0)


def graffiti(cv, x, y, s):
    """Sprayed loops on a wall."""
    loops = [(x + i * 0.3 * s, y + (i % 2) * 0.1 * s) for i in range(4)]
    for i, (lx, ly) in enumerate(loops):
        cv.arc(lx, ly, 0.12 * s, 120, 420, 0.05 * s, (RED, SKY, SAGE, ROSE)[i])


def table(cv, x0, x1, top, h):
    """A trestle table seen from the front, its top at `top`."""
    cv.rect(x0, top, x1, top + 0.1 * h, tint(WOOD, 0.45))
    for lx in (x0 + 0.12 * h, x1 - 0.22 * h):
        cv.rect(lx, top + 0.1 * h, lx + 0.1 * h, top + 0.55 * h, shade(WOOD, 0.2), lw=4)


# ------------------------------------------------------------------ pictures

def img_epicerie(cv):
    """A village square on meeting night: church, town hall and the closed grocery behind;
    the six roles of the game around a table in front, three of them voting."""
    r = cv.room
    cloud(cv, 620, 120, 0.9)
    cloud(cv, 1330, 110, 0.8)
    hills = [(cv.left - 10, 330), (360, 250), (760, 300), (1120, 230), (cv.right + 10, 290),
             (cv.right + 10, 600), (cv.left - 10, 600)]
    cv.poly(hills, cv.light, lw=4)
    ground(cv, 540, tint(SAGE, 0.3))
    tree(cv, 90, 545, 230, SAGE)
    church(cv, 330, 545, 300, OCHRE)
    house(cv, 690, 545, 150, 190, tint(ROSE, 0.5), shade(r, 0.2))
    shop(cv, 960, 545, 270, 280, r, sign_basket)
    boarded_door(cv, 960 + 0.1 * 270, 960 + 0.36 * 270, 545 - 0.38 * 280, 545)
    town_hall(cv, 1330, 545, 240, r)
    tree(cv, 1540, 545, 200, shade(SAGE, 0.15))
    pole(cv, 140, 640, 330)
    pole(cv, 1470, 640, 300)
    string_of_lights(cv, (140, 335), (1470, 305), 70, 13)
    meeting_of_the_village(cv, 800, 890, 235)


def meeting_of_the_village(cv, cx, base, h):
    """The grocery game's six roles behind one table: the mayor, the retired grocer, the young
    market gardener, the father and his child, the newcomer, the opposition councillor."""
    gap = 0.98 * h
    xs = [cx + (i - 2.5) * gap for i in range(6)]
    mayor, grocer, farmer, father, newcomer, councillor = xs
    top = base - 0.22 * h
    rest = lambda x, side: (x + side * 0.2 * h, top + 0.06 * h)  # noqa: E731  a hand resting on the table
    vote = raised_hand(mayor, base, h, -1)
    person(cv, mayor, base, h, DENIM, SKIN[1], hands=[vote, rest(mayor, 1)])
    sash(cv, mayor, base, h)
    stick = (grocer - 0.36 * h, base - 0.45 * h)
    cv.line([stick, (grocer - 0.42 * h, base)], 0.05 * h, WOOD)
    person(cv, grocer, base, h, GREY, SKIN[0], hands=[stick, rest(grocer, 1)])
    apron(cv, grocer, base, h)
    cv.arc(grocer, base - 0.78 * h, 0.15 * h, 190, 350, 0.07 * h, WHITE)
    vote = raised_hand(farmer, base, h, 1)
    person(cv, farmer, base, h, SAGE, SKIN[2], hands=[vote, rest(farmer, -1)])
    child = father + 0.42 * h
    person(cv, father, base, h, OCHRE, SKIN[1], hands=[rest(father, -1), (child - 0.1 * h, base - 0.52 * h)])
    person(cv, child, base + 0.02 * h, 0.55 * h, RED, SKIN[1])
    vote = raised_hand(newcomer, base, h, 1)
    person(cv, newcomer, base, h, ROSE, SKIN[0], hands=[rest(newcomer, -1), vote])
    person(cv, councillor, base, h, shade(DENIM, 0.35), SKIN[2], hands=[rest(councillor, -1)])
    # arms folded: the councillor has not made up his mind
    cv.tube([(councillor - 0.15 * h, base - 0.4 * h), (councillor + 0.15 * h, base - 0.36 * h)], 0.1 * h,
            shade(DENIM, 0.35), lw=4)
    table(cv, xs[0] - 0.5 * h, xs[-1] + 0.5 * h, top, h)
    crate(cv, farmer + 0.45 * h, top - 0.2 * h, 0.55 * h)
    for x, skin in ((rest(mayor, 1)[0], SKIN[1]), (rest(grocer, 1)[0], SKIN[0]), (rest(farmer, -1)[0], SKIN[2]),
                    (rest(father, -1)[0], SKIN[1]), (rest(newcomer, -1)[0], SKIN[0]),
                    (rest(councillor, -1)[0], SKIN[2])):
        cv.circle(x, top + 0.06 * h, 0.065 * h, skin, lw=4)
    for x in ((mayor + grocer) / 2, (father + newcomer) / 2 + 0.1 * h):
        cv.rect(x - 0.18 * h, top + 0.01 * h, x + 0.18 * h, top + 0.08 * h, WHITE, lw=3)


def img_assemblee(cv):
    """A régie de quartier's general meeting at the foot of its blocks: the six roles of
    the game, three green voting cards and a red one, a ballot box and a hat for lots."""
    r = cv.room
    cloud(cv, 1380, 150, 1.0)
    ground(cv, 560, cv.light)
    block(cv, 70, 560, 300, 430, tint(r, 0.55), 3, 5)
    block(cv, 420, 560, 250, 330, shade(r, 0.1), 3, 4)
    block(cv, 720, 560, 300, 470, tint(r, 0.3), 3, 6)
    block(cv, 1070, 560, 240, 360, tint(ROSE, 0.6), 2, 4)
    for x0, x1 in ((480, 610), (820, 920)):
        cv.rect(x0 + 20, 480, x1 - 20, 560, shade(r, 0.35), lw=4)
    graffiti(cv, 470, 470, 130)
    tree(cv, 1420, 565, 260)
    tree(cv, 1530, 565, 190, shade(SAGE, 0.15))
    meeting_of_the_regie(cv, 800, 900, 235)


def meeting_of_the_regie(cv, cx, base, h):
    """The régie game's six roles: the tenants' activist, the worker, the chair at the table,
    the landlord's representative, the deputy mayor, and the young man a little apart."""
    xs = [cx - 2.6 * h, cx - 1.65 * h, cx, cx + 1.05 * h, cx + 1.95 * h, cx + 3.05 * h]
    tenants, worker, chair, landlord, deputy, young = xs
    hand = raised_hand(tenants, base, h, -1)
    person(cv, tenants, base, h, RED, SKIN[2], hands=[hand, raised_hand(tenants, base, h, 1)])
    paper_list(cv, hand[0], hand[1] - 0.05 * h, 0.32 * h)
    card(cv, raised_hand(tenants, base, h, 1), h, SAGE)
    broom_hand = (worker + 0.32 * h, base - 0.5 * h)
    broom(cv, broom_hand, 0.7 * h)
    hand = raised_hand(worker, base, h, -1)
    person(cv, worker, base, h, ORANGE, SKIN[1], hands=[hand, broom_hand])
    vest(cv, worker, base, h)
    card(cv, hand, h, SAGE)
    # the chair stands behind the table, ringing the bell
    bell_hand = (chair + 0.34 * h, base - 1.1 * h)
    person(cv, chair, base - 0.05 * h, h, SAGE, SKIN[0], hands=[bell_hand])
    bell(cv, bell_hand[0], bell_hand[1], 0.5 * h)
    cv.circle(*bell_hand, 0.065 * h, SKIN[0])
    cv.arc(chair, base - 0.83 * h, 0.15 * h, 190, 350, 0.07 * h, GREY)
    top = base - 0.2 * h
    table(cv, chair - 0.8 * h, chair + 0.8 * h, top, h)
    ballot_box(cv, chair - 0.5 * h, top, 0.4 * h)
    hat_of_lots(cv, chair + 0.5 * h, top, 0.4 * h)
    hand = raised_hand(landlord, base, h, -1)
    file_hand = (landlord + 0.3 * h, base - 0.42 * h)
    person(cv, landlord, base, h, DENIM, SKIN[1], hands=[file_hand, hand])
    folder(cv, landlord + 0.3 * h, base - 0.36 * h, 0.34 * h)
    key(cv, file_hand[0] + 0.02 * h, file_hand[1] + 0.2 * h, 0.3 * h)
    card(cv, hand, h, RED)
    hand = raised_hand(deputy, base, h, 1)
    person(cv, deputy, base, h, shade(DENIM, 0.35), SKIN[2], hands=[hand])
    sash(cv, deputy, base, h)
    card(cv, hand, h, SAGE)
    person(cv, young, base + 0.05 * h, 0.95 * h, OCHRE, SKIN[1])
    cap(cv, young, base + 0.05 * h, 0.95 * h, RED)

"""Room "alternatives", money: a local currency (its circuit, its banknote, where the
euros behind it go) and savings, classic or solidarity-based.
"""
from .palette import DENIM, GREY, OCHRE, PAPER, RED, SAGE, SKIN, SKY, WHITE, shade, tint
from .geometry import arc_pts, bezier, polar, resample
from .people import group, person
from .buildings import barn, block, factory, house, shop, sign_bike, sign_book, sign_bread, skyscraper, vault
from .nature import ground, leaf, road, sun, tree
from .money import banknote, coin, piggy
from .objects import gear, solar_panel, wind_turbine


# ------------------------------------------------------------------ pieces only these pictures draw

def stock_chart(cv, x0, y0, x1, y1):
    """Framed stock chart: candlesticks and a zigzag rising arrow."""
    cv.rect(x0, y0, x1, y1, WHITE, r=14)
    values = (0.1, 0.3, 0.2, 0.45, 0.35, 0.6, 0.5, 0.75, 0.65, 0.95)
    pts = [(x0 + 30 + i * (x1 - x0 - 60) / 9, y1 - 30 - v * (y1 - y0 - 60)) for i, v in enumerate(values)]
    for i, (x, y) in enumerate(pts[1:]):
        cv.rect(x - 8, y - 20, x + 8, y + 20, SAGE if i % 2 == 0 else RED, lw=3)
    cv.arrow(pts, 10, RED, lw=4)


# ------------------------------------------------------------------ pictures

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

"""The four quiz pictures: a big question mark drawn with each room's own symbols
(gears and coins, linked people, a thermometer, leaves).
"""
import math

from .palette import OCHRE, RED, SAGE, SKIN, WHITE, WOOD, shade, tint
from .geometry import qmark_path, resample
from .people import person
from .nature import globe, leaf
from .money import coin
from .objects import gear


def img_quiz_origines(cv):
    r = cv.room
    cv.backdrop()
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


def img_quiz_espoirs(cv):
    r = cv.room
    cv.backdrop()
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


def img_quiz_limites(cv):
    r = cv.room
    cv.backdrop()
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


def img_quiz_alternatives(cv):
    r = cv.room
    cv.backdrop()
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

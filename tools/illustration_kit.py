"""Drawing kit for the Musée du Kapitalisme kiosk illustrations.

Shared palette, a supersampled canvas and small pictogram helpers (people,
houses, trees, coins, arrows, factories...) used by make_illustrations.py.
The images drawn with this kit are CC BY-SA 4.0, made for the project.

All coordinates are in final-image pixels (1600x1000); the canvas draws at
SS times that size and downsamples with LANCZOS when saving.
"""
import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

W, H, SS = 1600, 1000, 2
LW = 5  # outline width
INK, PAPER = "#1F1A17", "#F6F1E7"
OCHRE, SAGE, SKY, ROSE = "#E0A526", "#8DB58A", "#9CC3E4", "#E8A49A"
ROOMS = {"origines": "#8C2F39", "espoirs": "#9A4A0B",
         "limites": "#2F5D8C", "alternatives": "#2E6B3F"}
SKIN = (ROSE, "#C68B59", "#8A5A3C")
WOOD, GREY, WHITE = "#7A4E35", "#B9B1A6", "#FFFDF8"
FONT = Path(__file__).resolve().parent.parent / "media" / "fonts" / "NotoSans-Bold.ttf"
FRAME = 22  # inset of the frame line


def rgb(c):
    return tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) if isinstance(c, str) else c


def mix(a, b, t):
    a, b = rgb(a), rgb(b)
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def tint(c, t=0.2):
    return mix(PAPER, c, t)


def shade(c, t=0.3):
    return mix(c, INK, t)


def arc_pts(cx, cy, rx, ry, a0, a1, n=40):
    """Points on an ellipse arc, angles in degrees, clockwise (y down)."""
    return [(cx + rx * math.cos(math.radians(a0 + (a1 - a0) * i / n)),
             cy + ry * math.sin(math.radians(a0 + (a1 - a0) * i / n))) for i in range(n + 1)]


def bezier(p0, p1, p2, n=24):
    return [((1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t * t * p2[0],
             (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t * t * p2[1])
            for t in (i / n for i in range(n + 1))]


def path_len(pts):
    return sum(math.dist(a, b) for a, b in zip(pts, pts[1:]))


def resample(pts, step):
    """Evenly spaced points along a polyline (about every `step` px)."""
    total = path_len(pts)
    n = max(1, round(total / step))
    out, seg, acc = [], 0, 0.0
    for k in range(n + 1):
        target = total * k / n
        while seg < len(pts) - 2 and acc + math.dist(pts[seg], pts[seg + 1]) < target:
            acc += math.dist(pts[seg], pts[seg + 1])
            seg += 1
        a, b = pts[seg], pts[seg + 1]
        t = min(1.0, (target - acc) / max(1e-9, math.dist(a, b)))
        out.append((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))
    return out


def trim_end(pts, length):
    """Cut `length` px off the end of a polyline."""
    pts = list(pts)
    while len(pts) > 2 and math.dist(pts[-1], pts[-2]) <= length:
        length -= math.dist(pts[-1], pts[-2])
        pts.pop()
    (ax, ay), (bx, by) = pts[-2], pts[-1]
    d = math.dist(pts[-2], pts[-1]) or 1
    t = max(0.0, (d - length) / d)
    pts[-1] = (ax + (bx - ax) * t, ay + (by - ay) * t)
    return pts


def rot(pts, cx, cy, deg):
    a = math.radians(deg)
    c, s = math.cos(a), math.sin(a)
    return [(cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c) for x, y in pts]


class Canvas:
    """A 1600x1000 drawing surface, supersampled, with ink-outlined primitives."""

    def __init__(self, room, bg=PAPER):
        self.room_id, self.room = room, ROOMS[room]
        self.im = Image.new("RGB", (W * SS, H * SS), rgb(bg))
        self.d = ImageDraw.Draw(self.im)
        self.fonts = {}

    @staticmethod
    def _xy(pts):
        return [(x * SS, y * SS) for x, y in pts]

    def _box(self, x0, y0, x1, y1, grow=0):
        return [(x0 - grow) * SS, (y0 - grow) * SS, (x1 + grow) * SS, (y1 + grow) * SS]

    def poly(self, pts, fill, lw=LW):
        p = self._xy(pts)
        if fill is not None:
            self.d.polygon(p, fill=rgb(fill))
        if lw:
            self.d.line(p + p[:2], fill=rgb(INK), width=round(lw * SS), joint="curve")

    def ellipse(self, cx, cy, rx, ry, fill, lw=LW):
        box = self._box(cx - rx, cy - ry, cx + rx, cy + ry, lw / 2)
        self.d.ellipse(box, fill=rgb(fill) if fill else None,
                       outline=rgb(INK) if lw else None, width=round(lw * SS))

    def circle(self, cx, cy, r, fill, lw=LW):
        self.ellipse(cx, cy, r, r, fill, lw)

    def rect(self, x0, y0, x1, y1, fill, lw=LW, r=0):
        r = min(r, (x1 - x0) / 2, (y1 - y0) / 2)
        box = self._box(x0, y0, x1, y1, lw / 2)
        self.d.rounded_rectangle(box, radius=(r + lw / 2) * SS, fill=rgb(fill) if fill else None,
                                 outline=rgb(INK) if lw else None, width=round(lw * SS))

    def line(self, pts, w, fill=INK, caps=True):
        p = self._xy(pts)
        self.d.line(p, fill=rgb(fill), width=round(w * SS), joint="curve")
        if caps:
            for x, y in (pts[0], pts[-1]):
                self.d.ellipse(self._box(x, y, x, y, w / 2), fill=rgb(fill))

    def dashed(self, pts, w, dash=18, gap=14, fill=INK):
        ps = resample(pts, 2)
        run, on, start = 0.0, True, 0
        for i in range(1, len(ps)):
            run += math.dist(ps[i - 1], ps[i])
            if run >= (dash if on else gap):
                if on:
                    self.line(ps[start:i + 1], w, fill)
                on, run, start = not on, 0.0, i
        if on and start < len(ps) - 1:
            self.line(ps[start:], w, fill)

    def tube(self, pts, w, fill, lw=LW):
        """A thick stroke with an ink outline and round ends."""
        if lw:
            self.line(pts, w + 2 * lw, INK)
        self.line(pts, w, fill)

    def arrow(self, pts, w, fill, lw=LW, head=2.4):
        """Outlined arrow along a polyline; the head sits on the last point."""
        hl, hw = w * head, w * 1.7
        (ax, ay), (bx, by) = trim_end(pts, hl)[-1], pts[-1]
        d = math.dist((ax, ay), (bx, by)) or 1
        ux, uy = (bx - ax) / d, (by - ay) / d
        bx0, by0 = bx - ux * hl, by - uy * hl
        tri = [(bx, by), (bx0 - uy * hw, by0 + ux * hw), (bx0 + uy * hw, by0 - ux * hw)]
        shaft = trim_end(pts, hl * 0.8)
        for col, grow, width in ((INK, lw, w + 2 * lw), (fill, 0, w)):
            if col == INK and not lw:
                continue
            self.line(shaft, width, col, caps=False)
            x, y = shaft[0]
            self.d.ellipse(self._box(x, y, x, y, width / 2), fill=rgb(col))
            self.poly(tri, col, lw=2 * grow if grow else 0)

    def pie(self, cx, cy, r, a0, a1, fill, lw=LW):
        self.d.pieslice(self._box(cx - r, cy - r, cx + r, cy + r, lw / 2), a0, a1, fill=rgb(fill),
                        outline=rgb(INK) if lw else None, width=round(lw * SS))

    def arc(self, cx, cy, r, a0, a1, w, fill=INK):
        self.d.arc(self._box(cx - r, cy - r, cx + r, cy + r, w / 2), a0, a1,
                   fill=rgb(fill), width=round(w * SS))

    def blob(self, circles, fill, lw=LW):
        """Union of circles with a single clean outline (clouds, crowns, wool)."""
        for pass_col, grow in ((INK, lw / 2), (fill, -lw / 2)):
            for x, y, r in circles:
                self.d.ellipse(self._box(x - r, y - r, x + r, y + r, grow), fill=rgb(pass_col))

    def font(self, size):
        if size not in self.fonts:
            self.fonts[size] = ImageFont.truetype(str(FONT), round(size * SS))
        return self.fonts[size]

    def text(self, x, y, s, size, fill=INK, anchor="mm", stroke=0, stroke_fill=PAPER):
        self.d.text((x * SS, y * SS), s, font=self.font(size), fill=rgb(fill), anchor=anchor,
                    stroke_width=round(stroke * SS), stroke_fill=rgb(stroke_fill))

    def _frame(self):
        """Paper margin, ink frame and the four-room mark (current room highlighted)."""
        mask = Image.new("L", self.im.size, 255)
        ImageDraw.Draw(mask).rounded_rectangle(self._box(FRAME, FRAME, W - FRAME, H - FRAME),
                                               radius=30 * SS, fill=0)
        self.im.paste(rgb(PAPER), (0, 0), mask)
        self.d.rounded_rectangle(self._box(FRAME, FRAME, W - FRAME, H - FRAME, 2), radius=32 * SS,
                                 outline=rgb(INK), width=4 * SS)
        x0, y = W - FRAME - 200, H - FRAME
        self.rect(x0, y - 17, x0 + 150, y + 17, PAPER, lw=4, r=17)
        for i, (rid, col) in enumerate(ROOMS.items()):
            big = rid == self.room_id
            self.circle(x0 + 27 + i * 32, y, 11 if big else 7, col, lw=3 if big else 0)

    def save(self, path):
        self._frame()
        out = self.im.resize((W, H), Image.LANCZOS)
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        out.save(path, "PNG", optimize=True)


# ---------------------------------------------------------------- pictograms

def person(cv, x, base, h, color, skin=ROSE, hands=(), lw=None):
    """Circle head + rounded body; `hands` are points the arms reach to."""
    lw = lw or max(2.5, min(LW, h * 0.045))
    sy = base - 0.5 * h
    for hx, hy in hands:
        sx = x + (0.12 * h if hx >= x else -0.12 * h)
        cv.tube([(sx, sy), (hx, hy)], 0.1 * h, color, lw)
    cv.rect(x - 0.2 * h, base - 0.58 * h, x + 0.2 * h, base, color, lw, r=0.17 * h)
    for hx, hy in hands:
        cv.circle(hx, hy, 0.06 * h, skin, lw)
    cv.circle(x, base - 0.78 * h, 0.15 * h, skin, lw)


def elder(cv, x, base, h, color, skin=ROSE):
    """Older person with white hair and a walking stick."""
    hand = (x + 0.34 * h, base - 0.42 * h)
    cv.line([hand, (x + 0.4 * h, base)], 0.05 * h, WOOD)
    person(cv, x, base, h, color, skin, hands=[hand])
    cv.arc(x, base - 0.78 * h, 0.15 * h, 190, 350, 0.07 * h, WHITE)


def group(cv, x, base, h, colors, gap=0.42):
    """A small crowd: figures side by side, alternating skins."""
    n = len(colors)
    for i, col in enumerate(colors):
        person(cv, x + (i - (n - 1) / 2) * gap * h, base + (i % 2) * 0.05 * h, h, col, SKIN[i % 3])


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


def tree(cv, x, base, h, crown=SAGE, lw=LW):
    cv.rect(x - 0.06 * h, base - 0.5 * h, x + 0.06 * h, base, WOOD, lw)
    r = 0.25 * h
    cv.blob([(x, base - 0.72 * h, r), (x - r * 0.7, base - 0.55 * h, r * 0.7),
             (x + r * 0.7, base - 0.55 * h, r * 0.7)], crown, lw)


def coin(cv, x, y, r, fill=OCHRE, mark=None, lw=LW):
    cv.circle(x, y, r, fill, lw)
    cv.circle(x, y, r * 0.72, None, lw * 0.6)
    if mark:
        cv.text(x, y + r * 0.02, mark, r * 0.95, INK)


def crossed_coin(cv, x, y, r):
    coin(cv, x, y, r, GREY)
    cv.line([(x - r * 0.75, y + r * 0.75), (x + r * 0.75, y - r * 0.75)], r * 0.2, INK)


def banknote(cv, x, y, w, h, color, mark=None):
    cv.rect(x - w / 2, y - h / 2, x + w / 2, y + h / 2, color, r=h * 0.12)
    cv.ellipse(x, y, w * 0.2, h * 0.32, tint(color, 0.35), lw=3)
    cv.circle(x - w * 0.33, y, h * 0.12, PAPER, lw=3)
    if mark:
        cv.text(x + w * 0.33, y, mark, h * 0.32, PAPER)


def gear(cv, x, y, r, color, teeth=8, lw=LW, phase=0):
    pts = []
    for i in range(teeth * 4):
        a = math.radians(phase + i * 90 / teeth)
        rr = r if i % 4 in (1, 2) else r * 0.78
        pts.append((x + rr * math.cos(a), y + rr * math.sin(a)))
    cv.poly(pts, color, lw)
    cv.circle(x, y, r * 0.3, PAPER, lw)


def smoke(cv, x, y, n=4, size=22, color=GREY, drift=1.0):
    cv.blob([(x + i * size * 0.9 * drift, y - i * size * 1.3, size * (0.6 + 0.3 * i))
             for i in range(n)], color)


def chimney_stack(cv, x, base, w, h, color, puffs=4):
    smoke(cv, x + w * 0.3, base - h - 25, puffs, w * 0.8)
    cv.rect(x - w / 2, base - h, x + w / 2, base, color)
    cv.rect(x - w / 2 - 4, base - h, x + w / 2 + 4, base - h + 16, shade(color, 0.25), lw=4)


def factory(cv, x0, base, w, h, color, teeth=4, chimneys=2):
    """Saw-tooth roof factory with chimneys and smoke."""
    tw = w / teeth
    for i in range(chimneys):
        chimney_stack(cv, x0 + w * (0.2 + 0.6 * i / max(1, chimneys - 1)), base - h * 0.5,
                      w * 0.08, h * 0.75, shade(color, 0.15))
    roof = [(x0, base - h * 0.55)]
    for i in range(teeth):
        roof += [(x0 + i * tw, base - h * 0.85), (x0 + (i + 1) * tw, base - h * 0.55)]
    cv.poly([(x0, base)] + roof + [(x0 + w, base)], color)
    for i in range(teeth):
        wx = x0 + i * tw + tw * 0.22
        cv.rect(wx, base - h * 0.42, wx + tw * 0.56, base - h * 0.2, OCHRE, lw=4)


def sheep(cv, x, y, s=1.0):
    for dx in (-18, -6, 10, 20):
        cv.line([(x + dx * s, y), (x + dx * s, y + 26 * s)], 5 * s)
    cv.blob([(x - 18 * s, y - 4 * s, 17 * s), (x, y - 10 * s, 19 * s), (x + 16 * s, y - 3 * s, 16 * s),
             (x, y + 4 * s, 16 * s)], WHITE, lw=4)
    cv.ellipse(x + 34 * s, y - 8 * s, 10 * s, 13 * s, INK, lw=0)


def sun(cv, x, y, r, color=OCHRE):
    for i in range(12):
        a = math.radians(i * 30)
        cv.line([(x + math.cos(a) * r * 1.3, y + math.sin(a) * r * 1.3),
                 (x + math.cos(a) * r * 1.65, y + math.sin(a) * r * 1.65)], r * 0.12, color)
    cv.circle(x, y, r, color)


def cloud(cv, x, y, s=1.0, fill=WHITE):
    cv.blob([(x - 40 * s, y + 6 * s, 26 * s), (x, y - 8 * s, 36 * s), (x + 42 * s, y + 6 * s, 26 * s),
             (x, y + 14 * s, 22 * s)], fill, lw=4)


def bicycle(cv, x, y, s, color):
    """Bicycle centred on x; y is the wheel axle height."""
    r, lw = 0.3 * s, max(3, 0.035 * s)
    for wx in (x - 0.48 * s, x + 0.48 * s):
        cv.circle(wx, y, r, None, lw * 1.6)
        cv.circle(wx, y, 0.05 * s, INK, 0)
    frame = [(x - 0.48 * s, y), (x - 0.05 * s, y), (x + 0.3 * s, y - 0.38 * s),
             (x - 0.2 * s, y - 0.38 * s), (x - 0.05 * s, y)]
    cv.tube(frame, 0.06 * s, color, lw)
    cv.tube([(x + 0.48 * s, y), (x + 0.3 * s, y - 0.38 * s), (x + 0.34 * s, y - 0.55 * s)],
            0.06 * s, color, lw)
    cv.tube([(x - 0.48 * s, y), (x - 0.2 * s, y - 0.38 * s)], 0.05 * s, color, lw)


def courier(cv, x, y, s, color, box, skin=ROSE):
    """Delivery rider on a bike, with a square box on the back."""
    lw = max(3, 0.035 * s)
    bicycle(cv, x, y, s, shade(color, 0.1))
    seat, shoulder = (x - 0.2 * s, y - 0.45 * s), (x + 0.02 * s, y - 0.95 * s)
    cv.rect(x - 0.62 * s, y - 1.15 * s, x - 0.2 * s, y - 0.68 * s, box, lw, r=0.04 * s)
    cv.tube([seat, (x + 0.05 * s, y - 0.2 * s), (x - 0.05 * s, y)], 0.12 * s, shade(color, 0.3), lw)
    cv.tube([seat, shoulder], 0.26 * s, color, lw)
    cv.tube([shoulder, (x + 0.34 * s, y - 0.58 * s)], 0.09 * s, color, lw)
    cv.circle(x + 0.34 * s, y - 0.58 * s, 0.055 * s, skin, lw)
    cv.circle(x + 0.1 * s, y - 1.2 * s, 0.16 * s, skin, lw)


def piggy(cv, x, y, s, color=ROSE):
    """Piggy bank facing right, a coin dropping into its slot."""
    for dx in (-0.35, -0.15, 0.2, 0.38):
        cv.rect(x + dx * s - 0.07 * s, y + 0.25 * s, x + dx * s + 0.07 * s, y + 0.55 * s, shade(color, 0.15))
    cv.arc(x - 0.68 * s, y - 0.05 * s, 0.1 * s, 90, 360, 0.04 * s)
    cv.ellipse(x, y, 0.62 * s, 0.45 * s, color)
    cv.poly([(x + 0.05 * s, y - 0.38 * s), (x + 0.2 * s, y - 0.62 * s), (x + 0.32 * s, y - 0.32 * s)], color)
    cv.ellipse(x + 0.62 * s, y + 0.03 * s, 0.1 * s, 0.16 * s, shade(color, 0.1))
    cv.circle(x + 0.35 * s, y - 0.12 * s, 0.04 * s, INK, 0)
    cv.line([(x - 0.15 * s, y - 0.45 * s), (x + 0.1 * s, y - 0.45 * s)], 0.05 * s)
    coin(cv, x - 0.02 * s, y - 0.72 * s, 0.16 * s, lw=4)


def vegetables(cv, x, y, s):
    cv.poly([(x - 0.32 * s, y - 0.05 * s), (x - 0.5 * s, y - 0.5 * s), (x - 0.2 * s, y - 0.2 * s)], "#D9702B", 4)
    cv.blob([(x - 0.5 * s, y - 0.55 * s, 0.08 * s)], SAGE, 4)
    cv.circle(x + 0.22 * s, y - 0.2 * s, 0.2 * s, "#C8443A", 4)
    cv.blob([(x - 0.08 * s, y - 0.25 * s, 0.24 * s), (x + 0.05 * s, y - 0.12 * s, 0.2 * s)], SAGE, 4)


def basket(cv, x, y, s, full=True):
    """Woven basket; y is its top rim; s its width."""
    if full:
        vegetables(cv, x, y, s)
    pts = [(x - 0.5 * s, y), (x + 0.5 * s, y), (x + 0.38 * s, y + 0.45 * s), (x - 0.38 * s, y + 0.45 * s)]
    cv.poly(pts, OCHRE, 4)
    for t in (0.15, 0.3):
        cv.line([(x - 0.5 * s + t * 0.4 * s, y + t * s), (x + 0.5 * s - t * 0.4 * s, y + t * s)], 3, caps=False)
    cv.rect(x - 0.54 * s, y - 0.04 * s, x + 0.54 * s, y + 0.06 * s, shade(OCHRE, 0.2), lw=4, r=0.04 * s)


def leaf(cv, x, y, length, angle, fill=SAGE, lw=LW, vein=True):
    """Pointed leaf starting at (x, y), pointing along `angle` degrees."""
    side = [(length * t, length * 0.32 * math.sin(math.pi * t) ** 0.9) for t in (i / 16 for i in range(17))]
    pts = [(x + px, y - py) for px, py in side] + [(x + px, y + py) for px, py in reversed(side[1:-1])]
    cv.poly(rot(pts, x, y, angle), fill, lw)
    if vein:
        cv.line(rot([(x + length * 0.1, y), (x + length * 0.8, y)], x, y, angle), lw * 0.5, caps=False)


def qmark_path(cx, cy, r):
    """Centre line of a question mark: hook centred on (cx, cy), radius r; plus its dot."""
    hook = arc_pts(cx, cy, r, r, 175, 405, 60)
    end = hook[-1]
    curve = bezier(end, (cx + 0.05 * r, cy + 1.05 * r), (cx, cy + 1.55 * r))
    return hook + curve[1:] + [(cx, cy + 1.95 * r)], (cx, cy + 2.6 * r)


def check(cv, x, y, s, color=SAGE):
    cv.tube([(x - 0.4 * s, y), (x - 0.1 * s, y + 0.3 * s), (x + 0.45 * s, y - 0.35 * s)], 0.16 * s, color)


def plus(cv, x, y, s, color=OCHRE):
    cv.tube([(x - s / 2, y), (x + s / 2, y)], s * 0.28, color)
    cv.line([(x, y - s / 2), (x, y + s / 2)], s * 0.28 + 2 * LW, INK)
    cv.line([(x, y - s / 2), (x, y + s / 2)], s * 0.28, color)
    cv.line([(x - s / 2, y), (x + s / 2, y)], s * 0.28, color)


def ground(cv, y, color, x0=FRAME, x1=W - FRAME):
    cv.rect(x0 - 10, y, x1 + 10, H, color)

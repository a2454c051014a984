"""Drawing kit for the Musée du Kapitalisme kiosk illustrations.

Shared palette, a supersampled canvas with ink-outlined primitives, and small
pictogram helpers (people, houses, trees, coins, arrows, factories...) used by
make_illustrations.py. The images drawn with this kit are CC BY-SA 4.0,
made for the project.

All coordinates are in final-image pixels (1600x1000). The canvas draws at SS
times that size and downsamples with LANCZOS when saving.
"""
import math
from contextlib import contextmanager
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont

W, H, SS = 1600, 1000, 2
LW = 5  # standard outline width
INK, PAPER = "#1F1A17", "#F6F1E7"
OCHRE, SAGE, SKY, ROSE = "#E0A526", "#8DB58A", "#9CC3E4", "#E8A49A"
ROOMS = {"origines": "#8C2F39", "espoirs": "#9A4A0B",
         "limites": "#2F5D8C", "alternatives": "#2E6B3F"}
SKIN = (ROSE, "#C68B59", "#8A5A3C")
WOOD, GREY, WHITE, RED = "#7A4E35", "#B9B1A6", "#FFFDF8", "#C8443A"
DENIM = "#6F8FAF"  # muted blue for clothes, so figures vary
FONT = Path(__file__).resolve().parent.parent / "media" / "fonts" / "NotoSans-Bold.ttf"
FRAME = 22  # inset of the frame line
SNAP = 8  # see Canvas.save


# ------------------------------------------------------------------ colours

def rgb(c):
    return tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) if isinstance(c, str) else tuple(c)


def mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(rgb(a), rgb(b)))


def tint(c, t=0.2):
    return mix(PAPER, c, t)


def shade(c, t=0.3):
    return mix(c, INK, t)


LIGHT = {"origines": tint(ROOMS["origines"], 0.16), "espoirs": tint(ROOMS["espoirs"], 0.17),
         "limites": tint(SKY, 0.5), "alternatives": tint(SAGE, 0.45)}


# ------------------------------------------------------------------ geometry

def arc_pts(cx, cy, rx, ry, a0, a1, n=40):
    """Points on an ellipse arc; angles in degrees, clockwise (y points down)."""
    return [(cx + rx * math.cos(math.radians(a0 + (a1 - a0) * i / n)),
             cy + ry * math.sin(math.radians(a0 + (a1 - a0) * i / n))) for i in range(n + 1)]


def polar(cx, cy, r, deg, ry=None):
    a = math.radians(deg)
    return cx + r * math.cos(a), cy + (ry if ry is not None else r) * math.sin(a)


def bezier(p0, p1, p2, n=24):
    """Quadratic Bezier curve as a polyline."""
    return [((1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t * t * p2[0],
             (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t * t * p2[1])
            for t in (i / n for i in range(n + 1))]


def resample(pts, step):
    """Evenly spaced points along a polyline (about every `step` px)."""
    segs = [math.dist(a, b) for a, b in zip(pts, pts[1:])]
    total = sum(segs)
    n = max(1, round(total / step))
    out, seg, acc = [], 0, 0.0
    for k in range(n + 1):
        target = total * k / n
        while seg < len(segs) - 1 and acc + segs[seg] < target:
            acc += segs[seg]
            seg += 1
        (ax, ay), (bx, by) = pts[seg], pts[seg + 1]
        t = min(1.0, (target - acc) / max(1e-9, segs[seg]))
        out.append((ax + (bx - ax) * t, ay + (by - ay) * t))
    return out


def trim_end(pts, length):
    """The polyline with `length` px cut off its end."""
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


def qmark_path(cx, cy, r, dot=2.8):
    """Centre line of a question mark (hook centred on (cx, cy), radius r) and its dot."""
    hook = arc_pts(cx, cy, r, r, 178, 400, 60)  # ends at 40 degrees below the right side
    # the control point lies where the hook's end tangent meets the vertical stem: no kink
    ex, ey = hook[-1]
    t = (ex - cx) / math.sin(math.radians(40))
    ctrl = (cx, ey + t * math.cos(math.radians(40)))
    curve = bezier(hook[-1], ctrl, (cx, ctrl[1] + 0.35 * r))
    return hook + curve[1:], (cx, cy + dot * r)


# ------------------------------------------------------------------ canvas

class Canvas:
    """A 1600x1000 drawing surface, supersampled, with ink-outlined primitives."""

    def __init__(self, room, bg=PAPER):
        self.room_id, self.room, self.light = room, ROOMS[room], LIGHT[room]
        self.im = Image.new("RGB", (W * SS, H * SS), rgb(bg))
        self.d = ImageDraw.Draw(self.im)
        self.fonts = {}

    @staticmethod
    def _xy(pts):
        return [(x * SS, y * SS) for x, y in pts]

    @staticmethod
    def _box(x0, y0, x1, y1, grow=0):
        return [(x0 - grow) * SS, (y0 - grow) * SS, (x1 + grow) * SS, (y1 + grow) * SS]

    def _stroke(self, pts, w, col, caps=True, closed=False):
        """Polyline with round joins (and round caps).

        Thin strokes use Pillow's curved joints; thick ones are smoothed by stamping discs
        along the path (Pillow's joints leave specks on thick, finely sampled curves).
        """
        p = self._xy(pts) + (self._xy(pts[:1]) if closed else [])
        col, r = rgb(col), w * SS / 2
        thin = w * SS < 12
        self.d.line(p, fill=col, width=max(1, round(w * SS)), joint="curve" if thin else None)
        stamps = [] if thin else resample(p, max(2.0, r / 3))[1:-1]
        for x, y in stamps + (p if caps or closed else p[1:-1]):
            self.d.ellipse([x - r, y - r, x + r, y + r], fill=col)

    def poly(self, pts, fill, lw=LW):
        if fill is not None:
            self.d.polygon(self._xy(pts), fill=rgb(fill))
        if lw:
            self._stroke(pts, lw, INK, closed=True)

    def ellipse(self, cx, cy, rx, ry, fill, lw=LW):
        box = self._box(cx - rx, cy - ry, cx + rx, cy + ry, lw / 2)
        self.d.ellipse(box, fill=rgb(fill) if fill else None,
                       outline=rgb(INK) if lw else None, width=round(lw * SS))

    def circle(self, cx, cy, r, fill, lw=LW):
        self.ellipse(cx, cy, r, r, fill, lw)

    def rect(self, x0, y0, x1, y1, fill, lw=LW, r=0):
        r = max(0, min(r, (x1 - x0) / 2, (y1 - y0) / 2))
        self.d.rounded_rectangle(self._box(x0, y0, x1, y1, lw / 2), radius=(r + lw / 2) * SS,
                                 fill=rgb(fill) if fill else None,
                                 outline=rgb(INK) if lw else None, width=round(lw * SS))

    def line(self, pts, w, fill=INK, caps=True):
        self._stroke(pts, w, fill, caps)

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
        """Outlined arrow along a polyline; the head's tip is the last point."""
        hl, hw = w * head, w * 1.7
        (ax, ay), (bx, by) = trim_end(pts, hl)[-1], pts[-1]
        d = math.dist((ax, ay), (bx, by)) or 1
        ux, uy = (bx - ax) / d, (by - ay) / d
        cx, cy = bx - ux * hl, by - uy * hl
        tri = [(bx, by), (cx - uy * hw, cy + ux * hw), (cx + uy * hw, cy - ux * hw)]
        shaft = trim_end(pts, hl * 0.8)
        passes = ([(INK, w + 2 * lw, 2 * lw)] if lw else []) + [(fill, w, 0)]
        for col, width, grow in passes:
            self._stroke(shaft, width, col, caps=False)
            x, y = shaft[0]
            self.d.ellipse(self._box(x, y, x, y, width / 2), fill=rgb(col))
            self.poly(tri, col, lw=0)
            if grow:
                self._stroke(tri, grow, INK, closed=True)

    def pie(self, cx, cy, r, a0, a1, fill, lw=LW):
        self.d.pieslice(self._box(cx - r, cy - r, cx + r, cy + r, lw / 2), a0, a1,
                        fill=rgb(fill) if fill else None,
                        outline=rgb(INK) if lw else None, width=round(lw * SS))

    def arc(self, cx, cy, r, a0, a1, w, fill=INK):
        """Circular arc of width w centred on radius r, with round ends."""
        self.d.arc(self._box(cx - r, cy - r, cx + r, cy + r, w / 2), a0, a1, fill=rgb(fill), width=round(w * SS))
        if (a1 - a0) % 360:
            for a in (a0, a1):
                x, y = polar(cx, cy, r, a)
                self.d.ellipse(self._box(x, y, x, y, w / 2), fill=rgb(fill))

    def blob(self, circles, fill, lw=LW):
        """Union of circles with one clean outline (clouds, crowns, bushes)."""
        for col, grow in ((INK, lw / 2), (fill, -lw / 2)):
            for x, y, r in circles:
                self.d.ellipse(self._box(x - r, y - r, x + r, y + r, grow), fill=rgb(col))

    def text(self, x, y, s, size, fill=INK, anchor="mm", stroke=0, stroke_fill=INK):
        if size not in self.fonts:
            self.fonts[size] = ImageFont.truetype(str(FONT), round(size * SS))
        self.d.text((x * SS, y * SS), s, font=self.fonts[size], fill=rgb(fill), anchor=anchor,
                    stroke_width=round(stroke * SS), stroke_fill=rgb(stroke_fill))

    @contextmanager
    def clip(self, box, r=0, ellipse=False):
        """Everything drawn inside the block stays inside `box` (rounded rect or ellipse)."""
        base, base_draw = self.im, self.d
        self.im = base.copy()
        self.d = ImageDraw.Draw(self.im)
        try:
            yield
        finally:
            mask = Image.new("L", base.size, 0)
            md = ImageDraw.Draw(mask)
            if ellipse:
                md.ellipse(self._box(*box), fill=255)
            else:
                md.rounded_rectangle(self._box(*box), radius=r * SS, fill=255)
            base.paste(self.im, (0, 0), mask)
            self.im, self.d = base, base_draw

    def _frame(self):
        """Paper margin, ink frame and the four-room mark (current room enlarged)."""
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
        """Frame, downsample with LANCZOS and write an RGB PNG (no metadata, so no timestamp).

        LANCZOS rings: faint halos a few pixels around every edge, invisible but costly for
        PNG. They are removed by clamping each pixel to the 3x3 range of a box-filtered copy
        and by snapping pixels within SNAP levels of that copy onto it.
        """
        self._frame()
        sharp = self.im.resize((W, H), Image.LANCZOS)
        soft = self.im.resize((W, H), Image.BOX)
        lo, hi = _spread(soft, ImageChops.darker), _spread(soft, ImageChops.lighter)
        out = ImageChops.darker(ImageChops.lighter(sharp, lo), hi)
        r, g, b = ImageChops.difference(out, soft).split()
        near = ImageChops.lighter(ImageChops.lighter(r, g), b).point(lambda v: 255 if v <= SNAP else 0)
        out = Image.composite(soft, out, near)
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        out.save(path, "PNG", optimize=True)


def _spread(im, op):
    """3x3 minimum (op=darker) or maximum (op=lighter) of an image."""
    def shifted(a, dx, dy):
        return op(op(a, ImageChops.offset(a, dx, dy)), ImageChops.offset(a, -dx, -dy))
    return shifted(shifted(im, 1, 0), 0, 1)


# ------------------------------------------------------------------ people

def person(cv, x, base, h, color, skin=ROSE, hands=(), lw=None):
    """Circle head + rounded body, feet on `base`; arms reach to the `hands` points."""
    lw = lw or max(2.5, min(LW, h * 0.045))
    sy = base - 0.5 * h
    for hx, hy in hands:
        sx = x + (0.12 * h if hx >= x else -0.12 * h)
        cv.tube([(sx, sy), (hx, hy)], 0.1 * h, color, lw)
    cv.rect(x - 0.2 * h, base - 0.58 * h, x + 0.2 * h, base, color, lw, r=0.17 * h)
    for hx, hy in hands:
        cv.circle(hx, hy, 0.065 * h, skin, lw)
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


def tired_worker(cv, x, base, h, color, skin=ROSE):
    """Bent figure carrying a heavy sack, drops of sweat."""
    hip, shoulder = (x - 0.05 * h, base - 0.38 * h), (x + 0.2 * h, base - 0.68 * h)
    cv.tube([hip, (x - 0.02 * h, base)], 0.12 * h, shade(color, 0.3))
    cv.tube([hip, (x + 0.12 * h, base - 0.2 * h), (x + 0.1 * h, base)], 0.12 * h, shade(color, 0.3))
    cv.tube([hip, shoulder], 0.3 * h, color)
    cv.blob([(x - 0.06 * h, base - 0.84 * h, 0.24 * h), (x + 0.12 * h, base - 0.92 * h, 0.2 * h)], WOOD)
    cv.tube([shoulder, (x + 0.36 * h, base - 0.4 * h)], 0.09 * h, color, 4)
    cv.circle(x + 0.36 * h, base - 0.4 * h, 0.05 * h, skin, 3)
    cv.circle(x + 0.4 * h, base - 0.68 * h, 0.14 * h, skin)
    for i in range(3):
        cv.ellipse(x + (0.6 + 0.04 * i) * h, base - (0.86 - 0.12 * i) * h, 0.025 * h, 0.04 * h, SKY, lw=2.5)


# ------------------------------------------------------------------ buildings

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


def barn(cv, x, base, w, h, color):
    cv.rect(x - w / 2, base - h * 0.6, x + w / 2, base, color)
    cv.poly([(x - w * 0.58, base - h * 0.6), (x - w * 0.3, base - h), (x + w * 0.3, base - h),
             (x + w * 0.58, base - h * 0.6)], shade(color, 0.35))
    cv.rect(x - w * 0.2, base - h * 0.42, x + w * 0.2, base, WHITE, lw=4)
    cv.line([(x - w * 0.2, base - h * 0.42), (x + w * 0.2, base)], 4, caps=False)
    cv.line([(x + w * 0.2, base - h * 0.42), (x - w * 0.2, base)], 4, caps=False)


def manor(cv, x, base, color):
    for dx in (-150, 150):
        cv.rect(x + dx - 70, base - 130, x + dx + 70, base, shade(color, 0.1))
        cv.poly([(x + dx - 80, base - 130), (x + dx, base - 175), (x + dx + 80, base - 130)], shade(color, 0.35))
        for wx in (-45, 15):
            for wy in (-110, -60):
                cv.rect(x + dx + wx, base + wy, x + dx + wx + 28, base + wy + 32, OCHRE, lw=3)
    cv.rect(x - 90, base - 190, x + 90, base, color)
    cv.poly([(x - 105, base - 190), (x, base - 260), (x + 105, base - 190)], shade(color, 0.35))
    for wx in (-60, 32):
        for wy in (-165, -115):
            cv.rect(x + wx, base + wy, x + wx + 28, base + wy + 34, OCHRE, lw=3)
    cv.rect(x - 24, base - 64, x + 24, base, INK, lw=3, r=22)


def factory(cv, x0, base, w, h, color, teeth=4, chimneys=2):
    """Saw-tooth roof factory with smoking chimneys."""
    tw = w / teeth
    for i in range(chimneys):
        chimney_stack(cv, x0 + w * (0.2 + 0.6 * i / max(1, chimneys - 1)), base - h * 0.5,
                      w * 0.07, h * 0.6, shade(color, 0.15))
    roof = [(x0, base - h * 0.55)]
    for i in range(teeth):
        roof += [(x0 + i * tw, base - h * 0.85), (x0 + (i + 1) * tw, base - h * 0.55)]
    cv.poly([(x0, base)] + roof + [(x0 + w, base)], color)
    for i in range(teeth):
        wx = x0 + i * tw + tw * 0.22
        cv.rect(wx, base - h * 0.42, wx + tw * 0.56, base - h * 0.2, OCHRE, lw=4)


def chimney_stack(cv, x, base, w, h, color, puffs=3):
    smoke(cv, x + w * 0.3, base - h - 20, puffs, max(14, w * 0.6))
    cv.rect(x - w / 2, base - h, x + w / 2, base, color)
    cv.rect(x - w / 2 - 4, base - h, x + w / 2 + 4, base - h + 14, shade(color, 0.25), lw=4)


def smoke(cv, x, y, n=3, size=22, color=GREY):
    cv.blob([(x + i * size * 0.9, y - i * size * 1.3, size * (0.6 + 0.3 * i)) for i in range(n)], color)


def shop(cv, x, base, w, h, color, sign):
    """Shop front with striped awning and a round sign drawn by `sign(cv, x, y, r)`."""
    cv.rect(x - w / 2, base - h, x + w / 2, base, tint(color, 0.25))
    n = 5
    for i in range(n):
        sx = x - w / 2 - 10 + i * (w + 20) / n
        cv.rect(sx, base - h * 0.62, sx + (w + 20) / n, base - h * 0.45, color if i % 2 == 0 else PAPER, lw=4)
    cv.rect(x - w * 0.4, base - h * 0.38, x - w * 0.02, base - h * 0.05, SKY, lw=4)
    cv.rect(x + w * 0.1, base - h * 0.38, x + w * 0.36, base, shade(color, 0.2), lw=4)
    cv.circle(x, base - h * 0.82, h * 0.2, PAPER, lw=4)
    sign(cv, x, base - h * 0.82, h * 0.2)


def sign_bread(cv, x, y, r):
    cv.ellipse(x, y, r * 0.8, r * 0.35, OCHRE, lw=3)
    for dx in (-0.35, 0, 0.35):
        cv.line([(x + (dx - 0.1) * r, y - 0.12 * r), (x + (dx + 0.1) * r, y + 0.12 * r)], 3)


def sign_book(cv, x, y, r):
    for side in (-1, 1):
        cv.poly([(x, y - 0.35 * r), (x + side * 0.75 * r, y - 0.5 * r), (x + side * 0.75 * r, y + 0.45 * r),
                 (x, y + 0.6 * r)], RED, 3)


def sign_bike(cv, x, y, r):
    bicycle(cv, x, y + 0.2 * r, 0.9 * r, OCHRE)


def skyscraper(cv, x, base, w, h, color):
    cv.line([(x, base - h), (x, base - h - 70)], 6)
    cv.rect(x - w / 2, base - h, x + w / 2, base, color)
    for r in range(int((h - 60) / 52)):
        for c in range(3):
            wx = x - w / 2 + 16 + c * (w - 32) / 3
            cv.rect(wx, base - h + 30 + r * 52, wx + (w - 32) / 3 - 12, base - h + 62 + r * 52, SKY, lw=3)


def vault(cv, x, base, s, color):
    """Bank building with a round safe door."""
    cv.rect(x - 0.7 * s, base - 0.95 * s, x + 0.7 * s, base, tint(color, 0.25))
    cv.poly([(x - 0.85 * s, base - 0.95 * s), (x, base - 1.35 * s), (x + 0.85 * s, base - 0.95 * s)], color)
    cy = base - 0.48 * s
    cv.circle(x, cy, 0.36 * s, GREY)
    cv.circle(x, cy, 0.22 * s, shade(GREY, 0.2), lw=4)
    for a in range(0, 360, 60):
        cv.line([(x, cy), polar(x, cy, 0.3 * s, a)], 6)
    cv.circle(x, cy, 0.07 * s, OCHRE, lw=3)


def town_hall(cv, x, base, s, color):
    cv.rect(x - 0.5 * s, base - 0.5 * s, x + 0.5 * s, base, tint(color, 0.3))
    cv.poly([(x - 0.6 * s, base - 0.5 * s), (x, base - 0.8 * s), (x + 0.6 * s, base - 0.5 * s)], color)
    for i in range(4):
        cx = x - 0.36 * s + i * 0.24 * s
        cv.rect(cx - 0.05 * s, base - 0.46 * s, cx + 0.05 * s, base - 0.04 * s, WHITE, lw=3)
    cv.line([(x, base - 0.8 * s), (x, base - 1.05 * s)], 4)
    cv.poly([(x, base - 1.05 * s), (x + 0.25 * s, base - 0.98 * s), (x, base - 0.9 * s)], RED, lw=3)


# ------------------------------------------------------------------ nature

def tree(cv, x, base, h, crown=SAGE, lw=LW):
    cv.rect(x - 0.06 * h, base - 0.5 * h, x + 0.06 * h, base, WOOD, lw)
    r = 0.25 * h
    cv.blob([(x, base - 0.72 * h, r), (x - r * 0.7, base - 0.55 * h, r * 0.7),
             (x + r * 0.7, base - 0.55 * h, r * 0.7)], crown, lw)


def sheep(cv, x, y, s=1.0):
    for dx in (-18, -6, 10, 20):
        cv.line([(x + dx * s, y), (x + dx * s, y + 26 * s)], 5 * s)
    cv.blob([(x - 18 * s, y - 4 * s, 17 * s), (x, y - 10 * s, 19 * s), (x + 16 * s, y - 3 * s, 16 * s),
             (x, y + 4 * s, 16 * s)], WHITE, lw=4)
    cv.ellipse(x + 34 * s, y - 8 * s, 10 * s, 13 * s, INK, lw=0)


def sun(cv, x, y, r, color=OCHRE):
    for i in range(12):
        cv.line([polar(x, y, r * 1.3, i * 30), polar(x, y, r * 1.65, i * 30)], r * 0.12, color)
    cv.circle(x, y, r, color)


def cloud(cv, x, y, s=1.0, fill=WHITE):
    cv.blob([(x - 40 * s, y + 6 * s, 26 * s), (x, y - 8 * s, 36 * s), (x + 42 * s, y + 6 * s, 26 * s),
             (x, y + 14 * s, 22 * s)], fill, lw=4)


def leaf(cv, x, y, length, angle, fill=SAGE, lw=LW, vein=True):
    """Pointed leaf growing from (x, y) in direction `angle` (degrees)."""
    side = [(length * t, length * 0.32 * math.sin(math.pi * t) ** 0.9) for t in (i / 16 for i in range(17))]
    pts = [(x + px, y - py) for px, py in side] + [(x + px, y + py) for px, py in reversed(side[1:-1])]
    cv.poly(rot(pts, x, y, angle), fill, lw)
    if vein:
        cv.line(rot([(x + length * 0.12, y), (x + length * 0.78, y)], x, y, angle), lw * 0.5, caps=False)


def field(cv, x0, y0, x1, y1, rows=5, crop=SAGE):
    cv.rect(x0, y0, x1, y1, tint(WOOD, 0.45), lw=4, r=8)
    for i in range(rows):
        y = y0 + (i + 0.5) * (y1 - y0) / rows
        for x in range(int(x0) + 22, int(x1) - 10, 34):
            cv.blob([(x, y, 11)], crop, lw=3)


def garden_bed(cv, x, y, w, colors=(SAGE, shade(SAGE, 0.2))):
    """Raised wooden bed with round plants; (x, y) is the middle of its top edge."""
    n = max(2, int(w // 55))
    for k in range(n):
        cv.blob([(x - w / 2 + (k + 0.5) * w / n, y - 8, 24)], colors[k % len(colors)], lw=4)
    cv.rect(x - w / 2, y, x + w / 2, y + 55, WOOD, lw=4, r=8)


def road(cv, centre, w0, w1, fill):
    """Band along a centre line, its width tapering from w0 to w1."""
    n = len(centre) - 1
    left, right = [], []
    for i, (x, y) in enumerate(centre):
        (ax, ay), (bx, by) = centre[max(0, i - 1)], centre[min(n, i + 1)]
        d = math.dist((ax, ay), (bx, by)) or 1
        w = (w0 + (w1 - w0) * i / n) / 2
        left.append((x - (by - ay) / d * w, y + (bx - ax) / d * w))
        right.append((x + (by - ay) / d * w, y - (bx - ax) / d * w))
    cv.poly(left + right[::-1], fill, lw=4)


def ground(cv, y, color, x0=FRAME, x1=W - FRAME):
    cv.rect(x0 - 10, y, x1 + 10, H, color)


# ------------------------------------------------------------------ money

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
        cv.text(x + w * 0.33, y, mark, h * 0.32, PAPER, stroke=2)


def piggy(cv, x, y, s, color=ROSE):
    """Piggy bank facing right, a coin dropping into its slot."""
    for dx in (-0.35, -0.15, 0.2, 0.38):
        cv.rect(x + (dx - 0.07) * s, y + 0.25 * s, x + (dx + 0.07) * s, y + 0.55 * s, shade(color, 0.15))
    cv.arc(x - 0.68 * s, y - 0.05 * s, 0.1 * s, 90, 360, 0.04 * s)
    cv.ellipse(x, y, 0.62 * s, 0.45 * s, color)
    cv.poly([(x + 0.05 * s, y - 0.38 * s), (x + 0.2 * s, y - 0.62 * s), (x + 0.32 * s, y - 0.32 * s)], color)
    cv.ellipse(x + 0.62 * s, y + 0.03 * s, 0.1 * s, 0.16 * s, shade(color, 0.1))
    cv.circle(x + 0.35 * s, y - 0.12 * s, 0.04 * s, INK, 0)
    cv.line([(x - 0.18 * s, y - 0.45 * s), (x + 0.1 * s, y - 0.45 * s)], 0.05 * s)
    coin(cv, x - 0.04 * s, y - 0.72 * s, 0.16 * s, lw=4)


def price_tag(cv, x, y, s, label, color=PAPER):
    """Tag pointing left; its hole is near (x, y)."""
    pts = [(x, y), (x + 0.35 * s, y - 0.3 * s), (x + 1.3 * s, y - 0.3 * s), (x + 1.3 * s, y + 0.3 * s),
           (x + 0.35 * s, y + 0.3 * s)]
    cv.poly(pts, color)
    cv.circle(x + 0.28 * s, y, 0.07 * s, PAPER, lw=3)
    cv.text(x + 0.83 * s, y + 0.02 * s, label, 0.36 * s)


# ------------------------------------------------------------------ objects

def gear(cv, x, y, r, color, teeth=8, lw=LW, phase=0):
    pts = []
    for i in range(teeth * 4):
        rr = r if i % 4 in (1, 2) else r * 0.78
        pts.append(polar(x, y, rr, phase + i * 90 / teeth))
    cv.poly(pts, color, lw)
    cv.circle(x, y, r * 0.3, PAPER, lw)


def bicycle(cv, x, y, s, color):
    """Bicycle centred on x; y is the height of the axles."""
    r, lw = 0.3 * s, max(3, 0.035 * s)
    for wx in (x - 0.48 * s, x + 0.48 * s):
        cv.circle(wx, y, r, None, lw * 1.6)
        cv.circle(wx, y, 0.05 * s, INK, 0)
    frame = [(x - 0.48 * s, y), (x - 0.05 * s, y), (x + 0.3 * s, y - 0.38 * s),
             (x - 0.2 * s, y - 0.38 * s), (x - 0.05 * s, y)]
    cv.tube(frame, 0.06 * s, color, lw)
    cv.tube([(x + 0.48 * s, y), (x + 0.3 * s, y - 0.38 * s), (x + 0.34 * s, y - 0.55 * s)], 0.06 * s, color, lw)
    cv.tube([(x - 0.48 * s, y), (x - 0.2 * s, y - 0.38 * s)], 0.05 * s, color, lw)


def courier(cv, x, y, s, color, box, skin=ROSE):
    """Delivery rider on a bike with a square box on the back; y is the axle height."""
    lw = max(3, 0.035 * s)
    bicycle(cv, x, y, s, shade(color, 0.1))
    seat, shoulder = (x - 0.2 * s, y - 0.45 * s), (x + 0.02 * s, y - 0.95 * s)
    cv.rect(x - 0.66 * s, y - 1.18 * s, x - 0.2 * s, y - 0.7 * s, box, lw, r=0.04 * s)
    cv.tube([seat, (x + 0.05 * s, y - 0.2 * s), (x - 0.05 * s, y)], 0.12 * s, shade(color, 0.3), lw)
    cv.tube([seat, shoulder], 0.26 * s, color, lw)
    cv.tube([shoulder, (x + 0.34 * s, y - 0.58 * s)], 0.09 * s, color, lw)
    cv.circle(x + 0.34 * s, y - 0.58 * s, 0.055 * s, skin, lw)
    cv.circle(x + 0.1 * s, y - 1.2 * s, 0.16 * s, skin, lw)


def car(cv, x, base, s, color, facing=1):
    body = [(-0.9, 0), (-0.9, -0.35), (-0.5, -0.4), (-0.3, -0.7), (0.35, -0.7), (0.55, -0.4), (0.9, -0.35), (0.9, 0)]
    glass = [(-0.2, -0.62), (0.3, -0.62), (0.44, -0.42), (-0.36, -0.42)]
    cv.poly([(x + facing * bx * s, base + by * s) for bx, by in body], color)
    cv.poly([(x + facing * bx * s, base + by * s) for bx, by in glass], SKY, lw=3)
    for wx in (-0.5, 0.5):
        cv.circle(x + wx * s, base, 0.2 * s, INK, lw=0)
        cv.circle(x + wx * s, base, 0.08 * s, GREY, lw=0)


def clean_truck(cv, x, base, s, color):
    """Street-cleaning tanker with a round brush and water drops."""
    cv.rect(x - 0.9 * s, base - 0.7 * s, x + 0.3 * s, base - 0.1 * s, color, r=0.25 * s)
    cv.rect(x + 0.3 * s, base - 0.6 * s, x + 0.85 * s, base - 0.1 * s, shade(color, 0.15), r=0.08 * s)
    cv.rect(x + 0.45 * s, base - 0.52 * s, x + 0.75 * s, base - 0.32 * s, SKY, lw=3)
    for wx in (-0.55, 0.6):
        cv.circle(x + wx * s, base - 0.08 * s, 0.18 * s, INK, lw=0)
    cv.circle(x + 1.0 * s, base - 0.08 * s, 0.16 * s, OCHRE, lw=4)
    for i in range(3):
        cv.circle(x + (1.2 + 0.1 * i) * s, base - (0.3 + 0.12 * i) * s, 0.05 * s, SKY, lw=3)


def star_burst(cv, x, y, r, color=OCHRE):
    cv.poly([polar(x, y, r if i % 2 == 0 else r * 0.5, i * 30) for i in range(12)], color)


def tshirt(cv, x, y, s, color):
    pts = [(-0.3, -0.5), (-0.1, -0.5), (0, -0.4), (0.1, -0.5), (0.3, -0.5), (0.55, -0.25), (0.4, -0.1),
           (0.3, -0.2), (0.3, 0.45), (-0.3, 0.45), (-0.3, -0.2), (-0.4, -0.1), (-0.55, -0.25)]
    cv.poly([(x + px * s, y + py * s) for px, py in pts], color)


def vegetables(cv, x, y, s):
    cv.poly([(x - 0.32 * s, y - 0.05 * s), (x - 0.5 * s, y - 0.5 * s), (x - 0.2 * s, y - 0.2 * s)], "#D9702B", 4)
    cv.blob([(x - 0.5 * s, y - 0.55 * s, 0.08 * s)], SAGE, 4)
    cv.circle(x + 0.22 * s, y - 0.2 * s, 0.2 * s, RED, 4)
    cv.blob([(x - 0.08 * s, y - 0.25 * s, 0.24 * s), (x + 0.05 * s, y - 0.12 * s, 0.2 * s)], SAGE, 4)


def basket(cv, x, y, s, full=True):
    """Woven basket of width s; y is the height of its rim."""
    if full:
        vegetables(cv, x, y, s)
    cv.poly([(x - 0.5 * s, y), (x + 0.5 * s, y), (x + 0.38 * s, y + 0.45 * s), (x - 0.38 * s, y + 0.45 * s)],
            OCHRE, 4)
    for t in (0.15, 0.3):
        cv.line([(x - 0.5 * s + t * 0.4 * s, y + t * s), (x + 0.5 * s - t * 0.4 * s, y + t * s)], 3, caps=False)
    cv.rect(x - 0.54 * s, y - 0.04 * s, x + 0.54 * s, y + 0.06 * s, shade(OCHRE, 0.2), lw=4, r=0.04 * s)


def blocks_toy(cv, x, base, s):
    """Six building blocks in a pyramid."""
    cols = (OCHRE, SKY, ROSE, SAGE, OCHRE, SKY)
    spots = ((0, 0), (1, 0), (2, 0), (0.5, 1), (1.5, 1), (1, 2))
    for (i, j), col in zip(spots, cols):
        cv.rect(x + (i - 1.5) * s, base - (j + 1) * s, x + (i - 0.5) * s, base - j * s, col, lw=4, r=4)


def heart(cv, x, y, s, color=RED, lw=4):
    pts = arc_pts(x - 0.25 * s, y - 0.1 * s, 0.25 * s, 0.25 * s, 140, 360, 16)
    pts += arc_pts(x + 0.25 * s, y - 0.1 * s, 0.25 * s, 0.25 * s, 180, 400, 16) + [(x, y + 0.45 * s)]
    cv.poly(pts, color, lw)


def check(cv, x, y, s, color=SAGE):
    cv.tube([(x - 0.4 * s, y), (x - 0.1 * s, y + 0.3 * s), (x + 0.45 * s, y - 0.35 * s)], 0.16 * s, color)


def cross_shape(cv, x, y, s, color, lw=LW, arm=0.22):
    """Plus/cross polygon of half-size s."""
    a, b = arm * s, s
    cv.poly([(x - a, y - b), (x + a, y - b), (x + a, y - a), (x + b, y - a), (x + b, y + a), (x + a, y + a),
             (x + a, y + b), (x - a, y + b), (x - a, y + a), (x - b, y + a), (x - b, y - a), (x - a, y - a)],
            color, lw)


def calendar(cv, x, y, s, color, paid=6):
    """Wall calendar of 12 months, the first `paid` ones ticked."""
    for cx in (-0.55, 0.55):
        cv.line([(x + cx * s, y - 0.92 * s), (x + cx * s, y - 0.6 * s)], 0.08 * s)
    cv.rect(x - s, y - 0.75 * s, x + s, y + 0.8 * s, WHITE, r=0.08 * s)
    cv.rect(x - s, y - 0.75 * s, x + s, y - 0.42 * s, color, r=0.08 * s)
    cell = 0.42 * s
    for i in range(12):
        cx, cy = x - 0.84 * s + (i % 4) * cell * 1.02, y - 0.33 * s + (i // 4) * cell * 0.9
        cv.rect(cx, cy, cx + cell * 0.86, cy + cell * 0.72, SAGE if i < paid else PAPER, lw=3, r=4)
        if i < paid:
            check(cv, cx + cell * 0.43, cy + cell * 0.36, cell * 0.5, WHITE)


def handshake(cv, x, y, s, c1, c2, skin1=ROSE, skin2=SKIN[2]):
    """Two forearms from left and right, hands clasped in the middle."""
    cv.tube([(x - 2.0 * s, y + 0.15 * s), (x - 0.6 * s, y)], 0.5 * s, c1)
    cv.tube([(x + 2.0 * s, y + 0.15 * s), (x + 0.6 * s, y)], 0.5 * s, c2)
    for side, col in ((-1, c1), (1, c2)):
        cv.rect(x + side * 0.95 * s - 0.12 * s, y - 0.32 * s, x + side * 0.95 * s + 0.12 * s, y + 0.34 * s,
                shade(col, 0.25), lw=4, r=0.06 * s)
    cv.rect(x - 0.75 * s, y - 0.3 * s, x + 0.25 * s, y + 0.3 * s, skin1, r=0.28 * s)
    cv.rect(x - 0.2 * s, y - 0.26 * s, x + 0.75 * s, y + 0.34 * s, skin2, r=0.28 * s)
    for dx in (-0.1, 0.1, 0.3):
        cv.line([(x + dx * s, y - 0.1 * s), (x + dx * s, y + 0.24 * s)], 3.5)
    cv.rect(x - 0.5 * s, y - 0.45 * s, x + 0.05 * s, y - 0.2 * s, skin1, lw=4, r=0.12 * s)


def broom(cv, hand, s):
    x, y = hand
    cv.line([(x + 0.15 * s, y - 0.45 * s), (x - 0.3 * s, y + 0.75 * s)], 0.05 * s, WOOD)
    cv.poly([(x - 0.45 * s, y + 0.66 * s), (x - 0.2 * s, y + 0.76 * s), (x - 0.28 * s, y + 1.0 * s),
             (x - 0.66 * s, y + 0.86 * s)], OCHRE, lw=4)


def watering_can(cv, x, y, s, color=SKY):
    """Can with its handle top at about (x, y - 0.5 s)."""
    cv.arc(x - 0.05 * s, y - 0.3 * s, 0.22 * s, 180, 360, 0.06 * s)
    cv.tube([(x + 0.2 * s, y), (x + 0.55 * s, y - 0.3 * s)], 0.08 * s, color, 4)
    cv.rect(x - 0.3 * s, y - 0.3 * s, x + 0.22 * s, y + 0.2 * s, color, r=0.08 * s)
    for i in range(3):
        cv.circle(x + 0.66 * s + i * 0.1 * s, y - 0.18 * s + i * 0.16 * s, 0.035 * s, SKY, lw=2)


def toolbox(cv, x, y, s, color=RED):
    cv.arc(x, y - 0.18 * s, 0.16 * s, 180, 360, 0.06 * s)
    cv.rect(x - 0.4 * s, y - 0.2 * s, x + 0.4 * s, y + 0.22 * s, color, r=0.04 * s)
    cv.line([(x - 0.4 * s, y - 0.05 * s), (x + 0.4 * s, y - 0.05 * s)], 4, caps=False)


def key(cv, x, y, s):
    cv.tube([(x - 0.1 * s, y), (x + 0.35 * s, y), (x + 0.35 * s, y + 0.14 * s)], 0.07 * s, OCHRE, lw=3)
    cv.circle(x - 0.25 * s, y, 0.16 * s, OCHRE, lw=4)
    cv.circle(x - 0.25 * s, y, 0.05 * s, PAPER, lw=3)


def wind_turbine(cv, x, base, h, color=WHITE):
    hub = (x, base - h)
    cv.poly([(x - 14, base), (x - 6, base - h), (x + 6, base - h), (x + 14, base)], color)
    blade = [(x, base - h - 12), (x + h * 0.14, base - h - 20), (x + h * 0.4, base - h - 4),
             (x + h * 0.4, base - h + 4), (x, base - h + 12)]
    for a in (-90, 30, 150):
        cv.poly(rot(blade, *hub, a), color, lw=4)
    cv.circle(*hub, 16, OCHRE)


def solar_panel(cv, x, base, s):
    cv.line([(x, base), (x, base - 0.45 * s)], 0.08 * s, WOOD)
    cv.poly([(x - 0.7 * s, base - 0.35 * s), (x + 0.5 * s, base - 0.35 * s), (x + 0.7 * s, base - 0.85 * s),
             (x - 0.5 * s, base - 0.85 * s)], "#2B4A73")
    for t in (1 / 3, 2 / 3):
        cv.line([(x - 0.7 * s + 1.2 * s * t, base - 0.35 * s), (x - 0.5 * s + 1.2 * s * t, base - 0.85 * s)], 3)
    cv.line([(x - 0.6 * s, base - 0.6 * s), (x + 0.6 * s, base - 0.6 * s)], 3, caps=False)


def hourglass(cv, x, base, s):
    cv.poly([(x - 0.4 * s, base - 0.9 * s), (x + 0.4 * s, base - 0.9 * s), (x, base - 0.45 * s)], WHITE, 4)
    cv.poly([(x - 0.4 * s, base), (x + 0.4 * s, base), (x, base - 0.45 * s)], OCHRE, 4)
    for yy in (base - 0.95 * s, base + 0.05 * s):
        cv.rect(x - 0.5 * s, yy - 0.05 * s, x + 0.5 * s, yy + 0.05 * s, WOOD, lw=3)


# ------------------------------------------------------------------ scene pieces

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


def globe(cv, x, y, r):
    cv.circle(x, y, r, SKY, lw=0)
    cv.blob([(x - 0.35 * r, y - 0.3 * r, 0.35 * r), (x - 0.15 * r, y + 0.1 * r, 0.27 * r),
             (x + 0.42 * r, y + 0.35 * r, 0.25 * r), (x + 0.45 * r, y - 0.45 * r, 0.17 * r)], SAGE, 3)
    cv.circle(x, y, r, None)


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


def stock_chart(cv, x0, y0, x1, y1):
    """Framed stock chart: candlesticks and a zigzag rising arrow."""
    cv.rect(x0, y0, x1, y1, WHITE, r=14)
    values = (0.1, 0.3, 0.2, 0.45, 0.35, 0.6, 0.5, 0.75, 0.65, 0.95)
    pts = [(x0 + 30 + i * (x1 - x0 - 60) / 9, y1 - 30 - v * (y1 - y0 - 60)) for i, v in enumerate(values)]
    for i, (x, y) in enumerate(pts[1:]):
        cv.rect(x - 8, y - 20, x + 8, y + 20, SAGE if i % 2 == 0 else RED, lw=3)
    cv.arrow(pts, 10, RED, lw=4)

"""The drawing surface of the illustrations: a supersampled canvas with
ink-outlined primitives (polygons, ellipses, rounded rectangles, strokes, dashes,
tubes, arrows, pies, arcs, blobs), text in Noto Sans Bold, clipping, and the saving
to a deterministic PNG.

A picture is drawn in a 1600x1000 design space and lands, scaled by SAFE about its
centre, in a 1600x1000 image: what is drawn inside the design space keeps clear of the
outer 8 % of the image's width, so a card that crops the picture to a squarer box
does not cut it. The picture has no frame of its own (the kiosk's cards and panels draw
theirs); backgrounds reach the image's edges through the bleed box (Canvas.left, top,
right, bottom: the image's edges in design coordinates). The canvas draws at SS times
the image's size and downsamples with LANCZOS when saving.
"""
import math
from contextlib import contextmanager
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont

from .palette import INK, LIGHT, PAPER, ROOMS, rgb
from .geometry import polar, resample, trim_end

W, H, SS = 1600, 1000, 2
SAFE = 0.86  # design space -> image: x = 40 in design lands at 8.6 % of the image's width
LW = 5  # standard outline width
FONT = Path(__file__).resolve().parents[2] / "media" / "fonts" / "NotoSans-Bold.ttf"
SNAP = 8  # see Canvas.save
K = SS * SAFE  # supersampled image pixels per design unit
OX, OY = W / 2 * (1 - SAFE), H / 2 * (1 - SAFE)  # where the design space's origin lands in the image


class Canvas:
    """A 1600x1000 design space drawn into a 1600x1000 image, supersampled, with ink-outlined primitives."""

    # the image's edges in design coordinates: a background drawn to them bleeds off the picture
    left, top = -OX / SAFE, -OY / SAFE
    right, bottom = W + OX / SAFE, H + OY / SAFE

    def __init__(self, room, bg=PAPER):
        self.room, self.light = ROOMS[room], LIGHT[room]
        self.im = Image.new("RGB", (W * SS, H * SS), rgb(bg))
        self.d = ImageDraw.Draw(self.im)
        self.fonts = {}

    @staticmethod
    def _xy(pts):
        return [((OX + x * SAFE) * SS, (OY + y * SAFE) * SS) for x, y in pts]

    @staticmethod
    def _box(x0, y0, x1, y1, grow=0):
        (a, b), (c, d) = Canvas._xy([(x0 - grow, y0 - grow), (x1 + grow, y1 + grow)])
        return [a, b, c, d]

    def _stroke(self, pts, w, col, caps=True, closed=False):
        """Polyline with round joins (and round caps).

        Thin strokes use Pillow's curved joints; thick ones are smoothed by stamping discs
        along the path (Pillow's joints leave specks on thick, finely sampled curves).
        """
        p = self._xy(pts) + (self._xy(pts[:1]) if closed else [])
        col, r = rgb(col), w * K / 2
        thin = w * K < 12
        self.d.line(p, fill=col, width=max(1, round(w * K)), joint="curve" if thin else None)
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
                       outline=rgb(INK) if lw else None, width=round(lw * K))

    def circle(self, cx, cy, r, fill, lw=LW):
        self.ellipse(cx, cy, r, r, fill, lw)

    def backdrop(self, r=430):
        """Disc of the room's light colour behind the middle of the picture."""
        self.circle(W // 2, H // 2, r, self.light, lw=0)

    def rect(self, x0, y0, x1, y1, fill, lw=LW, r=0):
        r = max(0, min(r, (x1 - x0) / 2, (y1 - y0) / 2))
        self.d.rounded_rectangle(self._box(x0, y0, x1, y1, lw / 2), radius=(r + lw / 2) * K,
                                 fill=rgb(fill) if fill else None,
                                 outline=rgb(INK) if lw else None, width=round(lw * K))

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
                        outline=rgb(INK) if lw else None, width=round(lw * K))

    def arc(self, cx, cy, r, a0, a1, w, fill=INK):
        """Circular arc of width w centred on radius r, with round ends."""
        self.d.arc(self._box(cx - r, cy - r, cx + r, cy + r, w / 2), a0, a1, fill=rgb(fill), width=round(w * K))
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
            self.fonts[size] = ImageFont.truetype(str(FONT), round(size * K))
        self.d.text(self._xy([(x, y)])[0], s, font=self.fonts[size], fill=rgb(fill), anchor=anchor,
                    stroke_width=round(stroke * K), stroke_fill=rgb(stroke_fill))

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
                md.rounded_rectangle(self._box(*box), radius=r * K, fill=255)
            base.paste(self.im, (0, 0), mask)
            self.im, self.d = base, base_draw

    def save(self, path):
        """Downsample with LANCZOS and write an RGB PNG (no metadata, so no timestamp).

        LANCZOS rings: faint halos a few pixels around every edge, invisible but costly for
        PNG. They are removed by clamping each pixel to the 3x3 range of a box-filtered copy
        and by snapping pixels within SNAP levels of that copy onto it.
        """
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

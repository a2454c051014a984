"""Points and curves for the illustrations: arcs, polar points, Bezier curves, even
resampling along a polyline, rotation, and the centre line of a question mark.
"""
import math


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

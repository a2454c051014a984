"""Colours of the illustrations: paper and ink, the four room colours and the pale
tone of each room, skins, clothes and materials, and the tint/shade mixers.
"""
INK, PAPER = "#1F1A17", "#F6F1E7"
OCHRE, SAGE, SKY, ROSE = "#E0A526", "#8DB58A", "#9CC3E4", "#E8A49A"
ROOMS = {"origines": "#8C2F39", "espoirs": "#9A4A0B",
         "limites": "#2F5D8C", "alternatives": "#2E6B3F"}
SKIN = (ROSE, "#C68B59", "#8A5A3C")
WOOD, GREY, WHITE, RED = "#7A4E35", "#B9B1A6", "#FFFDF8", "#C8443A"
DENIM = "#6F8FAF"  # muted blue for clothes, so figures vary


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
CLOTHES = (OCHRE, SAGE, DENIM, ROSE)  # taken in turn to dress a crowd

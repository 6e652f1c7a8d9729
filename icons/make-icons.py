#!/usr/bin/env python3
"""Draws CalSync's icons with the standard library only, so anyone can regenerate them.

    python3 icons/make-icons.py            # writes the PNGs next to this script
    png2icns icons/calsync.icns icons/app-*.png   # the macOS app icon (Debian: icnsutils)

Tray icons, one per state (idle, syncing, error, paused, held), each at 16, 22 and 32 px plus
@2x: `tray-<state>-<size>.png` in colour for Linux panels, and `tray-<state>Template-<size>.png`
in black with alpha for the macOS menu bar (with -Dapple.awt.enableTemplateImages=true macOS
draws them white on a dark bar). `app-<size>.png` is the application icon.

Shapes are drawn on a unit square, sampled 4x4 per pixel for antialiasing.
"""
import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
STATES = {
    # state: colour on Linux panels (readable on dark and light ones)
    "idle": (74, 144, 217),
    "syncing": (47, 168, 79),
    "error": (217, 52, 43),
    "paused": (140, 140, 140),
    "held": (224, 138, 0),
}
SIZES = [16, 22, 32]


def rounded_rect(x0, y0, x1, y1, r):
    def inside(x, y):
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            return False
        cx = min(max(x, x0 + r), x1 - r)
        cy = min(max(y, y0 + r), y1 - r)
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
    return inside


def rect(x0, y0, x1, y1):
    return lambda x, y: x0 <= x <= x1 and y0 <= y <= y1


def circle(cx, cy, r):
    return lambda x, y: (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def ring(cx, cy, r, w, start=0.0, end=360.0):
    def inside(x, y):
        d = math.hypot(x - cx, y - cy)
        if abs(d - r) > w / 2:
            return False
        a = math.degrees(math.atan2(-(y - cy), x - cx)) % 360
        return start <= a <= end if start <= end else (a >= start or a <= end)
    return inside


def segment(ax, ay, bx, by, w):
    def inside(x, y):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        return math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= w / 2
    return inside


def triangle(p, q, r):
    def side(a, b, x, y):
        return (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0])
    def inside(x, y):
        s1, s2, s3 = side(p, q, x, y), side(q, r, x, y), side(r, p, x, y)
        return (s1 >= 0 and s2 >= 0 and s3 >= 0) or (s1 <= 0 and s2 <= 0 and s3 <= 0)
    return inside


def minus(shape, hole):
    return lambda x, y: shape(x, y) and not hole(x, y)


def union(*shapes):
    return lambda x, y: any(s(x, y) for s in shapes)


def calendar(body_only=False):
    """The calendar page: outline, header bar and the two binder rings."""
    outer = rounded_rect(0.06, 0.14, 0.94, 0.96, 0.12)
    inner = rounded_rect(0.15, 0.23, 0.85, 0.87, 0.05)
    header = rect(0.06, 0.14, 0.94, 0.34)
    rings = union(rounded_rect(0.26, 0.04, 0.36, 0.24, 0.04), rounded_rect(0.64, 0.04, 0.74, 0.24, 0.04))
    return union(minus(outer, inner), header, rings)


# state marks inside the page (y grows downward, the page's free area is about 0.38..0.84)
MARKS = {
    "idle": union(segment(0.30, 0.62, 0.45, 0.76, 0.11), segment(0.45, 0.76, 0.72, 0.46, 0.11)),
    "syncing": union(ring(0.5, 0.61, 0.19, 0.09, 40, 320),
                     triangle((0.62, 0.38), (0.80, 0.50), (0.60, 0.55))),
    "error": union(rounded_rect(0.445, 0.40, 0.555, 0.68, 0.05), circle(0.5, 0.77, 0.065)),
    "paused": union(rect(0.34, 0.42, 0.45, 0.80), rect(0.55, 0.42, 0.66, 0.80)),
    "held": union(ring(0.5, 0.61, 0.20, 0.08), segment(0.37, 0.61, 0.63, 0.61, 0.09)),
}


def render(shape, size, colour, alpha_scale=1.0):
    ss = 4
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            hits = 0
            for sy in range(ss):
                for sx in range(ss):
                    if shape((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size):
                        hits += 1
            a = round(255 * alpha_scale * hits / (ss * ss))
            row += bytes((*colour, a))
        rows.append(bytes(row))
    return rows


def write_png(path, rows):
    size_y, size_x = len(rows), len(rows[0]) // 4
    raw = b"".join(b"\x00" + r for r in rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", size_x, size_y, 8, 6, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def main():
    for state, colour in STATES.items():
        shape = union(calendar(), MARKS[state])
        for size in SIZES:
            for scale, suffix in ((1, ""), (2, "@2x")):
                px = size * scale
                write_png(os.path.join(HERE, f"tray-{state}-{size}{suffix}.png"), render(shape, px, colour))
                write_png(os.path.join(HERE, f"tray-{state}Template-{size}{suffix}.png"), render(shape, px, (0, 0, 0)))
    # application icon: white page on a blue tile
    tile = rounded_rect(0.02, 0.02, 0.98, 0.98, 0.2)
    for size in (16, 32, 48, 128, 256, 512):
        tile_rows = render(tile, size, (45, 110, 190))
        mark = union(calendar(), MARKS["idle"])
        inset = lambda x, y: mark((x - 0.18) / 0.64, (y - 0.16) / 0.64)
        mark_rows = render(inset, size, (255, 255, 255))
        rows = []
        for tr, mr in zip(tile_rows, mark_rows):
            out = bytearray(tr)
            for i in range(0, len(out), 4):
                a = mr[i + 3] / 255
                for c in range(3):
                    out[i + c] = round(out[i + c] * (1 - a) + mr[i + c] * a)
            rows.append(bytes(out))
        write_png(os.path.join(HERE, f"app-{size}.png"), rows)


if __name__ == "__main__":
    main()

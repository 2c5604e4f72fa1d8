#!/usr/bin/env python3
"""Draws the installable app's icons (wwwroot-assets/img/icon-*.png) from ENOE's logo (img/logo-enoe.svg).

Standard library only: the logo is three shapes (a rounded square, the "E", the yellow dot), drawn here on a
64-unit grid like the SVG, with 4 x 4 samples per pixel for smooth edges, and written as PNG through zlib.
Run again after changing the logo: python3 scripts/make-icons.py
"""

import os
import struct
import zlib

BLUE = (0x1E, 0x5A, 0xA8)
WHITE = (0xFF, 0xFF, 0xFF)
YELLOW = (0xF5, 0xB3, 0x01)
# The "E" of logo-enoe.svg (path M18 18h26v6H25v5h16v6H25v5h19v6H18z) as the rectangles it is made of.
E_BARS = [(18, 18, 25, 46), (18, 18, 44, 24), (18, 29, 41, 35), (18, 40, 44, 46)]
DOT = (49, 15, 5)
SAMPLES = 4


def in_rounded_square(x, y, radius=14):
    if not (0 <= x <= 64 and 0 <= y <= 64):
        return False
    cx = min(max(x, radius), 64 - radius)
    cy = min(max(y, radius), 64 - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius


def colour_at(x, y, full_bleed, scale):
    """The logo's colour at (x, y) of the 64-unit grid, or None outside it (transparent)."""
    if not full_bleed and not in_rounded_square(x, y):
        return None
    # The mark (E and dot) is drawn around the centre at `scale`: a maskable icon keeps it in the safe zone.
    mx, my = 32 + (x - 32) / scale, 32 + (y - 32) / scale
    dx, dy, r = DOT
    if (mx - dx) ** 2 + (my - dy) ** 2 <= r * r:
        return YELLOW
    if any(x0 <= mx <= x1 and y0 <= my <= y1 for x0, y0, x1, y1 in E_BARS):
        return WHITE
    return BLUE


def draw(size, full_bleed=False, scale=1.0):
    rows = []
    step = 64 / size
    for py in range(size):
        row = bytearray([0])  # PNG filter: none
        for px in range(size):
            r = g = b = a = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = (px + (sx + 0.5) / SAMPLES) * step
                    y = (py + (sy + 0.5) / SAMPLES) * step
                    c = colour_at(x, y, full_bleed, scale)
                    if c is not None:
                        r, g, b, a = r + c[0], g + c[1], b + c[2], a + 1
            n = SAMPLES * SAMPLES
            row += bytes((r // a, g // a, b // a, 255 * a // n) if a else (0, 0, 0, 0))
        rows.append(bytes(row))
    return b"".join(rows)


def png(size, pixels):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(pixels, 9)) + chunk(
        b"IEND", b""
    )


def main():
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "wwwroot-assets", "img")
    icons = {
        "icon-192.png": (192, False, 1.0),
        "icon-512.png": (512, False, 1.0),
        # Maskable: the platform cuts its own shape, so the background fills the square and the mark stays in the
        # centre circle of 80 % (its farthest point, the dot, at 34 % of the side from the centre).
        "icon-maskable-512.png": (512, True, 0.7),
        # iOS rounds the corners itself and shows transparency as black: an opaque square.
        "apple-touch-icon.png": (180, True, 0.8),
    }
    for name, (size, full_bleed, scale) in icons.items():
        with open(os.path.join(folder, name), "wb") as out:
            out.write(png(size, draw(size, full_bleed, scale)))
        print(name, size)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the Teams app icons (color.png 192x192, outline.png 32x32) with the standard library only.

The colour icon is a filled rounded square with a white check mark; the outline icon is the same check mark, white on
transparent, as Teams requires. Run: python3 docs/teams/make-icons.py
"""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def png(path, size, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(rows, 9)))
        f.write(chunk(b"IEND", b""))


def on_check(x, y, size, width):
    """True on the check mark: two strokes, (0.25,0.52)->(0.43,0.70)->(0.76,0.34) in unit coordinates."""
    u, v = (x + 0.5) / size, (y + 0.5) / size
    for (ax, ay), (bx, by) in (((0.25, 0.52), (0.43, 0.70)), ((0.43, 0.70), (0.76, 0.34))):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)))
        if (u - ax - t * dx) ** 2 + (v - ay - t * dy) ** 2 <= width ** 2:
            return True
    return False


def color(x, y, size):
    u, v = (x + 0.5) / size, (y + 0.5) / size
    r = 0.18  # corner radius
    cx, cy = min(max(u, r), 1 - r), min(max(v, r), 1 - r)
    if (u - cx) ** 2 + (v - cy) ** 2 > r * r:
        return (0, 0, 0, 0)
    if on_check(x, y, size, 0.06):
        return (255, 255, 255, 255)
    return (70, 71, 117, 255)  # Teams indigo


def outline(x, y, size):
    return (255, 255, 255, 255) if on_check(x, y, size, 0.085) else (0, 0, 0, 0)


png(os.path.join(HERE, "color.png"), 192, color)
png(os.path.join(HERE, "outline.png"), 32, outline)

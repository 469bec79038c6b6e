#!/usr/bin/env python3
"""test/demo/png_check.py FILE.png: exit 0 when the PNG shows a page, not a
blank one: at least MIN_INK of its pixels differ from the background (the
most common colour) and it has at least MIN_COLOURS colours. Decodes PNG with
the standard library only (8-bit RGB or RGBA, no interlacing: what Chromium
writes)."""
import struct
import sys
import zlib
from collections import Counter

MIN_INK = 0.02
MIN_COLOURS = 16


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError("unsupported PNG (depth %d, colour type %d)" % (depth, colour))
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    out = []
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out.extend(bytes(line[i:i + 3]) for i in range(0, stride, bpp))
        prev = line
    return width, height, out


def main():
    width, height, px = pixels(sys.argv[1])
    counts = Counter(px)
    background, n_background = counts.most_common(1)[0]
    ink = 1 - n_background / len(px)
    print("%s: %dx%d, %d colours, %.1f%% of pixels differ from the background #%s"
          % (sys.argv[1], width, height, len(counts), 100 * ink, background.hex()))
    if ink < MIN_INK or len(counts) < MIN_COLOURS:
        print("blank: expected at least %.0f%% ink and %d colours" % (100 * MIN_INK, MIN_COLOURS))
        sys.exit(1)


if __name__ == "__main__":
    main()

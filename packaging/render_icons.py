"""Render the application icon (resources/icons/app/epages-sync.svg) into the PNG sizes desktops ask for,
plus the Windows .ico and the macOS .icns the bundles carry.

Run it after changing the SVG: ``python packaging/render_icons.py``. It needs only PySide6, which the app
depends on anyway; the .ico and .icns hold PNG images, which every Windows since Vista and every macOS
since 10.7 read, so no image library is needed to write them.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICON_DIR = Path(__file__).resolve().parents[1] / "resources" / "icons" / "app"
SVG = ICON_DIR / "epages-sync.svg"
PNG_SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The .icns chunk types that hold a PNG of the given edge length.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}


def render_png(size: int) -> bytes:
    """The SVG drawn at ``size`` x ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 takes only str
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon file holding each PNG as one entry (a width of 0 in the directory means 256)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        edge = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    chunks = b"".join(ICNS_TYPES[size] + struct.pack(">I", 8 + len(data)) + data
                      for size, data in sorted(pngs.items()) if size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QImage text/fonts want an app object
    rendered = {size: render_png(size) for size in sorted({*PNG_SIZES, *ICO_SIZES, 512, 1024})}
    for size in PNG_SIZES:
        (ICON_DIR / f"epages-sync-{size}.png").write_bytes(rendered[size])
    (ICON_DIR / "epages-sync.ico").write_bytes(ico_bytes({s: rendered[s] for s in ICO_SIZES}))
    (ICON_DIR / "epages-sync.icns").write_bytes(icns_bytes({s: rendered[s] for s in ICNS_TYPES}))
    del app
    print(f"Wrote {len(PNG_SIZES)} PNGs, epages-sync.ico and epages-sync.icns to {ICON_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

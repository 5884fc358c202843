"""How big a picture is, read from its header only: never decoded, so a 300-megapixel photo
costs a few kilobytes of memory to refuse."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from evkin.numbers import format_number
from evkin.settings import MEGABYTE, Limits

RASTER = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff")


@dataclass(frozen=True)
class ImageProblem:
    code: str  # catalogue key
    params: dict[str, object]


def problem(path: Path, target: str, limits: Limits) -> ImageProblem | None:
    """Why the image at ``path`` cannot go into a report, or ``None``."""

    if not path.is_file():
        return None  # a missing or folder target is the link check's business
    size = path.stat().st_size
    if size > limits.image_bytes:
        from decimal import Decimal

        return ImageProblem("image.too_big", {
            "target": target, "size": format_number(Decimal(size) / MEGABYTE, 1),
            "limit": format_number(Decimal(limits.image_bytes) / MEGABYTE, 1)})
    if path.suffix.lower() not in RASTER:
        return None
    dimensions = _dimensions(path)
    if dimensions is None:
        return ImageProblem("image.unreadable", {"target": target})
    width, height = dimensions
    if width * height > limits.image_pixels:
        from decimal import Decimal

        return ImageProblem("image.too_many_pixels", {
            "target": target, "width": format_number(Decimal(width)),
            "height": format_number(Decimal(height)),
            "limit": format_number(Decimal(limits.image_pixels))})
    return None


def _dimensions(path: Path) -> tuple[int, int] | None:
    from PIL import Image, UnidentifiedImageError

    guard = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None  # the pixel limit is ours (batas.piksel_gambar), not Pillow's
    try:
        with Image.open(path) as image:  # reads the header only
            return int(image.width), int(image.height)
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    finally:
        Image.MAX_IMAGE_PIXELS = guard

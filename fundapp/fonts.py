"""Is the font family the documents are set in installed? Asked of fontconfig, as Pango asks it.

Without it WeasyPrint does not fail: fontconfig hands it another family (the documents change
their look and width), or, on a machine with no fonts at all, the render may run until its time
limit. So a PDF is refused first, naming the package to install. The answer is asked once per
process when the family is there; while it is missing, every render asks again (a few
milliseconds), so installing the package needs no restart.

fontconfig is read through its C library (``libfontconfig.so.1``, which WeasyPrint itself
loads), not through ``fc-match``: the ``fontconfig`` package with the command-line tools is
often absent on servers where WeasyPrint works.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
from functools import cache

from .errors import FontsMissing

#: The body family of ``templates/pdf/static/print.css`` (and of the charts), and its Debian
#: package: Liberation Serif, metric-compatible with Times New Roman, the face UN documents are set in.
DOCUMENT_FONT = "Liberation Serif"
DEBIAN_PACKAGE = "fonts-liberation"
#: Every family the stylesheet names, in its order, with its package: the body face (Latin,
#: Cyrillic, Greek), Noto Serif CJK for Chinese, DejaVu Sans for Arabic (shaped right to left by
#: Pango/HarfBuzz) and what the others lack. Together they cover the six UN official languages.
DOCUMENT_FONTS = (
    (DOCUMENT_FONT, DEBIAN_PACKAGE),
    ("Noto Serif CJK SC", "fonts-noto-cjk"),
    ("DejaVu Sans", "fonts-dejavu-core"),
)

_found: set[str] = set()
_lock = threading.Lock()


def require_document_font(family: str | None = None, package: str | None = None) -> None:
    """Raise ``FontsMissing`` unless fontconfig gives ``family`` itself for ``family``; without a
    family, each of ``DOCUMENT_FONTS`` in turn."""
    if family is None:
        for name, its_package in DOCUMENT_FONTS:
            require_document_font(name, its_package)
        return
    package = package or DEBIAN_PACKAGE
    if family in _found:
        return
    matched = matched_family(family)
    if matched is not None and matched.casefold() == family.casefold():
        _found.add(family)
        return
    if matched is None:
        message = f"fontconfig finds no font at all for {family!r}: apt-get install libfontconfig1 {package}"
    else:
        message = (
            f"the documents' font {family!r} is not installed (fontconfig would use {matched!r} instead): "
            f"apt-get install {package}"
        )
    raise FontsMissing(
        message,
        f"documents cannot be rendered: the font {family} is not installed on the server "
        f"(Debian package {package})",
    )


def matched_family(family: str) -> str | None:
    """The family fontconfig picks for ``family`` (another one when it is missing).

    None when there is no fontconfig library or it matches no font at all.
    """
    lib = _fontconfig()
    if lib is None:
        return None
    with _lock:
        config = lib.FcInitLoadConfigAndFonts()  # a fresh configuration: fonts installed since count
        if not config:
            return None
        pattern = lib.FcNameParse(family.encode("utf-8"))
        try:
            lib.FcConfigSubstitute(config, pattern, 0)  # FcMatchPattern
            lib.FcDefaultSubstitute(pattern)
            result = ctypes.c_int()
            match = lib.FcFontMatch(config, pattern, ctypes.byref(result))
            if not match:
                return None
            try:
                value = ctypes.c_char_p()
                if lib.FcPatternGetString(match, b"family", 0, ctypes.byref(value)) != 0:  # FcResultMatch
                    return None
                return value.value.decode("utf-8") if value.value else None
            finally:
                lib.FcPatternDestroy(match)
        finally:
            lib.FcPatternDestroy(pattern)
            lib.FcConfigDestroy(config)


@cache
def _fontconfig() -> ctypes.CDLL | None:
    """fontconfig's C library with the signatures used here, or None when it is not installed."""
    try:
        lib = ctypes.CDLL(ctypes.util.find_library("fontconfig") or "libfontconfig.so.1")
    except OSError:
        return None
    pointer = ctypes.c_void_p
    lib.FcInitLoadConfigAndFonts.restype = pointer
    lib.FcNameParse.argtypes = [ctypes.c_char_p]
    lib.FcNameParse.restype = pointer
    lib.FcConfigSubstitute.argtypes = [pointer, pointer, ctypes.c_int]
    lib.FcDefaultSubstitute.argtypes = [pointer]
    lib.FcFontMatch.argtypes = [pointer, pointer, ctypes.POINTER(ctypes.c_int)]
    lib.FcFontMatch.restype = pointer
    lib.FcPatternGetString.argtypes = [
        pointer,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.POINTER(ctypes.c_char_p),
    ]
    lib.FcPatternDestroy.argtypes = [pointer]
    lib.FcConfigDestroy.argtypes = [pointer]
    return lib

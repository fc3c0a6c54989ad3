"""Small files of each kind the fund accepts, and hostile ones, made in the test."""

from __future__ import annotations

import io

import openpyxl

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + b"\x00" * 64
CSV = b"budget line,amount\nShelter rent,12000.00\nCounsellors' fees,8400.00\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
#: Text that starts innocently and carries a tag a browser would sniff as HTML.
SNEAKY_HTML = b"Budget notes\n<script>alert(1)</script>\n"
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def xlsx() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["Budget line", "Amount"])
    book.active.append(["Shelter rent", 12000])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

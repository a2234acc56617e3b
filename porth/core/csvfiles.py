"""CSV downloads, written one way everywhere: RFC 4180 (a header row, CRLF line ends, quotes only where
needed), UTF-8 with a byte-order mark so that spreadsheet programs read Welsh letters, streamed row by row.

A text cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage
return) is written with a leading apostrophe: a project title typed as "=HYPERLINK(...)" must reach the
reader as text, never run on their computer (OWASP's advice on CSV injection). Numbers stay as they are."""

import csv
from collections.abc import Iterable

from django.http import StreamingHttpResponse

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class _Echo:
    def write(self, value):
        return value


def csv_lines(header: list[str], rows: Iterable[list], bom: bool = True) -> Iterable[str]:
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    yield ("\ufeff" if bom else "") + writer.writerow([csv_cell(name) for name in header])
    for row in rows:
        yield writer.writerow([csv_cell(value) for value in row])


def csv_response(
    header: list[str], rows: Iterable[list], filename: str, bom: bool = True
) -> StreamingHttpResponse:
    """`bom=False` for files meant for programs (open data), which a byte-order mark can trip up."""
    response = StreamingHttpResponse(
        csv_lines(header, rows, bom), content_type="text/csv; charset=utf-8; header=present"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

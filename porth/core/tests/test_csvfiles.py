import csv
import io

import pytest

from porth.core.csvfiles import csv_cell, csv_lines
from porth.testing import body_text, make_project


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_text_a_spreadsheet_would_run_is_written_as_text(text):
    assert csv_cell(text) == "'" + text


def test_other_values_are_left_as_they_are():
    assert [csv_cell(v) for v in ("Residents' parking", "", -5, 3.5, None)] == [
        "Residents' parking",
        "",
        -5,
        3.5,
        None,
    ]


def test_lines_are_rfc_4180_with_a_byte_order_mark():
    text = "".join(csv_lines(["title", "n"], [["Ysgol, Caerdydd", 1], ['say "hi"', 2]]))
    assert text == '\ufefftitle,n\r\n"Ysgol, Caerdydd",1\r\n"say ""hi""",2\r\n'


@pytest.mark.django_db
def test_the_portfolio_export_never_hands_a_formula_to_a_spreadsheet(client, people):
    make_project(people["owner"], title_en='=HYPERLINK("http://evil.example","Click")')
    rows = list(csv.DictReader(io.StringIO(body_text(client.get("/projects/export.csv")))))
    assert rows[0]["title_en"] == '\'=HYPERLINK("http://evil.example","Click")'

"""The training reports' CSV downloads: written by porth.core.csvfiles, so what people typed is never run as a
formula when the file is opened in a spreadsheet."""

import csv
import io

import pytest

from porth.skills.models import Course
from porth.testing import body_text

from .helpers import book

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example","Click")'


def rows(response) -> list[dict]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(body_text(response))))


def test_names_and_titles_people_typed_come_out_as_text(client, who, session):
    learner = who["learner"]
    learner.full_name = FORMULA
    learner.save()
    Course.objects.filter(pk=session.course_id).update(title_en="+SUM(1,2)")
    book(session, learner)
    client.force_login(who["org_admin"])
    (booking,) = rows(client.get("/training/reports/bookings.csv"))
    assert booking["Name"] == "'" + FORMULA
    assert booking["Course"] == "'+SUM(1,2)"
    (course,) = rows(client.get("/training/reports/course.csv"))
    assert course["Course"] == "'+SUM(1,2)" and course["Booked"] == "1"  # numbers stay numbers


def test_downloads_start_with_a_byte_order_mark_for_spreadsheets(client, who, session):
    book(session, who["learner"])
    client.force_login(who["org_admin"])
    response = client.get("/cy/training/reports/organisation.csv")
    raw = b"".join(response.streaming_content).decode()
    assert raw.startswith("\ufeffSefydliad,") and raw.endswith("\r\n")
    assert response["Content-Disposition"] == 'attachment; filename="porth-training-by-organisation.csv"'

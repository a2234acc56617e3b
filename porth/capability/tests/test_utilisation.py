"""Utilisation over time, by specialist, team and organisation, on the page and as CSV."""

import csv
import io

import pytest

from porth.capability import queries, services
from porth.directory.models import LeadershipTeam, Organisation
from porth.testing import body_text

from .conftest import friday, week

pytestmark = pytest.mark.django_db


@pytest.fixture
def pool_at_work(pool, make_specialist, make_request, book):
    catrin = make_specialist(
        "Catrin Hughes", days="4", home_team=LeadershipTeam.objects.get(slug="wlga-digital-team")
    )
    dylan = make_specialist(
        "Dylan Williams", days="2", home_organisation=Organisation.objects.get(code="W06000011")
    )
    book(catrin, make_request(), days="2", first=0, last=1)
    book(dylan, make_request(), days="1", first=1, last=1)
    waiting = book(dylan, make_request(), days="2", first=1, last=1, wait=True)  # counts for nothing
    services.leave_add(specialist=catrin, user=None, starts_on=week(1), ends_on=week(1))
    return {"catrin": catrin, "dylan": dylan, "waiting": waiting}


def cells(row):
    return [(c.booked, c.available, c.percent) for c in row.cells]


def test_by_specialist_week_by_week(pool, pool_at_work):
    table = queries.utilisation(pool=pool, by="specialist", start=week(0), weeks=3, every="week")
    rows = {r.label: r for r in table.rows}
    assert cells(rows["Catrin Hughes"]) == [(2, 4, 50), (2, 3, 67), (0, 4, 0)]
    assert cells(rows["Dylan Williams"]) == [(0, 2, 0), (1, 2, 50), (0, 2, 0)]
    assert [(c.booked, c.available) for c in table.totals] == [(2, 6), (3, 5), (0, 6)]
    assert rows["Catrin Hughes"].total.percent == round(4 * 100 / 11)


def test_by_home_team_and_home_organisation(pool, pool_at_work):
    by_team = queries.utilisation(pool=pool, by="home_team", start=week(0), weeks=2, every="week")
    team = str(LeadershipTeam.objects.get(slug="wlga-digital-team").name)
    rows = {r.label: r for r in by_team.rows}
    assert set(rows) == {team, "No home team"}
    assert cells(rows[team]) == [(2, 4, 50), (2, 3, 67)] and cells(rows["No home team"]) == [
        (0, 2, 0),
        (1, 2, 50),
    ]
    by_org = queries.utilisation(pool=pool, by="home_organisation", start=week(0), weeks=2, every="week")
    rows = {r.label: r for r in by_org.rows}
    assert cells(rows["Swansea"]) == [(0, 2, 0), (1, 2, 50)]


def test_by_organisation_served_counts_days_booked_only(pool, pool_at_work):
    table = queries.utilisation(pool=pool, by="served", start=week(0), weeks=2, every="week")
    (cardiff,) = table.rows
    assert cardiff.label == "Cardiff" and [c.booked for c in cardiff.cells] == [2, 3]
    assert all(c.available is None and c.percent is None for c in cardiff.cells)


def test_month_by_month_holds_the_weeks_that_start_in_each_month(pool, pool_at_work):
    table = queries.utilisation(pool=pool, by="specialist", start=week(0), weeks=10, every="month")
    assert sum(len(p.weeks) for p in table.periods) == 10
    assert all(w.month == p.start.month for p in table.periods for w in p.weeks)


def test_the_page_and_its_csv_agree(client, cast, pool_at_work):
    client.force_login(cast["manager"])
    start = week(0)
    query = (
        f"?by=specialist&weeks=2&every=week&start_0={start.day}&start_1={start.month}&start_2={start.year}"
    )
    page = client.get(f"/specialists/pools/capability-model/utilisation/{query}").content.decode()
    assert "2 of 4" in page and "50%" in page
    response = client.get(f"/specialists/pools/capability-model/utilisation.csv{query}")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(body_text(response))))
    catrin = [r for r in rows if r["group"] == "Catrin Hughes"]
    assert [
        (r["period_start"], r["available_days"], r["booked_days"], r["utilisation_percent"]) for r in catrin
    ] == [
        (week(0).isoformat(), "4", "2", "50"),
        (week(1).isoformat(), "3", "2", "67"),
    ]


def test_the_csv_never_hands_a_formula_to_a_spreadsheet(client, cast, pool, make_specialist):
    make_specialist('=HYPERLINK("http://evil.example","Click")', days="4")
    client.force_login(cast["manager"])
    response = client.get("/specialists/pools/capability-model/utilisation.csv?by=specialist&weeks=1")
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="porth-utilisation-capability-model-specialist.csv"'
    )
    (row,) = csv.DictReader(io.StringIO(body_text(response)))
    assert row["group"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert (row["available_days"], row["booked_days"], row["utilisation_percent"]) == ("4", "0", "0")


def test_bad_options_are_explained(client, cast, pool_at_work):
    client.force_login(cast["manager"])
    response = client.get("/specialists/pools/capability-model/utilisation/?weeks=99")
    assert response.status_code == 400 and "Enter a number of weeks from 1 to 52" in response.content.decode()
    assert client.get("/specialists/pools/capability-model/utilisation.csv?by=nonsense").status_code == 400


def test_people_outside_the_weeks_they_are_in_the_pool_add_nothing(pool, make_specialist):
    make_specialist("Left", joined_on=week(-20), left_on=friday(-5))
    table = queries.utilisation(pool=pool, by="specialist", start=week(0), weeks=2, every="week")
    assert table.rows == []

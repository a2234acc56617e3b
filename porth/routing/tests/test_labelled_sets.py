"""The labelled sets of real projects that bench/routing_quality.py and bench/similarity.py measure on: the
split between tuning and held-out parts is the one bench/data/LABELLING.md fixes, and every routing item has
the fields the bench reads (a stray colon in a name once turned part of it into a key unseen)."""

import hashlib
import json
from pathlib import Path

import yaml

from bench.routing_quality import facts_v2, hosted_teams

DATA = Path(__file__).resolve().parents[3] / "bench" / "data"


def held_out(name: str) -> bool:
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[0] in "012345"


def test_each_routing_item_sits_in_the_part_its_id_fixes_and_reads_as_facts():
    items = yaml.safe_load((DATA / "routing_projects.yaml").read_text(encoding="utf-8"))
    hosts = hosted_teams()
    assert len(items) >= 150
    for item in items:
        assert item["split"] == ("holdout" if held_out(item["id"]) else "tuning"), item["id"]
        facts = facts_v2(item, hosts)  # raises on a key the bench does not know
        assert facts.owners, item["id"]
        assert item["source"].startswith(("https://", "http://")), item["id"]


def test_a_group_of_councils_counts_as_several_owners():
    item = {
        "asking": {
            "name": "A consortium",
            "code": None,
            "kind": "council_partnership",
            "sector": "local_government",
        },
        "owners": [
            {
                "name": "Its councils",
                "code": None,
                "kind": "local_authority",
                "sector": "local_government",
                "group": True,
            }
        ],
        "helpers": [],
        "work_kind": "data",
        "health_or_social_care": False,
        "welsh_government_service": False,
        "help_wanted": [],
    }
    assert len({o.code for o in facts_v2(item, {}).owners}) == 2


def test_each_similar_project_group_sits_wholly_in_the_part_its_name_fixes():
    rows = [
        json.loads(line)
        for line in (DATA / "similar_real.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    for row in rows:
        assert row["split"] == ("holdout" if held_out(row["group"]) else "tuning"), row["id"]

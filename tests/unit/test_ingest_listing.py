"""The listing-page reader, on the seed dumps in examples/ and on small made-up pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.ingest.listing import (
    is_chrome,
    looks_like_abstract,
    pair_titles,
    parse_authors_line,
    parse_date_line,
    parse_listing,
    parse_org_line,
    read_listing,
)
from kg.ingest.summary import IngestSummary
from kg.models import Organization

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SEED_000 = EXAMPLES / "000_3472a3ad1e7b0f8f.txt"
SEED_002 = EXAMPLES / "002_bfb9b92e3007a05a.txt"
SEED_003 = EXAMPLES / "003_d49c66286add6fa3.txt"
ABSTRACT = "We study a thing. " * 30  # 540 characters: an abstract by any measure


def _by_title(path: Path) -> dict:
    return {paper.title: paper for paper in read_listing(path)}


@pytest.mark.parametrize(("path", "count"), [(SEED_000, 57), (SEED_002, 96), (SEED_003, 67)])
def test_listing_counts_papers_per_seed_file(path, count):
    summary = IngestSummary()
    papers = list(read_listing(path, summary))
    assert len(papers) == count
    assert summary.warnings == [] and summary.skipped == 0


@pytest.mark.parametrize("path", [SEED_000, SEED_002, SEED_003])
def test_listing_splits_titles_from_abstracts_on_seeds(path):
    for paper in read_listing(path):
        assert 20 <= len(paper.title) < 200, paper.title
        assert len(paper.abstract) > 1000, paper.title
        assert paper.id.startswith("t-") and paper.arxiv_id is None


def test_listing_page_chrome_yields_no_paper():
    titles = {p.title for path in (SEED_000, SEED_002, SEED_003) for p in read_listing(path)}
    chrome = {"new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers",
              "byAK and the research community", "Jan 6", "Mar 14", "Oct 27"}  # fmt: skip
    assert not titles & chrome
    first = next(iter(read_listing(SEED_000)))
    assert first.title == "Benign Overfitting and Grokking in ReLU Networks for XOR Cluster Data"
    assert first.sources == [f"{SEED_000}:13"]


def test_listing_chrome_alone_is_no_paper():
    page = "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\n"
    page += "byAK and the research community\n\nMar 14\n"
    assert parse_listing(page, "chrome.txt") == []


def test_listing_authors_count_and_date_on_seed():
    paper = _by_title(SEED_000)[
        "Benign Overfitting and Grokking in ReLU Networks for XOR Cluster Data"
    ]
    assert paper.authors_count == 5
    assert paper.date == dt.date(2023, 10, 3)
    assert paper.date_text is None and paper.upvotes is None and paper.organization is None
    assert paper.abstract.startswith("Neural networks trained by gradient descent (GD)")


def test_listing_metadata_belongs_to_the_paper_before_it():
    papers = _by_title(SEED_000)
    # The "spiralworks Spiral Works" block follows Combinatorial Creativity's abstract,
    # right above RegMean++'s title: it is Combinatorial Creativity's.
    combinatorial = papers["Combinatorial Creativity: A New Frontier in Generalization Abilities"]
    assert combinatorial.organization == Organization(id="spiralworks", name="Spiral Works")
    assert combinatorial.authors_count is None
    assert (combinatorial.date, combinatorial.upvotes) == (dt.date(2025, 9, 25), 2)
    regmean = papers[
        "RegMean++: Enhancing Effectiveness and Generalization of Regression Mean for Model Merging"
    ]
    assert regmean.organization is None
    assert (regmean.authors_count, regmean.date) == (4, dt.date(2025, 8, 5))


def test_listing_organizations_on_seed():
    orgs = {p.title: p.organization for p in read_listing(SEED_000) if p.organization}
    assert orgs == {
        "Combinatorial Creativity: A New Frontier in Generalization Abilities":
            Organization(id="spiralworks", name="Spiral Works"),
        "Evaluating Gemini Robotics Policies in a Veo World Simulator":
            Organization(id="deepmind", name="Deepmind"),
        "Learning to Grasp Anything by Playing with Random Toys":
            Organization(id="Berkeley", name="UC Berkeley"),
    }  # fmt: skip


def test_listing_paper_without_metadata_then_next_paper():
    papers = _by_title(SEED_000)
    quest = papers["The Quest for Generalizable Motion Generation: Data, Model, and Evaluation"]
    assert quest.abstract.startswith("Despite recent advances in 3D human motion generation")
    assert (quest.date, quest.date_text, quest.authors_count, quest.organization) == (
        None, None, None, None,
    )  # fmt: skip
    gemini = papers["Evaluating Gemini Robotics Policies in a Veo World Simulator"]
    assert (gemini.date, gemini.upvotes) == (dt.date(2025, 12, 11), 2)


def test_listing_seed_without_any_metadata():
    papers = list(read_listing(SEED_002))
    assert all(p.date is None and p.authors_count is None and p.upvotes is None for p in papers)
    assert papers[-1].title == "Can Models Learn Skill Composition from Examples?"


def test_listing_date_without_year_stays_date_text():
    papers = _by_title(SEED_003)
    prismatic = papers[
        "Prismatic Synthesis: Gradient-based Data Diversification Boosts Generalization"
        " in LLM Reasoning"
    ]
    assert (prismatic.date, prismatic.date_text, prismatic.upvotes) == (None, "May 26", None)
    resa = papers["Resa: Transparent Reasoning Models via SAEs"]
    assert (resa.date, resa.date_text, resa.upvotes) == (None, "Jun 11", 2)
    assert sum(1 for p in papers.values() if p.date_text) == 19


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Oct 3, 2023", (dt.date(2023, 10, 3), None, None)),
        ("Sep 25, 2025 2", (dt.date(2025, 9, 25), None, 2)),
        ("May 26", (None, "May 26", None)),
        ("Feb 26 2", (None, "Feb 26", 2)),
        ("Feb 29", (None, "Feb 29", None)),
        ("Feb 30", None),
        ("Smarch 3, 2023", None),
        ("Mayhem 26", None),
        ("Linguistic Collapse", None),
    ],
)
def test_listing_parse_date_line(line, expected):
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("  • 5 authors", 5), ("• 1 authors", 1), ("12 authors", 12), ("authors", None),
     ("5 authors of note", None)],
)  # fmt: skip
def test_listing_parse_authors_line(line, expected):
    assert parse_authors_line(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("spiralworks Spiral Works", Organization(id="spiralworks", name="Spiral Works")),
        ("Berkeley UC Berkeley", Organization(id="Berkeley", name="UC Berkeley")),
        ("deepmind", Organization(id="deepmind")),
    ],
)
def test_listing_parse_org_line(line, expected):
    assert parse_org_line(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("new", True), ("SUBSCRIBE", True), ("Oct 27", True), ("New Frontiers in RL", False)],
)
def test_listing_is_chrome(line, expected):
    assert is_chrome(line) is expected


def test_listing_looks_like_abstract_on_seed_lines():
    for paper in read_listing(SEED_003):
        assert looks_like_abstract(paper.abstract)
        assert not looks_like_abstract(paper.title)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["T1", ABSTRACT, "T2", ABSTRACT], [(0, 1), (2, 3)]),
        (["T1", "T2", ABSTRACT], [(0, None), (1, 2)]),
        (["T1", "Short abstract."], [(0, 1)]),
        (["T1", "Short abstract.", "T2", "Another."], [(0, 1), (2, 3)]),
        (["T1"], [(0, None)]),
        ([ABSTRACT, "T1", ABSTRACT], [(None, 0), (1, 2)]),
        ([], []),
    ],
)
def test_listing_pair_titles(lines, expected):
    assert pair_titles(lines) == expected


def test_listing_title_without_abstract_before_a_metadata_block():
    page = f"T1\n\nT2\n\n{ABSTRACT}\n\n  • 3 authors\n·\nMar 1, 2024\n\nT3\n\n{ABSTRACT}\n"
    papers = parse_listing(page, "p.txt")
    assert [(p.title, bool(p.abstract), p.authors_count) for p in papers] == [
        ("T1", False, None), ("T2", True, 3), ("T3", True, None),
    ]  # fmt: skip
    assert [p.sources for p in papers] == [["p.txt:1"], ["p.txt:3"], ["p.txt:11"]]


def test_listing_orphan_abstract_and_metadata_are_warned_and_skipped():
    page = f"{ABSTRACT}\n\n  • 3 authors\n·\nMar 1, 2024\n\nT1\n\n{ABSTRACT}\n"
    summary = IngestSummary()
    papers = parse_listing(page, "p.txt", summary)
    assert [(p.title, p.authors_count) for p in papers] == [("T1", None)]
    assert summary.skipped == 1
    assert summary.warnings[0] == "p.txt:1: a paragraph with no title before it; skipped"
    assert summary.warnings[1].startswith("p.txt:3: authors_count but no paper before it")


def test_listing_metadata_without_blank_line_after_abstract():
    page = f"T1\n{ABSTRACT}\n  • 2 authors\n·\nJun 7, 2025 2\nT2\n{ABSTRACT}\n"
    papers = parse_listing(page, "p.txt")
    assert [(p.title, p.authors_count, p.upvotes) for p in papers] == [
        ("T1", 2, 2), ("T2", None, None),
    ]  # fmt: skip


def test_listing_bad_date_after_separator_is_warned():
    summary = IngestSummary()
    papers = parse_listing(f"T1\n\n{ABSTRACT}\n\n  • 2 authors\n·\nsoon\n", "p.txt", summary)
    assert papers[0].authors_count == 2 and papers[0].date is None
    assert summary.warnings == ["p.txt:7: 'soon' after '·' is not a date; ignored"]

"""Property tests: any text in, no exception out, every offset inside its sentence."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract import extract
from kg.graph import build_graph
from kg.models import Paper

# Text that looks like abstracts often enough to exercise every component: names,
# numbers with units, parentheses, LaTeX and markdown, plus arbitrary unicode.
_PIECES = st.sampled_from(
    ["GRPO", "Meta-World", "(RegMean)", "Regression Mean", "92.7%", "accuracy", "on", "GSM8K", "outperforms",
     "We propose", "LLaMA-2-7B", "$17\\times$", "**bold**", "e.g.", ".", ",", ":", "\n", "x", "10.1-36.6%",
     "https://github.com/a/b", "from 17% to", "Claude Sonnet 4.5", "(", ")", "  ", "é", "😀", "\x00"]
)
_TEXT = st.one_of(st.text(max_size=300), st.lists(_PIECES, max_size=60).map(" ".join))

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@_SETTINGS
@given(title=_TEXT, abstract=_TEXT)
def test_extract_any_text_offsets_inside_sentences(nlp, title, abstract):
    [record] = list(extract([Paper(id="p", title=title or "t", abstract=abstract)], nlp))
    for mention in record.mentions:
        assert record.sentences[mention.sentence][mention.start : mention.end] == mention.text
    for result in record.results:
        assert record.sentences[result.sentence][result.start : result.end] == result.text
    for relation in record.relations:
        assert 0 <= relation.sentence < len(record.sentences)
        assert relation.target in {mention.text for mention in record.mentions}


@_SETTINGS
@given(abstracts=st.lists(_TEXT, min_size=1, max_size=4))
def test_graph_relations_point_at_existing_nodes(nlp, abstracts):
    papers = [Paper(id=f"p{i}", title=f"Paper {i}", abstract=text) for i, text in enumerate(abstracts)]
    graph = build_graph(extract(papers, nlp))
    for source, target, attrs in graph.edges(data=True):
        assert "label" in graph.nodes[source] and "label" in graph.nodes[target]
        assert attrs["type"]

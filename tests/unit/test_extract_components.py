"""The extraction components on hand-written sentences, through the real pipeline."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.abbreviations import is_short_form, match_long_form
from kg.extract.gazetteer import surface_variants
from kg.extract.patterns import find_acronym_terms, find_coordinated_terms, find_dataset_examples, find_metric_examples, find_metric_subscripts, find_name_candidates, find_task_examples, find_task_nouns, find_term_phrases, guess_type, is_coined_name, lower_title_words, trim_name
from kg.extract.results import find_results
from kg.models import Paper


def _extract(nlp, title: str, abstract: str):
    return next(extract([Paper(id="p", title=title, abstract=abstract)], nlp))


def _relations(nlp, title: str, abstract: str) -> set[tuple[str, str]]:
    """(relation type, target) of every relation found in an abstract."""
    return {(r.type, r.target) for r in _extract(nlp, title, abstract).relations}


def _targets(nlp, abstract: str, relation: str) -> set[str]:
    """The targets of one relation type found in an abstract (under a neutral title)."""
    return {r.target for r in _extract(nlp, "A study", abstract).relations if r.type == relation}


def _long_forms(record, text: str) -> list[str | None]:
    """The long form each mention written `text` is tied to, in order."""
    return [m.long_form for m in record.mentions if m.text == text]


def _types(nlp, abstract: str, title: str = "A study") -> dict[str, str]:
    """{mention text: entity type} of what kg finds in an abstract."""
    return {m.text: m.type for m in _extract(nlp, title, abstract).mentions}


@pytest.mark.parametrize(
    "name, coined",
    [("GRPO", True), ("RegMean++", True), ("Easy2Hard-Bench", True), ("GPT-4o", True), ("LLaMA-2-7B", True),
     ("MetaWorld", True), ("X-Bench", True), ("Self-Supervised", False), ("Transformers", False), ("2023", False),
     ("Low-Data", False), ("Proof-of-Data", False), ("Majority-Set", False), ("QUORRA-data", True),
     ("Quorra-Diagnosis-1.1", True), ("Vireo-v1.5", True), ("Stage-1", False)],
)
def test_patterns_coined_names(name, coined):
    assert is_coined_name(name) is coined


def test_patterns_find_names_in_text_and_skip_generic():
    text = "We train LLaMA-2-7B with GRPO, unlike BERT-based LLMs built with PyTorch on a GPU."
    assert [name for _, _, name in find_name_candidates(text)] == ["LLaMA-2-7B", "GRPO", "BERT"]
    assert trim_name("GPT-4-based") == "GPT-4"


@pytest.mark.parametrize(
    "name, next_word, long_form, expected",
    [("Easy2Hard-Bench", "", "", "Dataset"), ("Meta-World", "", "", "Dataset"), ("LLaMA-2-7B", "", "", "Model"),
     ("GRPO", "algorithm", "", "Method"), ("XYZ", "benchmark", "", "Dataset"), ("RegMean", "", "Regression Mean", "Method"),
     ("WER", "", "Word Error Rate", "Metric"), ("ISIC-2019", "", "", "Dataset"), ("AIME2025", "", "", "Dataset"),
     ("QuillBenchv1", "", "", "Dataset"), ("QuillEval-v2.1", "", "", "Dataset"), ("Quill-Data", "", "", "Method"),
     ("QuillVLA-Data", "", "", "Dataset"), ("Quorra-QTR-10K", "", "", "Dataset"), ("Quorra-70M", "", "", "Model"),
     ("QPEA2", "", "Quorra Pareto Evolutionary Algorithm 2", "Method"), ("QDS2", "", "Quill Distribution Score 2", "Metric"),
     ("QuillShare-2025", "Task", "", "Dataset"), ("QuillShare", "task", "", "Task"), ("Quillworld", "", "", "Dataset"),
     ("Quill-Retrieval", "", "", "Method"), ("QuillRetrieval", "", "", "Method"), ("Quill-Offset", "", "", "Method")],
)
def test_patterns_guess_type(name, next_word, long_form, expected):
    assert guess_type(name, next_word, long_form) == expected


def test_abbreviations_schwartz_hearst():
    words = "to this end we use Group Relative Policy Optimization"
    assert words[match_long_form(words, "GRPO"):] == "Group Relative Policy Optimization"
    assert is_short_form("MoE") and not is_short_form("i.e.")


def test_abbreviation_ties_acronym_to_long_form(nlp):
    record = _extract(nlp, "A study", "Regression Mean (RegMean), an approach to model merging. RegMean is fast.")
    regmean = [m for m in record.mentions if m.text == "RegMean"]
    assert len(regmean) == 2 and all(m.long_form == "Regression Mean" for m in regmean)
    assert any(m.text == "Regression Mean" and m.type == "Method" for m in record.mentions)


def test_acronym_glued_to_a_hyphenated_suffix_is_its_own_token(nlp):
    record = _extract(nlp, "A study", "Group Relative Policy Optimization (GRPO)-based training helps. GRPO is fast.")
    assert {m.text for m in record.mentions} == {"Group Relative Policy Optimization", "GRPO"}


def test_long_form_not_spelling_the_listed_name_is_not_that_entity(nlp):
    # "ACC" is on the metric list as accuracy; this paper defines it as something else.
    record = _extract(nlp, "A study", "Adaptive Cruise Control (ACC) keeps distance. ACC is safe.")
    cruise = [m for m in record.mentions if m.text == "Adaptive Cruise Control"]
    assert cruise and cruise[0].canonical is None
    assert all(m.long_form == "Adaptive Cruise Control" for m in record.mentions if m.text == "ACC")


def test_long_form_headed_as_a_technique_is_not_a_task_listed_by_its_acronym(nlp):
    # "STS" is on the task list by its acronym alone; a scheme spelling it is a technique.
    record = _extract(nlp, "A study", "We propose the Sparse Tiered Scheme (STS) for Quorra. STS is fast.")
    assert {(m.text, m.type, m.canonical) for m in record.mentions} >= {
        ("Sparse Tiered Scheme", "Method", None), ("STS", "Method", None)
    }
    assert ("INTRODUCES", "Sparse Tiered Scheme") in {(r.type, r.target) for r in record.relations}


def test_listed_mixed_case_acronym_in_other_capitals_is_another_thing(nlp):
    # "AwA" is a listed dataset; "AWA", spelled out as a technique here, is not it.
    record = _extract(nlp, "A study", "Adaptive Weight Allocation (AWA) tunes merging weights. AWA is fast.")
    assert {m.type for m in record.mentions if m.text in ("AWA", "Adaptive Weight Allocation")} == {"Method"}
    assert not [r for r in record.relations if r.type == "EVALUATES_ON"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("reaches 92.7% accuracy", [(92.7, "%")]),
        ("a 26.3% relative improvement", [(26.3, "%")]),
        ("gains +1.5 pp and 3.2 points", [(1.5, "pp"), (3.2, "points")]),
        ("from 17% to 60%", [(17.0, "%"), (60.0, "%")]),
        ("10.1-36.6% better", [(10.1, "%"), (36.6, "%")]),
        ("gains of 3--6% and 1.2--3.2 points", [(3.0, "%"), (6.0, "%"), (1.2, "points"), (3.2, "points")]),
        ("saves 30~40% and 15%--20%", [(30.0, "%"), (40.0, "%"), (15.0, "%"), (20.0, "%")]),
        ("2.5x faster and six times cheaper", [(2.5, "x"), (6.0, "x")]),
        ("rated 4.2/5 by users", [(4.2, "/5")]),
        ("a $17\\times$ speedup", [(17.0, "x")]),
        ("5 authors trained 7B parameters on 2.5B tokens in 20 minutes", []),
        ("using 25% of the training data", []),
        ("using 50%, 30%, and even 10% training data", []),
        ("88.2% accuracy (95% CI: 85.1-90.3%) and 95% confidence intervals", [(88.2, "%")]),
        ("parallel 1 x 1 and 3×3 kernels, about $2.38\\times 10^{18}$ states", []),
        ("repeated 3 times", []),
    ],
)
def test_results_numbers_with_units(text, expected):
    assert [(r.value, r.unit) for r in find_results(text)] == expected


def test_results_ranges_written_in_latex_keep_both_ends(nlp):
    record = _extract(nlp, "A method", r"Quorra improves accuracy by 1.2--3.2 points and prunes 30~40\% of the parameters on Task~6.")
    assert [(r.value, r.unit) for r in record.results] == [(1.2, "points"), (3.2, "points")]
    record = _extract(nlp, "A method", r"Quorra reaches 30~40\% accuracy.")
    assert [(r.value, r.unit, r.metric) for r in record.results] == [(30.0, "%", "accuracy"), (40.0, "%", "accuracy")]


def test_results_attach_metric_and_dataset(nlp):
    record = _extract(nlp, "A method", "Our model reaches 92.7% accuracy on GSM8K and ROUGE-L 74.68 on XSum.")
    by_value = {r.value: r for r in record.results}
    assert by_value[92.7].unit == "%" and by_value[92.7].metric.lower() == "accuracy" and by_value[92.7].dataset == "GSM8K"
    assert by_value[74.68].unit is None and by_value[74.68].metric == "ROUGE-L"


def test_entities_a_name_guessed_in_one_casing_takes_the_type_another_casing_is_given(nlp):
    types = _types(nlp, "Models read long contexts. In the QuillLM Challenge, entries used short sequences.",
                   title="What is the Best Sequence Length for QUILLLM?")
    assert types["QUILLLM"] == types["QuillLM"] == "Dataset"


def test_entities_a_listed_mixed_case_name_in_other_capitals_the_paper_names_as_its_own_is_new(nlp):
    record = _extract(nlp, "A study", "We propose COLA, a method for robot carrying. COLA reduces human effort by 24.7%.")
    assert {(m.text, m.type, m.canonical) for m in record.mentions if m.text == "COLA"} == {("COLA", "Method", None)}
    assert ("INTRODUCES", "COLA") in {(r.type, r.target) for r in record.relations}
    assert {m.type for m in _extract(nlp, "A study", "We fine-tune BERT on COLA and SST-2.").mentions if m.text == "COLA"} == {"Dataset"}


def test_results_a_gain_in_a_metric_takes_the_metric_after_it(nlp):
    record = _extract(nlp, "A study", "Quorra gains 5.88% in speaker similarity, 15.20% in word error rate, and 46.98% in spectral distance.")
    metrics = {r.value: r.metric for r in record.results}
    assert metrics[5.88] == "speaker similarity" and metrics[15.2] == "word error rate"


def test_results_a_parallel_clause_scoring_another_system_takes_the_metric_before_it(nlp):
    record = _extract(nlp, "A study", (
        "On QuorraQA, Kestrel-7B achieves 76.67% accuracy, whereas Vireo-8B reaches only 68.47%. Kestrel-7B scores"
        " 81.2% accuracy, and Marlowe reaches 99.9% agreement with the author. It achieves 88.1% accuracy while"
        " using 30% fewer parameters."
    ))
    metrics = {r.value: r.metric for r in record.results}
    assert metrics[68.47] == "accuracy" and metrics[99.9] is None and metrics[30.0] is None


def test_results_a_change_from_one_number_to_another_belongs_to_the_dataset_before_it(nlp):
    record = _extract(
        nlp, "A method", "Quorra boosts accuracy on Vireo-QA from 30% to 80% and on Kestrel-QA from 22% to 41%."
    )
    assert {r.value: r.dataset for r in record.results} == {30.0: "Vireo-QA", 80.0: "Vireo-QA", 22.0: "Kestrel-QA", 41.0: "Kestrel-QA"}


def test_results_a_score_on_a_dataset_named_after_it_is_that_datasets(nlp):
    record = _extract(
        nlp, "A method", "Quorra reaches 34.8 mAP@10 on Vireo-QA and 75.7 mAP@200 on Kestrel-QA, and beats Marlowe on "
        "Vireo-QA by 5% and on Kestrel-QA by 3%."
    )
    assert {r.value: r.dataset for r in record.results} == {34.8: "Vireo-QA", 75.7: "Kestrel-QA", 5.0: "Vireo-QA", 3.0: "Kestrel-QA"}


def test_relations_from_cues(nlp):
    relations = _relations(
        nlp,
        "Meta-World: A Benchmark for Multi-Task Reinforcement Learning",
        "We propose RegMean++, which outperforms RegMean on GSM8K. We fine-tune LLaMA-2-7B with GRPO. "
        "Experiments on Meta-World show gains in image captioning.",
    )
    assert ("INTRODUCES", "Meta-World") in relations
    assert ("INTRODUCES", "RegMean++") in relations
    assert ("COMPARES_TO", "RegMean") in relations
    assert ("EVALUATES_ON", "GSM8K") in relations and ("EVALUATES_ON", "Meta-World") in relations
    assert ("USES", "LLaMA-2-7B") in relations and ("USES", "GRPO") in relations
    assert ("ADDRESSES", "image captioning") in relations
    assert ("USES", "RegMean++") not in relations


def test_generic_phrases_are_not_entities(nlp):
    record = _extract(nlp, "A study", "Our method uses LLMs and a new dataset to improve AI on GPUs.")
    assert record.mentions == []


def test_software_standards_and_science_acronyms_are_not_entities(nlp):
    record = _extract(
        nlp, "A study",
        "We store the graph in Neo4j, query it with SPARQL, log to JSONL and write CUDA kernels for Quorra-7B,"
        " audited under ISO/IEC 42001 on DNA and RNA records.",
    )
    assert {m.text for m in record.mentions} == {"Quorra-7B"}


def test_offsets_point_into_their_sentence(nlp):
    record = _extract(nlp, "GRPO for GSM8K", "We evaluate GRPO on GSM8K and reach 92.7% accuracy.")
    for mention in record.mentions:
        assert record.sentences[mention.sentence][mention.start : mention.end] == mention.text
    for result in record.results:
        assert record.sentences[result.sentence][result.start : result.end] == result.text


def test_patterns_title_words_lowered_but_names_kept():
    title = "Improving Length-Generalization via Task Hinting in GPT-4 and RegMean"
    lowered = lower_title_words(title)
    assert lowered == "improving length-generalization via task hinting in GPT-4 and RegMean"
    assert len(lowered) == len(title)


def test_title_terms_are_found(nlp):
    record = _extract(nlp, "Compositional Generalization in Web Automation", "We study agents.")
    assert {(m.text, m.type) for m in record.mentions} >= {("Compositional Generalization", "Task"), ("Web Automation", "Task")}


@pytest.mark.parametrize(
    "text, phrase",
    [("a Transformer-based vulnerability detection tool", "vulnerability detection"),
     ("an LLM-driven data augmentation step", "data augmentation"),
     ("aspect-based sentiment classification", "aspect-based sentiment classification"),
     # a word saying how good or how big the thing is, not which thing it is
     ("models achieve high-quality image generation", "image generation"),
     ("enabling stable volumetric reconstruction of nodules", "volumetric reconstruction"),
     ("we move beyond short-form recognition", "short-form recognition")],
)
def test_patterns_descriptive_compounds_end_a_term(text, phrase):
    assert [found[2] for found in find_term_phrases(text)] == [phrase]


@pytest.mark.parametrize(
    "abstract, introduced, not_introduced",
    [
        ("We present a systematic study of GRPO on GSM8K.", set(), {"GRPO"}),
        ("We propose a new benchmark for instruction tuning.", set(), {"instruction tuning"}),
        ("We introduce RegMean++, a simple alternative to RegMean.", {"RegMean++"}, {"RegMean"}),
        ("We finetune BLOOM to produce variants called BLOOMZ and mT0.", {"BLOOMZ", "mT0"}, {"BLOOM"}),
        ("We propose searching over plans and introduce Critical Lattice Step Routing (CLSR).", {"Critical Lattice Step Routing"}, set()),
    ],
)
def test_relations_introduced_is_what_the_cue_names(nlp, abstract, introduced, not_introduced):
    found = _targets(nlp, abstract, "INTRODUCES")
    assert introduced <= found and not (not_introduced & found)


@pytest.mark.parametrize(
    "abstract, name, type_, introduced",
    [
        ('We propose a novel algorithm named "Ghost Step Norm" that adapts.', "Ghost Step Norm", "Method", True),
        ("Our approach, termed Cognition Chain, explains each step.", "Cognition Chain", "Method", True),
        ("Models fail on a benchmark called Tree Games for planning.", "Tree Games", "Dataset", False),
    ],
)
def test_entities_name_after_a_typed_noun_and_naming_verb(nlp, abstract, name, type_, introduced):
    record = _extract(nlp, "A study", abstract)
    assert {m.type for m in record.mentions if m.text == name} == {type_}
    assert (name in {r.target for r in record.relations if r.type == "INTRODUCES"}) is introduced


@pytest.mark.parametrize(
    "text, phrase, type_",
    [
        ("Methods for out-of-distribution (OOD) detection fail.", "out-of-distribution detection", "Task"),
        ("We tag with part-of-speech (POS) tagging.", "part-of-speech tagging", "Task"),
        ("We apply Self-Other Overlap (SOO) fine-tuning.", "Self-Other Overlap fine-tuning", "Method"),
        ("Results on the test set (TS) classification are poor.", None, None),
    ],
)
def test_patterns_acronym_between_long_form_and_head(text, phrase, type_):
    found = [(p, t) for _, _, p, t in find_acronym_terms(text)]
    assert found == ([(phrase, type_)] if phrase else [])


@pytest.mark.parametrize(
    "text, phrases",
    [
        ("To probe generalization, we build games.", []),
        ("Agents can exploit shortcut learning.", ["shortcut learning"]),
        ("How can abstractive summarization help?", ["abstractive summarization"]),
        ("We show that curriculum learning helps and enables meaningful generalization.", ["curriculum learning"]),
        ("We pre-train motion tracking, and they sample FOL translation.", ["motion tracking", "FOL translation"]),
    ],
)
def test_patterns_a_verb_before_a_term_is_not_its_modifier(text, phrases):
    assert [found[2] for found in find_term_phrases(text)] == phrases


@pytest.mark.parametrize(
    "text, names",
    [
        ("We test zero-shot and few-shot learning.", ["zero-shot learning", "few-shot learning"]),
        ("both in-domain (ID) and out-of-domain (OOD) generalization", ["in-domain generalization", "out-of-domain generalization"]),
        ("supervised and unsupervised learning", ["supervised learning", "unsupervised learning"]),
        ("data analysis and federated learning", []),
        ("Bayesian and federated learning", []),
    ],
)
def test_patterns_coordinated_modifiers_share_the_head(text, names):
    assert [found[2] for found in find_coordinated_terms(text)] == names


def test_entities_coordinated_term_is_named_in_full(nlp):
    record = _extract(nlp, "A study", "We compare zero-shot and few-shot learning on images.")
    assert {m.canonical or m.text for m in record.mentions} >= {"zero-shot learning", "few-shot learning"}


def test_entities_acronym_term_is_named_without_its_acronym(nlp):
    record = _extract(nlp, "A study", "We improve out-of-distribution (OOD) detection on images.")
    assert {(m.canonical, m.type) for m in record.mentions if m.canonical} >= {("out-of-distribution detection", "Task")}


def test_patterns_benchmark_word_written_apart_finishes_a_coined_name(nlp):
    record = _extract(nlp, "A study", "We create MT-RAG Bench: a benchmark for retrieval. Models do well on ReFo-QA Arena too.")
    types = {m.text: m.type for m in record.mentions}
    assert types.get("MT-RAG Bench") == "Dataset" and types.get("ReFo-QA Arena") == "Dataset"
    assert "MT-RAG Bench" in {r.target for r in record.relations if r.type == "INTRODUCES"}


def test_relations_title_means_is_introduced_and_a_method(nlp):
    record = _extract(nlp, "Length Generalization via Task Hinting", "We show that task hinting helps.")
    relations = {(r.type, r.target.lower()) for r in record.relations}
    assert ("INTRODUCES", "task hinting") in relations and ("USES", "task hinting") not in relations
    assert {m.type for m in record.mentions if m.text.lower() == "task hinting"} == {"Method"}


@pytest.mark.parametrize(
    "abstract, name, type_",
    [
        ("We present FooBar, a dataset of 2,168 clinical notes.", "FooBar", "Dataset"),
        ("We release DocuVote: a collection of citizen reports.", "DocuVote", "Dataset"),
        ("We introduce two games: Blue Connect Language (BCL), a simple spatial benchmark.", "BCL", "Dataset"),
        ("We present CamClip, a model fine-tuned on the proposed dataset.", "CamClip", "Method"),
        ("We present FiVL, a novel method for constructing datasets.", "FiVL", "Method"),
    ],
)
def test_entities_apposition_with_a_dataset_noun_types_a_dataset(nlp, abstract, name, type_):
    record = _extract(nlp, "A study", abstract)
    assert {m.type for m in record.mentions if m.text == name} == {type_}


def test_patterns_metrics_with_subscripts_or_cutoffs():
    text = "Teams were scored on F_1, AP_{50}, AP_{[50:95]} and nDCG@10, not on x_1 or $P_1$."
    assert [name for _, _, name in find_metric_subscripts(text)] == ["F_1", "AP_{50}", "AP_{[50:95]}", "nDCG@10"]


@pytest.mark.parametrize(
    "name, type_, hyphenated",
    [("win rate", "Metric", True), ("question answering", "Task", True), ("privacy preserving", "Task", False),
     ("graph neural network", "Method", False)],
)
def test_gazetteer_two_word_terms_also_match_hyphenated(name, type_, hyphenated):
    assert (name.replace(" ", "-") in surface_variants(name, type_)) is hyphenated


def test_gazetteer_matches_hyphenated_measure(nlp):
    record = _extract(nlp, "A study", "Our sampler gives a +6.8 jump in win-rates.")
    assert ("win-rates", "Metric") in {(m.text, m.type) for m in record.mentions}


@pytest.mark.parametrize(
    "text, names",
    [("We test multi-step reasoning tasks.", ["multi-step reasoning"]), ("on planning tasks", ["planning"]),
     ("on classification tasks and downstream tasks", []), ("open-ended generative tasks", [])],
)
def test_patterns_what_tasks_name(text, names):
    assert [found[2] for found in find_task_nouns(text)] == names


def test_tokenizer_without_whitespace_special_cases_splits_as_before(nlp):
    """kg drops spaCy's special cases for whitespace (so the tokenizer keeps caching after a
    title's "\\n"); the tokens stay those of the tokenizer with them."""
    import spacy

    from kg.extract import _split_glued_punctuation

    reference = spacy.blank("en")
    _split_glued_punctuation(reference)
    text = "A Title: GSM8K\nWe use GRPO (e.g. for math),\tthen\xa0PPO  twice; it's 92.7% on MMLU.\n"
    expected = [(t.text, t.whitespace_, t.norm_) for t in reference.tokenizer(text)]
    assert "\n" not in nlp.tokenizer.rules and "\xa0" in nlp.tokenizer.rules  # that one sets a norm
    for _ in range(2):  # the second time from the cache
        assert [(t.text, t.whitespace_, t.norm_) for t in nlp.tokenizer(text)] == expected


@pytest.mark.parametrize(
    "title, introduced, not_introduced",
    [
        ("Meta-World: A Benchmark for Multi-Task Learning", {"Meta-World"}, set()),
        ("OPSD Compresses What RLVR Teaches: A Post-RL Compaction Stage", set(), {"OPSD", "RLVR"}),
        ("Unlearning in Diffusion Models: A Unified Framework", set(), {"Diffusion Models", "diffusion models"}),
    ],
)
def test_relations_title_colon_introduces_only_a_name_that_is_the_whole_prefix(nlp, title, introduced, not_introduced):
    record = _extract(nlp, title, "We study the question on GSM8K.")
    found = {r.target for r in record.relations if r.type == "INTRODUCES"}
    assert introduced <= found and not (not_introduced & found)


def test_patterns_title_case_describing_words_are_trimmed_off_names():
    assert [trim_name(w) for w in ("LLM-Judged", "KL-Regularized", "Post-RL", "Multi-LLM", "BERT-Large", "Meta-World")] == [
        "LLM", "KL", "RL", "LLM", "BERT-Large", "Meta-World"]
    assert [name for _, _, name in find_name_candidates("Rethinking LLM-Judged Helpfulness of AI-Generated Text")] == []


def test_entities_a_proposed_name_is_a_method_though_its_head_word_names_tasks(nlp):
    record = _extract(nlp, "STARS: Spike Tail-Aware Relational Synthesis",
                      "We propose Spike Tail-Aware Relational Synthesis (STARS), a plug-and-play method.")
    assert {m.type for m in record.mentions if m.text in ("STARS", "Spike Tail-Aware Relational Synthesis")} == {"Method"}
    assert {"STARS", "Spike Tail-Aware Relational Synthesis"} <= {r.target for r in record.relations if r.type == "INTRODUCES"}


def test_latex_formatting_around_names_is_read_through(nlp):
    record = _extract(nlp, "A study", r"We propose \textbf{SafeCtrl-RL}, and compare with $\textbf{GPT-4o}$ on \emph{GSM8K}.")
    names = {m.text for m in record.mentions}
    assert {"SafeCtrl-RL", "GPT-4o", "GSM8K"} <= names and not any("\\" in name or "$" in name for name in names)
    assert "SafeCtrl-RL" in {r.target for r in record.relations if r.type == "INTRODUCES"}


def test_latex_kept_in_one_token_with_a_name_is_no_entity(nlp):
    record = _extract(nlp, "A study", r"The pose lives on $\mathrm{SO}(3)\times\mathrm{SO}(3)$. We use PPO.")
    assert {m.text for m in record.mentions} == {"PPO"}


@pytest.mark.parametrize(
    "abstract, introduced, not_introduced",
    [
        ("We address this by introducing Physics Question Scene Graph (PQSG), an evaluation pipeline.",
         {"Physics Question Scene Graph", "PQSG"}, set()),
        ("Post-Training Quantization (PTQ) struggles. We propose MorphoQuant, a modality-aware PTQ framework.",
         {"MorphoQuant"}, {"PTQ"}),
        ("We present CUICurate, a Graph-based retrieval-augmented generation (GraphRAG) framework.",
         {"CUICurate"}, {"GraphRAG"}),
        ("Building Information Modeling (BIM) is used by this paper, which presents a platform.", set(), {"BIM"}),
    ],
)
def test_relations_introduced_by_a_gerund_and_not_inside_the_apposition(nlp, abstract, introduced, not_introduced):
    found = _targets(nlp, abstract, "INTRODUCES")
    assert introduced <= found and not (not_introduced & found)


def test_entities_a_name_described_as_a_framework_is_no_dataset(nlp):
    record = _extract(nlp, "A study", "We propose Spotlighter, a lightweight token-selection framework. "
                      "Across 11 benchmarks, Spotlighter outperforms CLIP.")
    assert {m.type for m in record.mentions if m.text == "Spotlighter"} == {"Method"}


def test_entities_units_modalities_and_title_case_words_are_no_names(nlp):
    record = _extract(nlp, "Reasoning Under Real-World Ambiguity", (
        "On NVIDIA A100 GPUs and a GH200, we denoise MRI and EEG at 3 dB for a UR5 arm and CO2 sensors; "
        "Map quality is reported as mAP."
    ))
    assert {m.text for m in record.mentions} == {"mAP"}


@pytest.mark.parametrize(
    "abstract, compared, not_compared",
    [
        ("RegMean++ outperforms RegMean across settings, including sequential model merging with LoRA.", {"RegMean"}, {"LoRA"}),
        ("It beats baselines including RankGPT-4 (17.0) and Rank-R1-14B (20.5).", {"RankGPT-4", "Rank-R1-14B"}, set()),
        ("Accuracy rises from less than 1% to more than 92% via task hinting with PPO.", set(), {"PPO"}),
        ("It stays competitive against other approaches (e.g., LoRA, Prefix-Tuning) while using DPO.", {"LoRA"}, {"DPO"}),
        ("It works over multiple timesteps to manipulate cross-attention maps.", set(), {"cross-attention"}),
        # a comparison in brackets ends with them
        ("Token inputs (vs. PCA features) and LoRA are both important.", {"PCA"}, {"LoRA"}),
        # what is done without is not a baseline; what an attack or a defence aims at is none
        ("Quorra beats the base model without any task-specific fine-tuning.", set(), {"task-specific fine-tuning"}),
        ("Quorra crafts attacks against CLIP and improves robustness against FGSM.", set(), {"CLIP", "FGSM"}),
        # "competitive" compares only "with", "to" or "against" something
        ("We show how competitive QuorraLMs are built with Vireo-Kit, competitive with GPT-4o.", {"GPT-4o"}, {"QuorraLMs"}),
        ("Quorra runs 5 epochs over KestrelNet outputs and beats VireoNet by 3 points.", {"VireoNet"}, {"KestrelNet"}),
        # "compare X with Y" compares with Y as well; not when another phrase holds the "with"
        ("We compare QuorraNet with VireoNet and KestrelNet on grammars.", {"QuorraNet", "VireoNet", "KestrelNet"}, set()),
        ("We compare encoders trained with VireoNet on grammars.", set(), {"VireoNet"}),
        ("We compare QuorraNet, a parser with VireoNet decoders, with KestrelNet.", {"QuorraNet"}, {"VireoNet"}),
    ],
)
def test_relations_a_comparison_reaches_its_object_not_the_rest_of_the_sentence(nlp, abstract, compared, not_compared):
    found = _targets(nlp, abstract, "COMPARES_TO")
    assert compared <= found and not (not_compared & found)


def test_entities_a_term_keeps_the_word_hyphenated_onto_its_front(nlp):
    record = _extract(nlp, "A study", "Meta-reinforcement learning helps. We evaluate on five benchmarks-document summarization and more.")
    names = {m.text for m in record.mentions}
    assert "Meta-reinforcement learning" in names and "reinforcement learning" not in names
    assert "benchmarks-document summarization" not in names


@pytest.mark.parametrize(
    "abstract, name, type_",
    [
        ("We introduce the Dynamic Passage Selector (DPS), a reranking framework. Notably, on the MuSiQue dataset, DPS improves F1.",
         "DPS", "Method"),
        ("We present a new dataset, VTS, of reasoning trajectories. Models trained on it improve.", "VTS", "Dataset"),
        ("We propose ValuePilot, a decision-making framework comprising a dataset generation toolkit.", "ValuePilot", "Method"),
    ],
)
def test_entities_dataset_cues_end_at_an_opening_phrase_and_yield_to_a_technique_apposition(nlp, abstract, name, type_):
    record = _extract(nlp, "A study", abstract)
    assert {m.type for m in record.mentions if m.text == name} == {type_}


def test_entities_title_case_name_before_a_typed_noun(nlp):
    types = _types(
        nlp,
        "LiteReason employs a lightweight Reasoning Projector module. "
        "Results on the WebQSP and CWQ dataset improve with a Sparse Autoencoder-based framework.",
    )
    assert types.get("Reasoning Projector") == "Method"
    assert "WebQSP and CWQ" not in types and "Sparse Autoencoder-based" not in types


def test_relations_a_known_term_describing_the_new_thing_is_used_not_introduced(nlp):
    relations = _relations(nlp, "A study", "We propose a novel transfer learning framework for chips.")
    assert ("USES", "transfer learning") in relations and ("INTRODUCES", "transfer learning") not in relations


@pytest.mark.parametrize(
    "abstract, name, type_",
    [
        ("We present Stream4D, a streaming video framework that keeps scenes consistent.", "Stream4D", "Method"),
        ("We release Flash-VL 2B, a vision-language framework tuned for latency.", "Flash-VL 2B", "Model"),
    ],
)
def test_entities_a_coined_name_described_as_a_technique_is_a_method_unless_sized(nlp, abstract, name, type_):
    record = _extract(nlp, "A study", abstract)
    assert {m.type for m in record.mentions if m.text == name} == {type_}


def test_entities_terms_the_corpus_writes_often_are_found_and_ordinary_phrases_not(nlp):
    record = _extract(
        nlp, "A study",
        "We combine sparse and dense retrieval for multi-hop reasoning, with importance sampling."
        " Model training is stable and correct reasoning matters.",
    )
    found = {(m.text, m.type) for m in record.mentions}
    assert {("dense retrieval", "Method"), ("multi-hop reasoning", "Task"), ("importance sampling", "Method")} <= found
    assert not {text for text, _ in found} & {"Model training", "model training", "correct reasoning"}


def test_abbreviation_long_form_spelled_by_initials_beats_a_shorter_letter_match(nlp):
    types = _types(nlp, "The model keeps a competitive Concordance Correlation Coefficient (CCC) at 80% sparsity.")
    assert types["Concordance Correlation Coefficient"] == "Metric" and types["CCC"] == "Metric"
    assert "Correlation Coefficient" not in types


def test_entities_capitalised_names_mid_sentence_end_in_a_head_word_that_types_them(nlp):
    types = _types(
        nlp,
        "We compare Implicit Matrix Factorization and Flash Attention on the Implicit Hate Corpus."
        " Deploying Deep Neural Networks is hard. We release TS-Bench (Taiwan Safety Benchmark), a suite.",
    )
    assert types["Implicit Matrix Factorization"] == "Method" and types["Flash Attention"] == "Method"
    assert types["Implicit Hate Corpus"] == "Dataset" and types["Taiwan Safety Benchmark"] == "Dataset"
    assert not any(text.startswith("Deploying") for text in types)


def test_the_title_ends_at_its_line_not_its_first_sentence(nlp):
    types = _types(
        nlp, "Echo State Networks (ESNs) are reservoir computers. We test them.",
        title="Do Models Read Charts? A Multi-Scale Benchmark for Chart Forecasting",
    )
    assert "Multi-Scale Benchmark" not in types  # Title Case throughout the title names nothing by its head
    assert types["Echo State Networks"] == "Method" and "State Networks" not in types


def test_patterns_nouns_that_look_like_verb_forms_stay_in_terms():
    found = [p[2] for p in find_term_phrases("We study graph anomaly detection, improving length generalization.")]
    assert found == ["graph anomaly detection", "length generalization"]


def test_entities_unlisted_names_in_a_list_take_the_type_two_listed_peers_share(nlp):
    types = _types(
        nlp,
        "We compare RL algorithms (PPO, GRPO, and Critic Annealing) across scales."
        " Notably, Zorblax, Quindle and Frumious improve. We test on MMLU, Wobble Town and Atari.",
    )
    assert types["Critic Annealing"] == "Method"
    assert types["Wobble Town"] == "Dataset"
    assert "Notably" not in types  # a sentence's first word is no name; no listed peer types the rest


def test_latex_switches_bare_braces_and_citations_are_read_through(nlp):
    record = _extract(
        nlp, "A study",
        r"We present {\em generative clustering} (GC) and compare {Qwen2-VL-7B} with PHI-3~\cite{abdin2024}."
        r" Code: \href{this https URL}LLM-First-Search.",
    )
    texts = {m.text for m in record.mentions}
    assert {"generative clustering", "Qwen2-VL-7B", "PHI-3"} <= texts
    assert not any("{" in text or "}" in text for text in texts)


@pytest.mark.parametrize(
    "abstract, introduced, not_introduced",
    [
        ("We train models via a novel and efficient gradient echo tuning (GE-Tuning) procedure. GE-Tuning is fast.",
         {"gradient echo tuning", "GE-Tuning"}, set()),
        ("Our Token Dropping Cascade (TDC) works. Our approach significantly outperforms standard BFM baselines.",
         {"Token Dropping Cascade", "TDC"}, {"BFM"}),
        ("We present GRISP, a novel SPARQL-based method. We propose the LDPC-inspired semantic error correction (SERC).",
         {"GRISP", "SERC"}, {"SPARQL", "LDPC"}),
        ("We propose a communication-efficient SL framework, named SL-ACC. We propose a Language-Centric"
         " Omnimodal Embedding framework, termed LCO-Emb.",
         {"SL-ACC", "Language-Centric Omnimodal Embedding", "LCO-Emb"}, {"SL"}),
        ("Federated learning (FL) is popular. We propose a novel FL framework named Quorra, built for phones.",
         {"Quorra"}, {"FL", "Federated learning"}),
    ],
)
def test_relations_new_things_and_their_acronyms_are_introduced_not_what_describes_them(nlp, abstract, introduced, not_introduced):
    found = _targets(nlp, abstract, "INTRODUCES")
    assert introduced <= found and not (not_introduced & found)



@pytest.mark.parametrize(
    "abstract, introduced, not_introduced",
    [
        ("A Quorra joint optimization (QJO) algorithm is used. Results show that the proposed QJO algorithm achieves"
         " 5.6 WSR over AO.", {"QJO"}, {"WSR", "AO"}),
        ("The proposed approach, QuillNet, combines two nets.", {"QuillNet"}, set()),
        ("We train a CNN. The proposed CNN achieves 90% accuracy. The proposed method was evaluated on Vireo-Bench.",
         set(), {"CNN", "Vireo-Bench"}),
    ],
)
def test_relations_the_name_right_after_the_proposed_is_introduced(nlp, abstract, introduced, not_introduced):
    found = _targets(nlp, abstract, "INTRODUCES")
    assert introduced <= found and not (not_introduced & found)

@pytest.mark.parametrize(
    "abstract, models",
    [
        ("We present a collaborative framework where several models, namely GPT-4o and Claude-3-Opus, debate answers.",
         {"GPT-4o", "Claude-3-Opus"}),
        ("We introduce an extended retrieval benchmark across two production models: GPT-4o and Claude-3-Opus.",
         {"GPT-4o", "Claude-3-Opus"}),
        ("Quorra solves all tasks in our Vireo5.5 runs and our Vireo-7B experiments.", {"Vireo5.5", "Vireo-7B"}),
    ],
)
def test_relations_models_named_in_a_contribution_sentence_or_our_runs_are_used_not_introduced(nlp, abstract, models):
    assert not _targets(nlp, abstract, "INTRODUCES") & models
    assert models <= _targets(nlp, abstract, "USES")


def test_entities_a_lower_case_phrase_an_apposition_calls_a_technique_is_a_method(nlp):
    record = _extract(
        nlp, "A study",
        "Furthermore, we introduce trajectory-based steering, an inference-time intervention framework."
        " This balances gains with computation cost, a mixed-scale strategy is adopted.",
    )
    types = {m.text: m.type for m in record.mentions}
    assert types.get("trajectory-based steering") == "Method" and "computation cost" not in types
    assert any(r.type == "INTRODUCES" and r.target == "trajectory-based steering" for r in record.relations)


def test_patterns_a_model_class_alone_does_not_make_a_term():
    found = [p[2] for p in find_term_phrases("We study LLM generalization and model pruning, and OOD generalization.")]
    assert found == ["OOD generalization"]


@pytest.mark.parametrize(
    "text, tasks",
    [
        ("Agents execute long procedural tasks such as claim checking or document processing.", ["claim checking", "document processing"]),
        ("It is weak on tasks (e.g., symptom coding, report generation).", ["symptom coding", "report generation"]),
        # a verb phrase, a phrase running on past the list, an adjective and a domain name no task
        ("on tasks such as cleaning data, writing code", []),
        ("on tasks like stance detection across languages and modalities", []),
        ("on tasks such as summarization, mathematics and generative ones.", ["summarization"]),
        ("applications such as education and filmmaking.", []),
    ],
)
def test_patterns_examples_a_sentence_gives_of_tasks_are_tasks(text, tasks):
    assert [p[2] for p in find_task_examples(text)] == tasks


def test_entities_examples_of_tasks_are_task_entities(nlp):
    types = _types(nlp, "We test the agent on household tasks, including tube loading, stacking, and liquid pouring.")
    assert {name: types.get(name) for name in ("tube loading", "stacking", "liquid pouring")} == dict.fromkeys(("tube loading", "stacking", "liquid pouring"), "Task")


def test_abbreviation_short_form_first_ties_the_bracketed_long_form(nlp):
    record = _extract(
        nlp, "A study",
        "We present VEGA (Value Equalization via Gradient Alignment), a critic regularization framework. VEGA is fast."
        " We use LLMs (large language models) throughout.",
    )
    assert _long_forms(record, "VEGA") == ["Value Equalization via Gradient Alignment"] * 2
    assert {"Value Equalization via Gradient Alignment", "VEGA"} <= {r.target for r in record.relations if r.type == "INTRODUCES"}
    assert "large language models" not in {m.text for m in record.mentions}  # a class, as "LLMs" is


@pytest.mark.parametrize(
    "abstract, name, type_",
    [
        # the word after the pair types it, as after a coined name
        ("We propose the Gradient Echo Consistency (GEC) score to measure drift.", "GEC", "Metric"),
        ("We study the listener gaze forecasting (LGF) task on videos.", "LGF", "Task"),
        # ... but not "models", which follows classes and techniques as often
        ("Temporal Lattice Graph Embedding (TLGE) models predict links.", "TLGE", "Method"),
        # an apposition after the bracketed long form reaches the short form
        ("We introduce HERON (Holistic Evaluation of Reasoning Over Notes), a benchmark for clinical notes.", "HERON", "Dataset"),
        # a long form spelling a listed acronym is that entry; one the list does not give is not
        ("It guides the EDSR (Enhanced Deep Super-Resolution) model.", "Enhanced Deep Super-Resolution", "Model"),
        ("It combines masked autoencoders (MAE) with distillation.", "MAE", "Method"),
    ],
)
def test_entities_an_acronym_pair_is_typed_by_the_word_after_it_and_the_list(nlp, abstract, name, type_):
    types = _types(nlp, abstract)
    assert types.get(name) == type_


def test_entities_a_name_typed_model_by_its_digits_alone_yields_to_dataset_context(nlp):
    types = _types(nlp, "Our Zephyrine-7B model reaches 71% on Quarry2 and TideBench-v3, while Stream4D renders scenes.")
    assert types["Quarry2"] == "Dataset" and types["TideBench-v3"] == "Dataset"
    assert types["Zephyrine-7B"] == "Model" and types["Stream4D"] == "Model"


def test_entities_names_listed_as_examples_of_datasets_are_datasets_and_the_list_ends_at_its_and(nlp):
    types = _types(
        nlp,
        "Using simple games like Rook-Rook-Pawn, Stack Four, and a Colour Matching Game, we test planning."
        " Evaluated on datasets including QuillSet, Pix2Edits, and Snap Edits, FakeLens outperforms baselines.",
    )
    for name in ("Rook-Rook-Pawn", "Stack Four", "Colour Matching Game", "QuillSet", "Pix2Edits", "Snap Edits"):
        assert types.get(name) == "Dataset", name
    assert types.get("FakeLens") == "Method"


def test_entities_ap_is_average_precision_unless_the_paper_spells_it_otherwise(nlp):
    record = _extract(nlp, "A detector", "QuorraDet reaches 50.1 AP on COCO, +10.9 AP over VireoDet.")
    assert {m.type for m in record.mentions if m.text == "AP"} == {"Metric"}
    assert [(r.value, r.metric) for r in record.results] == [(50.1, "AP"), (10.9, "AP")]
    types = _types(nlp, "We study Automated Planning (AP) with language models. AP methods fail.")
    assert types.get("AP") != "Metric" and types.get("Automated Planning") != "Metric"


def test_entities_headings_of_structured_abstracts_are_no_names(nlp):
    types = _types(nlp, "BACKGROUND: Models fail on MedQA. METHODS: We tune Marlowe-7B. RESULTS: It wins. WARNING: offensive text.")
    assert set(types) == {"MedQA", "Marlowe-7B"}


def test_entities_an_unlisted_acronym_takes_the_type_of_the_wider_name_its_long_form_ends(nlp):
    types = _types(nlp, "QuillNet targets multi-speaker automatic speech recognition (ASR). QuillNet improves ASR on noisy audio.")
    assert types.get("ASR") == "Task"
    types = _types(nlp, "Quorra keeps a low pre-deployment attack success rate (ASR) and a high ASR after deployment.")
    assert types.get("ASR") == "Metric"


def test_entities_an_acronym_measure_in_the_plural_is_the_measure(nlp):
    record = _extract(nlp, "A classifier", "QuillNet attains AUCs of 0.91 and 0.88 and WERs below 9%.")
    assert {m.text: m.canonical for m in record.mentions if m.type == "Metric"} == {"AUCs": "AUC", "WERs": "WER"}
    assert [(r.value, r.metric) for r in record.results] == [(0.91, "AUCs"), (9.0, "WERs")]


def test_entities_a_model_before_task_names_no_task(nlp):
    types = _types(nlp, "Vireo conditions a proactive language model task planner and solves graph neural network tasks.")
    assert "Task" not in types.values()


def test_entities_a_list_goes_on_past_a_short_aside_in_brackets(nlp):
    types = _types(nlp, "Results on the GSM8K (n=1,319) and QuorraLens (n=446) splits hold. We compare MarloweNet (ours) and VireoNet.")
    assert types.get("QuorraLens") == "Dataset"
    assert types.get("VireoNet") == "Method"


def test_results_a_share_of_the_data_is_no_result_and_a_metric_suffix_is_no_number(nlp):
    record = _extract(nlp, "A method", "With 1% labeled data (20% training), Quorra reaches 98.4% training accuracy and a pass@1 accuracy of 21.88.")
    assert [(r.value, r.unit) for r in record.results] == [(98.4, "%"), (21.88, None)]


def test_entities_a_listed_model_keeps_a_hyphen_joined_variant_word_and_ci_is_no_name(nlp):
    record = _extract(nlp, "A study", "We attach it to Mistral-Instruct and Llama-3-8B-Instruct (95% CI=0.68-0.99), not to GPT-4-based tools.")
    names = {m.text for m in record.mentions}
    assert {"Mistral-Instruct", "Llama-3-8B-Instruct", "GPT-4"} <= names
    assert not any(name.startswith("CI") for name in names)


def test_entities_a_lower_case_name_given_by_a_technique_noun_is_a_method(nlp):
    record = _extract(
        nlp, "A study",
        "We propose a training strategy called staggered width growth, which widens layers."
        " A phenomenon known as gradient drift appears, and a method called latent tokens is weak.",
    )
    types = {m.text: m.type for m in record.mentions}
    assert types.get("staggered width growth") == "Method"
    assert any(r.type == "INTRODUCES" and r.target == "staggered width growth" for r in record.relations)
    assert "gradient drift" not in types and "latent tokens" not in types


def test_entities_coordinated_terms_in_the_title_are_each_named(nlp):
    record = _extract(nlp, "Adaptive Layer-wise and Element-wise Regularization for Tuning", "We study it.")
    canonical = {m.canonical or m.text.lower() for m in record.mentions}
    assert {"layer-wise regularization", "element-wise regularization"} <= canonical


def test_patterns_a_noun_used_as_a_verb_after_a_plural_subject_is_no_modifier():
    found = [p[2] for p in find_term_phrases("Different difficulty levels influence generalization, and models support transfer learning.")]
    assert found == ["transfer learning"]


def test_abbreviation_a_two_word_short_form_ties_its_long_form_and_is_found_again(nlp):
    record = _extract(
        nlp, "Why Causal LS Works",
        "Causal Lattice Search (Causal LS) finds graphs. Later, Causal LS converges."
        " Clinical Large Language Models (Clinical LLMs) are a class, as LLMs are.",
    )
    assert _long_forms(record, "Causal LS") == ["Causal Lattice Search"] * 3
    assert not any("Clinical" in m.text for m in record.mentions)


def test_entities_a_listed_model_keeps_a_hyphen_joined_domain_word_but_not_a_spaced_one(nlp):
    types = _types(nlp, "Abilities taken from Qwen-Audio and Llama-Guard transfer, as Qwen MATH accuracy shows.")
    assert types.get("Qwen-Audio") == "Model" and types.get("Llama-Guard") == "Model"
    assert types.get("MATH") == "Dataset"


def test_entities_a_title_name_cut_short_gets_the_words_the_abstract_gives_it(nlp):
    record = _extract(
        nlp, "Multi-level Mixture of Experts for Entity Linking",
        "To mitigate these issues, we propose a Multi-level Mixture of Experts (MMoE) model for linking.",
    )
    names = {m.text for m in record.mentions}
    assert "Multi-level Mixture of Experts" in names and "Mixture of Experts" not in names
    assert "Multi-level Mixture of Experts" in {r.target for r in record.relations if r.type == "INTRODUCES"}


def test_entities_a_name_set_off_after_our_typed_noun_is_introduced(nlp):
    record = _extract(
        nlp, "A study",
        "Our method, Marlowe, tunes prompts. We also release a new dataset, Quillfield, of notes."
        " The final model, Tessary, is the one the baselines used.",
    )
    introduced = {r.target for r in record.relations if r.type == "INTRODUCES"}
    types = {m.text: m.type for m in record.mentions}
    assert {"Marlowe", "Quillfield"} <= introduced
    assert types["Marlowe"] == "Method" and types["Quillfield"] == "Dataset"
    assert "Tessary" not in introduced


def test_entities_a_bare_technique_phrase_after_we_propose_is_introduced(nlp):
    abstract = (
        "We propose variance-aware group resampling, which keeps hard prompts in each batch."
        " We also present a simple loss and evidence that it works."
    )
    types = _types(nlp, abstract)
    assert "variance-aware group resampling" in _targets(nlp, abstract, "INTRODUCES")
    assert types["variance-aware group resampling"] == "Method"
    assert not {"simple loss", "evidence"} & set(types)


def test_entities_names_glued_to_scores_or_notation_keep_no_bracket(nlp):
    record = _extract(
        nlp, "SE(3)-Equivariant Docking",
        "It leads on QuillBench(88.5) and beats Tessary-7B(0.5B) with two parts:"
        r" (1)~\textbf{Lattice Step Routing} (LSR) and a GJR-GARCH(1,1) prior.",
    )
    names = {m.text for m in record.mentions}
    assert "QuillBench" in {r.target for r in record.relations if r.type == "EVALUATES_ON"}
    assert "Lattice Step Routing" in names
    assert not [name for name in names if "(" in name or ")" in name or "~" in name]


def test_entities_an_acronym_for_a_disease_scan_or_record_is_no_entity(nlp):
    record = _extract(
        nlp, "A study",
        "Chronic Kidney Disease (CKD) is common. We read Computed Tomography (CT) scans and electronic"
        " health records (EHRs) with FEAST (Fully Expressive Attention for Spatial Transcriptomics) to stage CKD.",
    )
    names = {m.text for m in record.mentions}
    assert not names & {"CKD", "Chronic Kidney Disease", "CT", "Computed Tomography", "electronic health records"}
    assert "FEAST" in names


def test_entities_an_inference_engine_toolkit_or_record_standard_the_paper_runs_on_is_no_entity(nlp):
    record = _extract(nlp, "A study", "QuorraNet reads FHIR and DICOM records, runs on vLLM and SGLang, is built with "
                      "LangChain and beats GPT-4o on ToolBench.")
    names = {m.text for m in record.mentions}
    assert not names & {"vLLM", "SGLang", "LangChain", "FHIR", "DICOM"} and {"QuorraNet", "GPT-4o", "ToolBench"} <= names


def test_entities_a_shell_a_satellite_a_region_and_learning_by_people_are_no_entities(nlp):
    record = _extract(nlp, "A study", "Inspired by human learning, QuorraProver drives a new Isabelle REPL on CubeSats; it "
                      "tracks student learning in Southeast Asia (SEA) and beats Vireo-7B in SEA.")
    names = {m.text for m in record.mentions}
    assert not names & {"REPL", "CubeSats", "human learning", "student learning", "Southeast Asia", "SEA"}
    assert {"QuorraProver", "Vireo-7B"} <= names


def test_entities_a_depression_or_anxiety_questionnaire_is_no_entity(nlp):
    names = set(_types(nlp, "QuorraCare predicts PHQ-9 and GAD-7 scores better than Vireo-7B."))
    assert {"QuorraCare", "Vireo-7B"} <= names and not names & {"PHQ-9", "GAD-7"}


def test_entities_an_acronym_for_property_resources_a_commission_or_an_infrared_band_is_no_entity(nlp):
    record = _extract(
        nlp, "A study",
        "Model extraction threatens the intellectual property (IP) of providers. Human Resources (HR) teams and the"
        " Securities and Exchange Commission (SEC) read filings; Quorra cuts energy from 263 to 108-128mJ on a 16-GPU node (AAAI-26)."
        " Short-wave infrared (SWIR) imaging helps in fog.",
    )
    names = {m.text for m in record.mentions}
    assert not names & {"IP", "intellectual property", "HR", "Human Resources", "SEC", "108-128mJ", "16-GPU", "AAAI-26", "SWIR", "Short-wave infrared"}


def test_entities_an_acronym_pair_followed_by_a_disease_or_sector_noun_is_no_entity(nlp):
    record = _extract(
        nlp, "A study",
        "Vireo-pancreato-biliary (VPB) disorders are rare. Quorra serves the Kestrel Data Center (KDC) industry"
        " and non-player character (NPC) vehicles; we propose Marlowe Vector Memory (MVM) for it.",
    )
    names = {m.text for m in record.mentions}
    assert not names & {"VPB", "Vireo-pancreato-biliary", "KDC", "Kestrel Data Center", "NPC", "non-player character"}
    assert {"Marlowe Vector Memory", "MVM"} <= names


def test_relations_and_results_a_list_of_baselines_each_with_bracketed_scores_is_all_compared(nlp):
    record = _extract(
        nlp, "A study",
        "We propose QuorraNet. Our ensemble reaches 98% accuracy, outperforming VireoNet-201 (97% for three-class,"
        " 98.75% for binary), KestrelNet-v3 (96.25% for three-class, 98.50% for binary), and MarloweNet (94.50% for"
        " three-class, 98% for binary).",
    )
    compared = {r.target for r in record.relations if r.type == "COMPARES_TO"}
    assert compared == {"VireoNet-201", "KestrelNet-v3", "MarloweNet"}
    assert {(r.text, r.metric) for r in record.results if r.text == "94.50%"} == {("94.50%", "accuracy")}


def test_entities_a_special_token_or_citation_key_in_square_brackets_is_no_entity(nlp):
    names = set(_types(nlp, "QuorraLM pools the [EOS] token and the [CLS] state, as in [KVM24], and beats Vireo-7B."))
    assert {"QuorraLM", "Vireo-7B"} <= names and not names & {"EOS", "CLS", "KVM24"}


def test_entities_a_listed_measure_of_capitalised_words_matches_in_the_plural(nlp):
    record = _extract(nlp, "A study", "QuorraGAN reaches lower Frechet Inception Distance (FID) and higher Inception Scores (IS) than Vireo-GAN.")
    assert {(m.text, m.type) for m in record.mentions if m.text in ("Inception Scores", "IS")} == {("Inception Scores", "Metric"), ("IS", "Metric")}
    assert not {r.target for r in record.relations} & {"Inception Scores", "IS"}


def test_entities_listed_error_and_detection_measures_an_injury_and_a_venue(nlp):
    record = _extract(nlp, "A study", (
        "QuorraDet raises NDS by 2.1% on nuScenes and cuts the normalized mean squared error (NMSE) of Vireo-7B on"
        " robomimic; it also predicts acute kidney injury (AKI) from records. At NDSS 22, Kestrel was shown."
    ))
    types = {m.text: m.type for m in record.mentions}
    assert types["NDS"] == types["NMSE"] == "Metric" and types["robomimic"] == "Dataset"
    assert not types.keys() & {"acute kidney injury", "AKI"} and types.get("NDSS") != "Metric"
    assert {(r.text, r.metric) for r in record.results} == {("2.1%", "NDS")}


def test_entities_a_2_in_an_acronym_spells_to(nlp):
    record = _extract(nlp, "A study", (
        "Speech-to-speech translation (S2ST) is hard. We fine-tune Vireo-7B for S2ST on QuorraSpeech. Grapheme-to-phoneme"
        " (G2P) conversion helps; our G2P system beats Kestrel-2. Natural language to SQL (NL2SQL) translation is next;"
        " Quorra helps NL2SQL agents."
    ))
    types = {m.text: m.type for m in record.mentions}
    assert types["S2ST"] == types["Speech-to-speech translation"] == "Task" and types["NL2SQL"] == "Task"
    assert not types.keys() & {"G2P", "Grapheme-to-phoneme"} and ("ADDRESSES", "S2ST") in {(r.type, r.target) for r in record.relations}


def test_entities_a_counted_name_before_a_plural_dataset_noun_is_no_entity(nlp):
    names = set(_types(nlp, (
        "QuorraRec beats Vireo-7B on three KPOI benchmarks and across 12 TabQG datasets. It also tops QuillQA."
    )))
    assert {"QuorraRec", "Vireo-7B", "QuillQA"} <= names and not names & {"KPOI", "TabQG"}


def test_entities_a_name_ending_like_a_dataset_that_an_apposition_calls_a_framework_is_a_method(nlp):
    types = _types(nlp, (
        "We propose QuorraWorld, a novel two-stage framework that reconstructs views, and VireoEval, an evaluation"
        " framework for agents. KestrelQA, a novel dataset and a scalable pipeline, completes it. QuorraWorld beats"
        " Marlowe-7B on KestrelQA. We test two approaches on QuillBank: a unified system and a hybrid approach."
    ))
    assert types["QuorraWorld"] == "Method"
    assert types["VireoEval"] == types["KestrelQA"] == types["QuillBank"] == "Dataset"


def test_entities_two_names_a_title_pairs_with_two_nouns_take_one_noun_each(nlp):
    types = _types(
        nlp, "We build QuorraSet. We present VRON (Vireo Reference Ontology Normalization), an auditable pipeline, and test it on QuorraSet.",
        title="QuorraSet and VRON: A Benchmark and an Auditable Reference Pipeline for Schema Induction",
    )
    assert types["QuorraSet"] == "Dataset" and types["VRON"] == types["Vireo Reference Ontology Normalization"] == "Method"
    types = _types(nlp, "KestrelVQA holds 5,000 questions; KestrelLMM answers them.", title="KestrelVQA and KestrelLMM: A Benchmark and Specialized Model for Comics")
    assert (types["KestrelVQA"], types["KestrelLMM"]) == ("Dataset", "Model")


def test_entities_two_acronym_pairs_before_a_plural_dataset_noun_are_both_datasets(nlp):
    types = _types(nlp, (
        "QuorraNet is verified on the Kestrel Traffic Sign (KTS) and Vireo Traffic Sign (VTS) datasets, and on the"
        " Marlowe Speech Words (MSW), and the Quill Speech Commands (QSC) datasets."
    ))
    assert {types[name] for name in ("KTS", "Vireo Traffic Sign", "VTS", "MSW", "Quill Speech Commands", "QSC")} == {"Dataset"}


def test_relations_over_an_amount_compares_with_nothing(nlp):
    compared = _targets(
        nlp, "We label over 44,000 Tessary-7B answers gathered over the past decade. It improves over Marlowe-13B.",
        "COMPARES_TO",
    )
    assert compared == {"Marlowe-13B"}


def test_relations_over_compares_only_after_a_gain_or_a_number(nlp):
    abstract = (
        "Quorra adds a correction layer over Vireo-LM. Ablations over fusion mode and KDist-Net rank confirm"
        " the design. It gives a 4x speedup over Marlowe-13B and improves F1 by 2.8% over Tessary-7B."
    )
    assert _targets(nlp, abstract, "COMPARES_TO") == {"Marlowe-13B", "Tessary-7B"}
    assert {"Vireo-LM", "KDist-Net"} <= _targets(nlp, abstract, "USES")


def test_entities_units_and_sensors_are_no_entities(nlp):
    names = set(_types(
        nlp,
        "Quorra fuses LiDAR and IMU readings on a UGV. It needs a 24 GB GPU, 1.1 TB of data and a 3.5 GHz"
        " clock, and reads CT scans with Vireo-LM.",
    ))
    assert not names & {"LiDAR", "IMU", "UGV", "GB", "TB", "GHz", "CT"}
    assert "Vireo-LM" in names


def test_relations_the_papers_own_contribution_is_not_compared_with(nlp):
    relations = _relations(
        nlp, "A study",
        "We propose Quorra, a retrieval framework. In comparison with baseline models, Quorra improves over Marlowe-13B.",
    )
    assert ("INTRODUCES", "Quorra") in relations and ("COMPARES_TO", "Marlowe-13B") in relations
    assert ("COMPARES_TO", "Quorra") not in relations


def test_entities_an_acronym_of_a_listed_technique_keeps_its_type_where_context_says_dataset(nlp):
    # "on KDist's accuracy" would make a guessed name a dataset; the long form settles it.
    abstract = (
        "We revisit knowledge distillation (KDist) for small models. "
        "We measure the effect of teacher size on KDist's accuracy across three settings."
    )
    types = _types(nlp, abstract)
    assert types["KDist"] == types["knowledge distillation"] == "Method"
    assert "KDist" not in _targets(nlp, abstract, "EVALUATES_ON")


@pytest.mark.parametrize(
    "text, metrics",
    [
        ("We report metrics such as faithfulness, answer relevance and refusal rate.", ["faithfulness", "answer relevance", "refusal rate"]),
        ("using metrics including latency, cost, or throughput; the rest", ["latency", "cost", "throughput"]),
        ("classic metrics (e.g., pairwise distance metrics) fall short", []),
        ("metrics like logo detection show that it works", []),
    ],
)
def test_patterns_examples_a_sentence_gives_of_metrics_are_metrics(text, metrics):
    assert [found[2] for found in find_metric_examples(text)] == metrics


def test_entities_examples_of_metrics_are_metric_entities(nlp):
    types = _types(nlp, "We score Quorra with metrics such as faithfulness, answer relevance and refusal rate.")
    assert types["faithfulness"] == types["answer relevance"] == types["refusal rate"] == "Metric"


def test_gazetteer_knows_technique_terms_that_no_head_word_types(nlp):
    # additions.jsonl: frequent corpus terms whose last word ("passing", "transport") heads no term
    types = _types(nlp, "Quorra combines message passing with optimal transport under weak supervision for semantic search.")
    assert types["message passing"] == types["optimal transport"] == types["weak supervision"] == "Method"
    assert types["semantic search"] == "Task"


def test_entities_a_name_written_equal_to_a_number_is_a_metric_with_that_result(nlp):
    record = _extract(nlp, "A study", "Quorra reaches ARX=0.53 and QuillScore = 61.2 on QuillBench, with less VRAM use on PDE solvers.")
    types = {m.text: m.type for m in record.mentions}
    assert types["ARX"] == types["QuillScore"] == "Metric"
    assert not [name for name in types if "=" in name] and "VRAM" not in types and "PDE" not in types
    assert {(r.value, r.unit, r.metric) for r in record.results} == {(0.53, None, "ARX"), (61.2, None, "QuillScore")}


def test_entities_pretraining_corpora_are_datasets_and_techniques_match_in_the_plural(nlp):
    types = _types(
        nlp, "We pretrain Vireo-LM on Common Crawl, SlimPajama and Dolma, and fine-tune it on WildChat."
        " Sparse Gaussian processes and contrastive losses are compared, with Brier scores.",
    )
    assert {types[name] for name in ("Common Crawl", "SlimPajama", "Dolma", "WildChat")} == {"Dataset"}
    assert (types["Gaussian processes"], types["contrastive losses"], types["Brier scores"]) == ("Method", "Method", "Metric")


def test_relations_a_training_verb_a_few_words_before_on_trains_on_the_dataset(nlp):
    abstract = "We pretrain Vireo-LM on Common Crawl and fine-tune it on WildChat. We evaluate Vireo-LM on QuillBench."
    assert _targets(nlp, abstract, "EVALUATES_ON") == {"QuillBench"}


def test_relations_what_a_sentence_trains_on_is_not_evaluated_on(nlp):
    abstract = (
        "Models trained on ImageNet and QuillBench are evaluated on CIFAR-10. Trained on Arx-Set, Quorra reaches"
        " 90% on KDist-QA. Vireo is trained and tested on Tessary-Set. Quorra outperforms fine-tuning on Marlowe-Set."
    )
    assert _targets(nlp, abstract, "EVALUATES_ON") == {"CIFAR-10", "KDist-QA", "Tessary-Set", "Marlowe-Set"}


def test_entities_a_coined_name_right_after_a_percentage_is_the_metric_it_reports(nlp):
    record = _extract(
        nlp, "A study",
        "Quorra beats Vireo-LM by 10.3% Smooth-KD and 8.4% PerfRecall@10 on QuillBench, at 4-hop depth,"
        " with a 25% ARX-rate saving. Judged by LLM-as-a-judge, it helps STEM students.",
    )
    types = {m.text: m.type for m in record.mentions}
    assert types["Smooth-KD"] == types["PerfRecall@10"] == "Metric"
    assert types["LLM-as-a-judge"] == "Method" and "STEM" not in types
    assert {(r.value, r.metric) for r in record.results} >= {(10.3, "Smooth-KD"), (8.4, "PerfRecall@10")}
    assert 4 not in {r.value for r in record.results}


def test_entities_a_coined_name_right_after_a_decimal_score_is_the_metric_it_reports(nlp):
    record = _extract(
        nlp, "A study",
        "On QuillBench, Quorra reaches 0.9580 QRSC and 72.3 MarloweIQ, while Vireo 2.5 VL and Tessary-Net (0.8 DKRate) trail.",
    )
    types = {m.text: m.type for m in record.mentions}
    assert types["QRSC"] == types["MarloweIQ"] == types["DKRate"] == "Metric"
    assert types.get("VL") != "Metric"
    assert {(r.value, r.metric) for r in record.results} >= {(0.958, "QRSC"), (72.3, "MarloweIQ")}


def test_relations_a_known_architecture_the_new_one_is_built_as_is_not_introduced(nlp):
    record = _extract(
        nlp, "A study",
        "We present Quorra, a novel framework that feeds audio tokens to a novel dual-stream Diffusion Transformer"
        " (DiT) architecture. Models need mapping, what we term environmental grounding.",
    )
    introduced = {r.target for r in record.relations if r.type == "INTRODUCES"}
    assert introduced == {"Quorra"}
    assert "environmental grounding" in {m.text for m in record.mentions}


def test_entities_a_sentence_opening_on_a_name_evaluates_on_it_and_ends_there(nlp):
    record = _extract(
        nlp, "A study",
        "On Quill10K, KDistNet beats Vireo-LM. On QuillSet-2, it is the best model. It also works on zero-shot"
        " EEG-to-image retrieval.",
    )
    types = {m.text: m.type for m in record.mentions}
    assert types["Quill10K"] == types["QuillSet-2"] == "Dataset"
    assert types["KDistNet"] == "Method" and "EEG-to" not in types
    evaluated = {r.target for r in record.relations if r.type == "EVALUATES_ON"}
    assert evaluated == {"Quill10K", "QuillSet-2"}


def test_entities_the_long_form_of_a_generic_acronym_is_no_entity_nor_its_words(nlp):
    names = set(_types(
        nlp,
        "Agencies such as the Centers for Disease Control and Prevention (CDC) publish guidance. Quorra turns"
        " natural language (NL) requests into SQL, as ACM Fellows and NASA engineers asked.",
    ))
    assert not names & {"Disease Control", "Centers for Disease Control and Prevention", "CDC", "natural language", "NL", "ACM", "NASA"}


def test_results_a_share_of_a_resource_is_no_result():
    assert find_results("Quorra beats Vireo-LM by 0.33 dB, using only 10.7% of the parameters and 70% of the memory.") == []


def test_results_a_share_answered_correctly_is_a_score_and_a_share_of_data_is_not():
    found = find_results("Vireo-LM answers 21% of questions correctly. It sees 10% of the data matches and 58% of all the safety facts.")
    assert [r.value for r in found] == [21.0, 58.0]


def test_relations_a_name_with_the_version_its_title_gives_it_is_introduced_whole(nlp):
    relations = _relations(
        nlp, "QuillBench 2: A Harder Benchmark for Retrieval",
        "We release QuillBench 2. Models score lower on QuillBench 2 than on QuillBench.",
    )
    assert ("INTRODUCES", "QuillBench 2") in relations and ("EVALUATES_ON", "QuillBench 2") in relations
    assert ("INTRODUCES", "QuillBench") not in relations


def test_relations_a_term_named_before_describes_the_new_thing_unless_it_is_ours(nlp):
    record = _extract(
        nlp, "A study",
        "Semi-supervised learning (SSL) helps. We propose Quorra, a novel SSL framework. Continual graph embedding"
        " (CGE) is studied. We propose a new CGE model Vireo-LM. Our approach, Tessary Fine-Tuning (TeFiT), adapts"
        " models; the posterior guides our TeFiT algorithm. Autonomous Aerial Vehicle (AAV) fleets fly.",
    )
    introduced = {r.target for r in record.relations if r.type == "INTRODUCES"}
    assert {"SSL", "Semi-supervised learning", "CGE", "Continual graph embedding"}.isdisjoint(introduced)
    assert {"Quorra", "Vireo-LM", "TeFiT"} <= introduced
    assert not {"AAV", "Autonomous Aerial Vehicle"} & {m.text for m in record.mentions}


def test_entities_a_plural_acronym_spelling_out_an_architecture_is_a_method(nlp):
    types = _types(
        nlp,
        "Spiking neural networks (SNNs) save energy. We study tensorized neural networks (TNNs) next to deep neural"
        " networks (DNNs), artificial neural networks (ANNs) and large language models (LLMs) in 6G radio access"
        " networks (RANs).",
    )
    assert types["Spiking neural networks"] == types["tensorized neural networks"] == types["TNNs"] == "Method"
    assert not {"deep neural networks", "DNNs", "ANNs", "LLMs", "radio access networks", "RANs"} & set(types)


def test_entities_an_architecture_the_title_is_for_stays_a_method(nlp):
    types = _types(nlp, "Physics-informed neural networks (PINNs) solve PDEs.", title="Mixed Precision Training for Physics-Informed Neural Networks")
    assert types["Physics-Informed Neural Networks"] == types["PINNs"] == "Method"


def test_entities_a_coined_name_ending_in_bert_is_a_model_unless_called_a_method(nlp):
    types = _types(nlp, "We fine-tune QuillBERT, Marlowe-BERT and VireoBERTv2. TessBERT, a late interaction method, ranks.")
    assert types["QuillBERT"] == types["Marlowe-BERT"] == types["VireoBERTv2"] == "Model"
    assert types["TessBERT"] == "Method"


def test_entities_a_kind_of_model_the_title_is_for_stays_a_method(nlp):
    types = _types(nlp, "Diffusion models generate images.", title="Quorra: Noise Valuation for Diffusion Models")
    assert types["Diffusion Models"] == types["Diffusion models"] == "Method"


def test_relations_what_a_new_thing_is_built_by_employing_is_used_not_introduced(nlp):
    relations = _relations(
        nlp, "A study",
        "We introduce a differentiable approximation employing QuillSort and Vireo-LM. We propose a pipeline combining"
        " supervised fine-tuning (SFT) and reinforcement learning (RL).",
    )
    assert not {target for type_, target in relations if type_ == "INTRODUCES"}
    assert {("USES", "QuillSort"), ("USES", "supervised fine-tuning")} <= relations


def test_entities_a_listed_name_matches_with_its_count_letter_in_either_case(nlp):
    types = _types(nlp, "We pretrain on ImageNet-1K and ImageNet-21K, fine-tune Pythia-70M and test on GSM8k.")
    assert types["ImageNet-1K"] == types["ImageNet-21K"] == types["GSM8k"] == "Dataset"
    assert types["Pythia-70M"] == "Model"


def test_entities_f_measures_in_coined_names_are_metrics_and_boolean_operators_are_nothing(nlp):
    types = _types(nlp, "QuillBench reports F0.5 and Count-F1; Boolean NOT accuracy rises, and a probabilistic OR aggregates.")
    assert types["F0.5"] == types["Count-F1"] == "Metric"
    assert not {"NOT", "OR"} & set(types)


def test_relations_a_known_term_before_a_mechanism_noun_describes_the_new_thing(nlp):
    relations = _relations(
        nlp, "A study", "Linear attention is fast. We propose a polarity-aware linear attention mechanism for vision.",
    )
    assert ("INTRODUCES", "linear attention") not in relations and ("USES", "linear attention") in relations


def test_entities_a_suspended_hyphen_is_no_part_of_the_name_and_complexity_classes_are_nothing(nlp):
    types = _types(nlp, "SFT- and GRPO-based variants of Vireo-LM fail, since the problem is NP-hard.")
    assert types["SFT"] == types["GRPO"] == "Method"
    assert not {"SFT-", "NP"} & set(types)


def test_relations_a_known_architecture_with_its_own_acronym_describes_the_new_thing(nlp):
    introduced = _targets(
        nlp,
        "We introduce a Mixture-of-Experts (MoE) architecture with task-level routing. We introduce a deep"
        " diffusion-based Soft Actor-Critic (QD2SAC) algorithm.",
        "INTRODUCES",
    )
    assert "QD2SAC" in introduced and not {"Mixture-of-Experts", "MoE"} & introduced


def test_entities_a_task_named_only_as_a_part_of_the_system_is_a_technique_used(nlp):
    types = _types(nlp, "Vireo-LM adds a melody extraction module. Pose estimation is hard; our pose estimation module helps.")
    assert types["melody extraction"] == "Method"
    assert types["pose estimation"] == types["Pose estimation"] == "Task"


def test_results_a_speedup_or_a_saving_measures_no_metric_the_sentence_names(nlp):
    record = _extract(nlp, "A study", "Quorra reaches 92% accuracy, is 2.8x faster and uses 41.8% fewer GPUs, with 10% less error than Vireo-LM.")
    assert {(r.text, r.metric) for r in record.results} == {("92%", "accuracy"), ("2.8x", None), ("41.8%", None), ("10%", None)}


def test_relations_a_name_the_paper_gives_is_introduced(nlp):
    relations = _relations(
        nlp, "A study",
        "We call this technique Quorra Distillation (QD), which is general. We name the approach the Vireo Model (VM) as it"
        " reflects priors. We call for more work on GRPO.",
    )
    assert {("INTRODUCES", "QD"), ("INTRODUCES", "Quorra Distillation"), ("INTRODUCES", "VM")} <= relations
    assert ("INTRODUCES", "GRPO") not in relations


def test_relations_a_lower_case_contribution_the_apposition_calls_a_method_is_introduced(nlp):
    record = _extract(nlp, "A study", "We propose quill upcycling, a simple method that grows experts. We propose a simple method.")
    assert {(m.text, m.type) for m in record.mentions} == {("quill upcycling", "Method")}
    assert {(r.type, r.target) for r in record.relations} == {("INTRODUCES", "quill upcycling")}


def test_relations_parts_listed_after_it_comprises_are_introduced(nlp):
    relations = _relations(
        nlp, "A study",
        "We propose QuorraMind, a framework for scam detection. It comprises two components: the Quill Reasoning Task (QRT)"
        " and the Vireo Evaluation Suite (VES).",
    )
    assert {("INTRODUCES", "QuorraMind"), ("INTRODUCES", "QRT"), ("INTRODUCES", "VES")} <= relations


def test_relations_a_listed_term_that_modifies_the_object_is_not_introduced(nlp):
    relations = _relations(
        nlp, "A study",
        "Finding a representation for weights, which we call the quantization grid, is hard. We design a transformer"
        " architecture, which we term the k-means transformer, that runs Lloyd's algorithm. We propose a new two stage"
        " Long Short Term Memory (LSTM) approach. We construct a comprehensive GRPO dataset QuillSet for training.",
    )
    introduced = {target for type_, target in relations if type_ == "INTRODUCES"}
    assert introduced == {"QuillSet"}


def test_results_numbers_listed_before_a_unit_share_it():
    found = find_results("Quorra gains +6.25 and +7.81 points, and 3.2, 4.1 and 5.0 points; in 2023 and 45% of the data, 1% in mAP@25 and 4.78%.")
    assert [(r.text, r.unit) for r in found] == [
        ("+6.25", "points"), ("+7.81 points", "points"), ("3.2", "points"), ("4.1", "points"), ("5.0 points", "points"),
        ("1%", "%"), ("4.78%", "%"),
    ]


def test_results_a_dash_after_a_percentage_opens_the_range_end_not_a_minus():
    assert [r.text for r in find_results("a success rate of 30%-50%, and gains of -3.2%")] == ["30%", "50%", "-3.2%"]


def test_entities_a_coined_name_before_competition_or_challenges_is_a_dataset(nlp):
    types = _types(nlp, "We enter the QuillCup competition and the VireoNet challenges.")
    assert types["QuillCup"] == types["VireoNet"] == "Dataset"


def test_entities_a_listed_model_with_variant_words_is_a_model_and_with_another_word_is_not(nlp):
    types = _types(nlp, "We fine-tune BERT-Base, T5-Large and CLIP-Adapter on a GPU with little SRAM.")
    assert types["BERT-Base"] == types["T5-Large"] == "Model"
    assert types["CLIP-Adapter"] == "Method" and "SRAM" not in types


def test_relations_the_parts_the_papers_own_method_consists_of_are_introduced(nlp):
    abstract = (
        "We propose Quorra, a framework for fast sorting. Quorra consists of two core components: (1) Vireo "
        "Token Routing (VTR), which routes tokens, and (2) QuillSort, a merge step. "
        "Quorra also comprises a DiT-based Marlowe Flow (MF) decoder and modules trained with KDist."
    )
    introduced = _targets(nlp, abstract, "INTRODUCES")
    assert {"Quorra", "VTR", "Vireo Token Routing", "QuillSort"} <= introduced
    # what a part is based on, or a name a clause applies, is not a part
    assert not {"MF", "Marlowe Flow", "KDist"} & introduced


def test_relations_a_sentence_not_about_the_papers_own_method_introduces_no_parts(nlp):
    abstract = "We propose Quorra for sorting. The Tessary toolkit consists of two modules: Vireo Token Routing (VTR) and QuillSort."
    assert _targets(nlp, abstract, "INTRODUCES") == {"Quorra"}


def test_relations_the_core_module_of_the_papers_method_is_introduced(nlp):
    abstract = "We propose Quorra for sorting. The core module of Quorra is a Vireo Token Router (VTR) trained end to end."
    assert {"VTR", "Vireo Token Router"} <= _targets(nlp, abstract, "INTRODUCES")


def test_entities_any_name_at_a_cut_off_is_a_metric(nlp):
    types = _types(nlp, "Quorra reaches 0.41 HR@5 and 38.2% QuillScore@1, over Vireo-LM.")
    assert types["HR@5"] == types["QuillScore@1"] == "Metric"


def test_entities_a_task_term_named_only_as_the_means_of_a_verb_is_a_method(nlp):
    types = _types(
        nlp,
        "Quorra adopts iterative token-level editing and, for speed, employs sentiment analysis. "
        "We also evaluate Quorra through experiments on travel graph generation, which uses sentiment analysis.",
    )
    assert types["token-level editing"] == types["sentiment analysis"] == "Method"
    assert types["travel graph generation"] == "Task"


def test_entities_a_task_term_also_named_as_a_problem_stays_a_task(nlp):
    types = _types(nlp, "We study sentiment analysis in reviews. Quorra uses sentiment analysis as a testbed and employs OCR-based parsing.")
    assert types["sentiment analysis"] == "Task"


def test_patterns_a_range_of_sizes_is_no_name():
    assert not is_coined_name("4B-675B") and not is_coined_name("2D-3D") and is_coined_name("1GC-7RC")


def test_entities_a_listed_model_keeps_a_variant_word_joined_to_its_version(nlp):
    types = _types(nlp, "Quorra beats Mistral-Large-3, Claude Opus-4.7 and GPT-5.1 Instant on chest X-ray reports.")
    assert types["Mistral-Large-3"] == types["Claude Opus-4.7"] == types["GPT-5.1 Instant"] == "Model"
    assert "Mistral" not in types and "X-ray" not in types


def test_entities_a_listed_model_with_a_variant_word_is_another_model(nlp):
    record = _extract(nlp, "A study", "Quorra beats GPT-4.5-mini, GPT-4.5 and RoBERTa-large on Vireo-Set.")
    found = {(m.text, m.type, m.canonical) for m in record.mentions}
    assert {("GPT-4.5-mini", "Model", None), ("RoBERTa-large", "Model", None)} <= found
    assert "GPT-4.5" in {m.canonical for m in record.mentions}


def test_entities_a_score_after_a_name_is_no_version_of_it(nlp):
    types = _types(nlp, "Quorra tracks humans (median RSA 0.743), beating QuillNet-CNN 0.356 and Llama 3.1 on Kestrel.")
    assert "RSA 0.743" not in types and "QuillNet-CNN 0.356" not in types
    assert types["RSA"] == "Method" and types["Llama 3.1"] == "Model"


def test_entities_a_technique_spelled_out_before_its_acronym_and_a_head_word_stays_itself(nlp):
    types = _types(nlp, "Quorra is trained with Direct Preference Optimization (DPO) fine-tuning for part-of-speech (POS) tagging.")
    assert types["Direct Preference Optimization"] == types["DPO"] == "Method"
    assert "Direct Preference Optimization (DPO) fine-tuning" not in types
    assert types["part-of-speech (POS) tagging"] == "Task"


def test_entities_ordinary_words_in_capitals_are_no_names(nlp):
    types = _types(nlp, "Quorra answers in both YES and NO verdict variants, building tools FOR communities.")
    assert not {"YES", "NO", "FOR"} & set(types)


def test_entities_estimation_techniques_are_methods_and_regulations_no_names(nlp):
    types = _types(nlp, "Quorra replaces maximum likelihood estimation (MLE) and the EM algorithm to close the Sim2Real gap "
                        "on NISQ devices under HIPAA.")
    assert types["maximum likelihood estimation"] == types["MLE"] == types["EM algorithm"] == "Method"
    assert types["Sim2Real"] == "Task" and not {"NISQ", "HIPAA"} & set(types)


def test_entities_a_name_coined_after_the_takes_the_type_of_the_noun_after_its_acronym(nlp):
    record = _extract(nlp, "A study", (
        "We introduce the Quorra Genome, a system that reads headers. We also present the Vireo Driving Behavior (VDB) "
        "dataset and the Kestrel Compatibility (KC) metric. We propose the QuillNet Framework, which is fast, "
        "and the Marlowe Gradient Theorem, which bounds it."
    ))
    types = {m.text: m.type for m in record.mentions}
    assert types["Quorra Genome"] == "Method" and types["QuillNet"] == "Method"
    assert types["Vireo Driving Behavior"] == types["VDB"] == "Dataset"
    assert types["Kestrel Compatibility"] == types["KC"] == "Metric"
    assert not {"Marlowe Gradient Theorem", "QuillNet Framework"} & set(types)
    introduced = {r.target for r in record.relations if r.type == "INTRODUCES"}
    assert {"Quorra Genome", "Vireo Driving Behavior", "Kestrel Compatibility", "QuillNet"} <= introduced


def test_entities_a_name_after_an_opening_on_phrase_is_its_subject_not_a_dataset(nlp):
    types = _types(nlp, "On HellaSwag story completion, QuorraNet gains 6.5%. On three coding benchmarks (VIRCO, Kestrel-FR, Marlowe-FR), it wins.")
    assert types["QuorraNet"] == "Method" and types["Kestrel-FR"] == types["Marlowe-FR"] == "Dataset"


def test_entities_a_task_term_named_as_a_module_with_its_acronym_between_is_a_method(nlp):
    types = _types(nlp, "Quorra adds a Local-Global Feature Extraction (LGFE) module and is quantized to W4A8 and NVFP4.")
    assert types["Local-Global Feature Extraction"] == types["LGFE"] == "Method"
    assert "W4A8" not in types and "NVFP4" not in types


def test_entities_a_listed_acronym_spelled_out_as_another_thing_takes_that_things_type(nlp):
    types = _types(nlp, "We present DoRA (Domain-oriented RAG Assessment), a benchmark of defense documents. Quorra is trained on DoRA.")
    assert types["DoRA"] == types["Domain-oriented RAG Assessment"] == "Dataset"
    assert _types(nlp, "We fine-tune with DoRA (Weight-Decomposed Low-Rank Adaptation).")["DoRA"] == "Method"


def test_patterns_a_named_challenge_edition_is_one_dataset(nlp):
    types = _types(nlp, "Quorra ranks first in the QUILL 2025 Shared Task, the VIREO 2026 challenge and the ARX 2025 LiveSort Challenge.")
    assert types["QUILL 2025 Shared Task"] == types["VIREO 2026 challenge"] == types["ARX 2025 LiveSort Challenge"] == "Dataset"
    assert "QUILL" not in types


def test_entities_a_challenge_a_year_opens_or_a_shared_task_is_a_dataset(nlp):
    types = _types(nlp, "In the 2025 QUILL Lab Structural Break Challenge, Quorra reached 94.13% ROC-AUC. It also "
                   "ranks first in the MARLOWE-CORR shared task, but not in every challenge.")
    assert types["QUILL Lab Structural Break Challenge"] == types["MARLOWE-CORR shared task"] == "Dataset"
    assert "QUILL" not in types and "MARLOWE-CORR shared" not in types


def test_entities_an_unknown_name_with_a_v_version_takes_its_type_from_context(nlp):
    types = _types(nlp, "We evaluate Quorra-LM on VireoMem v1 and KestrelQA benchmarks. Quorra-LM beats LoRA on VireoMem v1.")
    assert types["VireoMem v1"] == "Dataset"


def test_results_a_number_in_an_unnamed_measure_takes_no_metric_from_another_clause(nlp):
    record = _extract(nlp, "A study", (
        "Quorra shows gains of up to 10.35% in attack resilience, while maintaining competitive accuracy. "
        "It improves accuracy by 2.1% in sentiment analysis, and by 3.4% in transfer learning."
    ))
    metrics = {r.text: r.metric for r in record.results}
    assert metrics["10.35%"] is None
    assert metrics["2.1%"] == metrics["3.4%"] == "accuracy"


def test_entities_a_hyphenated_dataset_noun_heads_no_dataset_apposition(nlp):
    types = _types(nlp, "We propose Quorra, an environment-free patch verifier. Across 11 benchmarks, Quorra outperforms Vireo-LM.")
    assert types["Quorra"] == "Method"


def test_entities_a_name_described_as_a_tool_is_a_method_whatever_list_it_follows(nlp):
    types = _types(nlp, (
        "We introduce Quorra-RT, a dedicated segmentation tool. In our evaluation on scans from the QUILL 2025 Challenge, "
        "Quorra-RT improves Dice on B200 GPUs."
    ))
    assert types["Quorra-RT"] == "Method" and "B200" not in types


def test_entities_a_long_apposition_ending_in_a_technique_noun_describes_a_technique(nlp):
    types = _types(nlp, (
        "We propose QuillAug, a novel cross-trajectory shuffling and summary-content perturbation based data augmentation "
        "technique that boosts accuracy. We find that TP correlates with user-encoder performance on the "
        "QuillAug-generated dataset."
    ))
    assert types["QuillAug"] == "Method"


def test_entities_an_acronym_of_one_lower_case_compound_word_names_nothing(nlp):
    types = _types(nlp, (
        "Unlike autoregressive (AR) models, Quorra runs compute-in-memory (CIM) for vision-language-action (VLA) "
        "policies with GRPO. AR decoding is slow."
    ))
    assert not {"AR", "autoregressive", "CIM", "compute-in-memory", "VLA", "vision-language-action"} & set(types)
    assert types["GRPO"] == "Method"


def test_entities_an_acronym_of_a_domain_thing_names_nothing_and_hides_no_metric(nlp):
    types = _types(nlp, (
        "Quorra separates mild cognitive impairment (MCI) from dementia using cryogenic electron microscopy (cryo-EM) "
        "and lessons from software engineering (SE). MCI and cryo-EM maps matter; we report EM."
    ))
    assert not {"MCI", "mild cognitive impairment", "cryo-EM", "SE", "software engineering"} & set(types)
    assert types["EM"] == "Metric"
    assert [m.text for m in _extract(nlp, "A study", "We report cryo-EM (cryogenic electron microscopy) maps and EM.").mentions] == ["EM"]


def test_entities_an_acronym_keeps_the_type_of_a_term_long_form_opening_a_sentence(nlp):
    types = _types(nlp, (
        "Contrastive tuning from sparse votes (CTSV) has gained attention. While prior work on CTSV focused on math, "
        "we investigate whether medical reasoning can emerge from CTSV."
    ))
    assert types["CTSV"] == types["Contrastive tuning from sparse votes"] == "Method"


def test_entities_an_acronym_keeps_the_type_its_long_forms_head_word_gives(nlp):
    types = _types(nlp, (
        "This paper proposes an AutoEncoder-based Quill Federated Learning (AE-QFL) framework. "
        "Simulations show that, compared with the federated learning benchmarks, AE-QFL achieves 13% higher accuracy."
    ))
    assert types["AE-QFL"] == types["AutoEncoder-based Quill Federated Learning"] == "Method"


def test_entities_a_task_term_naming_the_data_a_verb_uses_stays_a_task(nlp):
    types = _types(nlp, "Quorra leverages medical multiple-choice question answering (MCQA) data as verifiable labels.")
    assert types["medical multiple-choice question answering"] == types["MCQA"] == "Task"


def test_entities_a_name_given_a_model_size_is_a_model(nlp):
    types = _types(nlp, (
        "We scale QuorraLM from 69B-A3B to 560B-A27B. QuorraLM-Lite (7B) and MarloweX (69B-A3B) are released. "
        "VireoNet (110M parameters) is evaluated on QuillClicks (45M)."
    ))
    assert types["QuorraLM-Lite"] == types["MarloweX"] == types["VireoNet"] == "Model"
    assert types["QuillClicks"] == "Dataset"
    assert not {"69B-A3B", "560B-A27B"} & set(types)


def test_entities_classes_of_action_reasoning_and_audio_models_are_no_entities(nlp):
    types = _types(nlp, (
        "Vision-Language-Action (VLA) models, large reasoning models (LRMs) and large audio-language models "
        "(LALMs) fail where Quorra succeeds. We test VLA policies."
    ))
    assert not {"VLA", "LRMs", "LALMs", "Vision-Language-Action"} & set(types)


def test_entities_a_long_form_ending_in_problem_names_a_task(nlp):
    types = _types(nlp, "We cast collage making as a Multimodal Quill Satisfaction Problem (MQSP) and propose Quorra.")
    assert types["Multimodal Quill Satisfaction Problem"] == types["MQSP"] == "Task"


def test_relations_an_introducing_verb_after_a_colon_has_its_own_subject(nlp):
    targets = _targets(nlp, (
        "Through error analysis, we observe complementary strengths: QuillSort offers structural precision, "
        "while Vireo-LM better handles nuance."
    ), "INTRODUCES")
    assert targets == set()


def test_relations_a_described_contribution_introduces_no_later_name(nlp):
    targets = _targets(nlp, (
        "We formulate the proposed dual autoencoder-based anomaly detection framework and show how the active "
        "learning loop improves it."
    ), "INTRODUCES")
    assert targets == set()


def test_entities_a_benchmark_filed_as_a_task_in_a_source_list_is_the_dataset(nlp):
    types = _types(nlp, "On MTEB benchmark, Quorra cuts TTFT by 2x.")
    assert "MTEB benchmark" not in types and types["MTEB"] == "Dataset"
    assert types["TTFT"] == "Metric"


def test_results_a_metric_written_right_before_by_binds_its_number(nlp):
    record = _extract(nlp, "A study", "Quorra improves TTFT by 33%, TPOT by 22%, and reaches an accuracy of 92% and 0.8 F1.")
    metrics = {r.text: r.metric for r in record.results}
    assert metrics["33%"] == "TTFT" and metrics["22%"] == "TPOT"
    assert metrics["92%"] == "accuracy" and metrics["0.8"] == "F1"


def test_abbreviations_a_quoted_long_form_is_named_without_its_quotes(nlp):
    record = _extract(nlp, "A study", 'We propose "Quill Span-Expanded Attention" (QSE-Attn), which Vireo-LM lacks.')
    assert _long_forms(record, "QSE-Attn") == ["Quill Span-Expanded Attention"]


def test_abbreviations_a_long_forms_initials_skip_its_function_words(nlp):
    # letter by letter, the shortest match would be "Relabel Rewards"
    record = _extract(nlp, "A study", "We introduce Robust Labeling with Elastic Relabel Rewards (RLERR). RLERR beats Vireo-LM.")
    assert _long_forms(record, "RLERR")[0] == "Robust Labeling with Elastic Relabel Rewards"
    assert ("INTRODUCES", "Robust Labeling with Elastic Relabel Rewards") in {(r.type, r.target) for r in record.relations}


def test_abbreviations_a_kind_noun_the_acronym_does_not_spell_is_not_part_of_the_name(nlp):
    record = _extract(nlp, "A study", "We propose a Task-Conditioned Quill Alignment framework (TCQA) and a Quill Sort module (QSM).")
    assert _long_forms(record, "TCQA") == ["Task-Conditioned Quill Alignment"]
    assert _long_forms(record, "QSM") == ["Quill Sort module"]


def test_entities_licences_dictionaries_and_anatomy_are_typed_or_dropped(nlp):
    types = _types(nlp, (
        "We release QuillBench under the CC BY-NC 4.0 and CC-BY-4.0 licences, matching the Oxford English "
        "Dictionary (OED). Advanced Persistent Threats (APTs) and the temporomandibular joint (TMJ) are "
        "studied, with APT logs."
    ))
    assert not {"CC", "BY-NC 4.0", "CC-BY-4.0", "APT", "APTs", "TMJ", "temporomandibular joint"} & set(types)
    assert types["OED"] == types["Oxford English Dictionary"] == "Dataset"


def test_relations_a_known_term_describing_a_new_decoder_is_used_not_introduced(nlp):
    targets = _targets(nlp, "Here, we introduce a convolutional neural network decoder that exploits the code structure.", "INTRODUCES")
    assert targets == set()


def test_entities_an_acronym_never_defined_is_tied_to_the_one_name_its_initials_spell(nlp):
    record = _extract(nlp, "Robust Multimodal Scene Segmentation via Proxy Correction", (
        "Existing methods for incomplete MSS rely on one-shot proxies. We improve MSS with QuillNet."
    ))
    assert {m.text: m.type for m in record.mentions}["MSS"] == "Task"
    assert set(_long_forms(record, "MSS")) == {"Multimodal Scene Segmentation"}


def test_entities_an_area_under_a_curve_is_a_metric(nlp):
    types = _types(nlp, "We report the area under the Pass@k curve (AUC) of QuillNet.")
    assert types["area under the Pass@k curve"] == types["AUC"] == "Metric"


def test_entities_a_name_listed_at_one_mention_is_that_entry_at_every_mention(nlp):
    record = _extract(nlp, "Quill Detection with Detection Transformer", "We adapt the Detection Transformer (DETR) to new scans.")
    assert {(m.text, m.type) for m in record.mentions if m.text == "Detection Transformer"} == {("Detection Transformer", "Model")}


def test_entities_a_name_an_apposition_calls_a_language_model_is_a_model(nlp):
    types = _types(nlp, (
        "We present Quorra-Think (QT), an open-source 40B large language model developed to curb overthinking. "
        "We release Vireo, a family of 1.5B reasoning models. MarloweNet, an 8B model optimized for triage, follows. "
        "We propose QuillAgent, an LLM agent that plans, and QuillNet, a framework that fine-tunes language models."
    ))
    assert types["Quorra-Think"] == types["QT"] == types["Vireo"] == types["MarloweNet"] == "Model"
    assert types["QuillAgent"] == types["QuillNet"] == "Method"


def test_entities_subject_areas_and_group_columns_of_leaderboards_are_no_entities(nlp):
    types = _types(nlp, (
        "We survey authors of 50 sociology journals on public relations and nutrition. QuillNet shows higher "
        "disparities for Caucasian and South Asian groups. It lowers the word error rate on Eval2000 (Avg. 4.2)."
    ))
    assert not {"sociology", "public relations", "nutrition", "Caucasian", "Avg."} & set(types)
    assert types["Eval2000"] == "Dataset"


def test_relations_an_introducing_word_needs_the_paper_as_its_subject_or_names_its_own_noun_phrase(nlp):
    relations = _relations(nlp, "A study", (
        "To build a reliable system, we evaluate pixel-wise losses, namely mean squared error (MSE). "
        "We prove that all proposed methods achieve the corresponding differential privacy guarantees. "
        "Utilizing the proposed Quill Prediction Distribution (QPD) method, we find two sources of error."
    ))
    assert ("INTRODUCES", "QPD") in relations
    assert not {("INTRODUCES", "mean squared error"), ("INTRODUCES", "differential privacy")} & relations


def test_relations_a_described_contribution_introduces_nothing_after_its_participle(nlp):
    relations = _relations(nlp, "A study", (
        "We introduce a novel, fine-grained approach aimed at enhancing the accuracy of relevance scoring. "
        "We introduce a multi-agent system formalized as a finite-horizon Markov Decision Process (MDP). "
        "We also propose a framework named QuillNet."
    ))
    assert ("INTRODUCES", "QuillNet") in relations
    assert not {("INTRODUCES", "accuracy"), ("INTRODUCES", "MDP"), ("INTRODUCES", "Markov Decision Process")} & relations


def test_entities_a_capital_and_a_number_label_a_part_unless_the_paper_names_it(nlp):
    types = _types(nlp, (
        "The data was split into five treatments: H0 (only real images) and H1 (only synthetic images). "
        "We find layer L17 routes pairs. We present S2 (See Less, Specify More), a framework. "
        "Q7 beats T5 with an average R2 of 0.98."
    ), title="Q7: Quill Detection at Scale")
    assert not {"H0", "H1", "L17"} & set(types)
    assert types["S2"] == "Method" and types["T5"] == "Model" and types["R2"] == "Metric" and "Q7" in types


def test_entities_the_kind_noun_after_an_acronym_pair_beats_the_look_of_its_last_letters(nlp):
    types = _types(nlp, "We introduce the Quill Quality Assessment (QQA) framework. QQA beats all baselines on QuillQA.")
    assert types["Quill Quality Assessment"] == types["QQA"] == "Method"
    assert types["QuillQA"] == "Dataset"


def test_entities_a_name_an_apposition_calls_a_metric_is_a_metric(nlp):
    types = _types(nlp, (
        "We introduce the Quill Branching Factor (QBF) -- a token-invariant measure of the number of next steps. "
        "We also propose Vireo, a training-free hallucination detection metric, and QuillNet, a framework for search."
    ))
    assert types["Quill Branching Factor"] == types["QBF"] == types["Vireo"] == "Metric"
    assert types["QuillNet"] == "Method"


def test_results_a_mean_takes_the_unit_after_its_spread_and_the_spread_is_no_result(nlp):
    found = find_results("Quorra reaches 98.21 +/- 0.35%, $99.3 \\pm 0.02\\%$ and 83.1% +/- 7.2%, a 3.7 $\\pm$ 0.17 pp gain.")
    assert [(r.value, r.unit) for r in found] == [(98.21, "%"), (99.3, "%"), (83.1, "%"), (3.7, "pp")]
    record = _extract(nlp, "A study", "Vireo reaches 0.9305 +/- 0.0134 accuracy and an F1 of 0.82 ± 0.15 on QuillQA.")
    assert {(r.value, r.unit, r.metric) for r in record.results} == {(0.9305, None, "accuracy"), (0.82, None, "F1")}


def test_results_numbers_listed_after_a_metric_keep_it_up_to_the_last(nlp):
    record = _extract(nlp, "A study", (
        "On QuillSeg, Quorra reaches dice scores of 83.28, 87.44, and 84.50% and Jaccard indices of 72.85, 79.31, and 74.70%."
    ))
    metrics = {r.value: r.metric for r in record.results}
    assert metrics[84.5] == metrics[87.44] == "dice scores" and metrics[74.7] == metrics[72.85] == "Jaccard"


def test_relations_a_study_or_article_introduces_and_past_tenses_introduce(nlp):
    relations = _relations(nlp, "A study", (
        "This study introduces Quorra, an evaluation framework for alignment. We developed Vireo, a tool for triage. "
        "We have presented QuillNet, a planner for robots. This article proposes marlowe-guided decoding, which helps."
    ))
    assert {("INTRODUCES", name) for name in ("Quorra", "Vireo", "QuillNet", "marlowe-guided decoding")} <= relations


def test_relations_the_acronym_of_a_familiar_term_after_an_introducing_verb_is_used_with_it(nlp):
    relations = _relations(nlp, "A study", "We propose multi-task reinforcement learning (RL) with chain-of-thought prompting for Quorra.")
    assert ("USES", "multi-task reinforcement learning") in relations and ("USES", "RL") in relations
    assert not {target for type_, target in relations if type_ == "INTRODUCES"} & {"RL", "multi-task reinforcement learning"}


@pytest.mark.parametrize("subject", ["This extended abstract", "This technical report", "This survey", "This position paper"])
def test_relations_an_extended_abstract_a_report_or_a_survey_introduces(nlp, subject):
    relations = _relations(nlp, "A study", f"{subject} introduces Quorra-Net (QN), a method for triage. We evaluate QN on clinical reports.")
    assert ("INTRODUCES", "QN") in relations and ("USES", "QN") not in relations


def test_entities_capitals_after_a_number_are_a_unit_and_a_dash_apposition_types_a_name(nlp):
    types = _types(nlp, (
        "The leading system needs 300 MW of power and 9 GW by 2030. We introduce Quorra - a controlled benchmark "
        "for reasoning. We developed machine learning (ML) models to predict risk with subspace methods."
    ))
    assert types == {"Quorra": "Dataset"}


def test_entities_units_after_a_number_are_no_names(nlp):
    types = _types(nlp, "QuorraNet runs at 4.5 TOPS on a 300 mAh cell, keeps errors under 6 mmHg and 198 keV, and uses 2 kJ.")
    assert types == {"QuorraNet": "Method"}


def test_entities_fields_and_their_defined_acronyms_are_no_names(nlp):
    types = _types(
        nlp,
        "Brain-computer interfaces (BCIs) decode signals, and cyber threat intelligence (CTI) analysts use QuorraNet."
        " We define the Belief Conflict Index (BCI) to score it.",
    )
    assert types == {"QuorraNet": "Method", "Belief Conflict Index": "Metric", "BCI": "Metric"}


def test_entities_the_singular_of_a_generic_plural_acronym_is_no_name_either(nlp):
    types = _types(nlp, "EEG-based Brain-Computer Interfaces (BCIs) have emerged. Existing BCI tools fail; QuorraNet helps BCI research.")
    assert types == {"QuorraNet": "Method"}


def test_entities_degrees_of_freedom_are_no_names(nlp):
    types = _types(nlp, "A 6-DoF arm and a 7DOF hand with 16 DoF (degrees of freedom) follow QuorraNet.")
    assert types == {"QuorraNet": "Method"}


def test_results_a_cut_in_latency_or_cost_measures_no_metric_named_elsewhere(nlp):
    record = _extract(nlp, "A study", (
        "Quorra improves accuracy by 3% on QuillQA while reducing inference time by up to 35% and memory by 2x; "
        "it cuts TTFT by 20%."
    ))
    metrics = {r.text: r.metric for r in record.results}
    assert metrics == {"3%": "accuracy", "35%": None, "2x": None, "20%": "TTFT"}


def test_relations_names_described_as_existing_are_not_introduced(nlp):
    relations = _relations(nlp, "A study", (
        "We test this by presenting three leading AI systems (GPT-4o, Claude 3.5 Sonnet and Gemini 1.5 Pro) "
        "with ten dilemmas. We introduce Quorra, a planner for robots."
    ))
    assert ("INTRODUCES", "Quorra") in relations and ("USES", "GPT-4o") in relations
    assert not {target for kind, target in relations if kind == "INTRODUCES"} - {"Quorra"}


def test_relations_names_described_as_existing_after_a_later_introducing_clause_are_not_introduced(nlp):
    relations = _relations(nlp, "A study", (
        "We release QuorraSet, a dataset for assistance; we augment five established benchmarks (Ego4D, "
        "Vireo-Kitchens, KestrelExo4D) into a unified schema, and an off-the-shelf FM-powered agent drives it."
    ))
    assert {target for kind, target in relations if kind == "INTRODUCES"} == {"QuorraSet"}


def test_entities_a_guessed_name_in_a_list_takes_the_type_its_listed_members_share(nlp):
    types = _types(nlp, (
        "Quorra beats Vireo in global metrics (MAE, RMSE, QSSE). Our baselines are GPT-4o, Llama-3.1 and QuillLM. "
        "On QuillQA, Quorra, Vireo, and Marlowe-7B, QuillNet wins."
    ))
    assert types["QSSE"] == "Metric" and types["QuillLM"] == "Model"
    assert types["QuillNet"] != types["QuillQA"]


def test_entities_a_long_form_ending_in_model_or_transformer_is_a_technique(nlp):
    types = _types(nlp, (
        "We propose the Quill Bottleneck Model (QBM) and a Vireo Decision Transformer (VDT), "
        "and compare them with a Latent Diffusion Model (LDM) and BERT."
    ))
    assert types["QBM"] == types["Quill Bottleneck Model"] == types["VDT"] == types["LDM"] == "Method"
    assert types["BERT"] == "Model"


def test_entities_a_benchmark_keeps_its_split_or_version_words(nlp):
    record = _extract(nlp, "A study", (
        "Quorra resolves 41.2% of SWE-bench Lite and beats Vireo on QuillBench Extra Hard, QuillBench v2 and "
        "TREC 2025, while QuillBench 58.3 stays a score."
    ))
    names = {m.text for m in record.mentions if m.type == "Dataset"}
    assert {"SWE-bench Lite", "QuillBench Extra Hard", "QuillBench v2", "TREC 2025"} <= names
    assert "QuillBench 58.3" not in names and "SWE-bench" not in names
    assert [(r.text, r.dataset) for r in record.results] == [("41.2%", "SWE-bench Lite")]


def test_entities_a_name_whose_content_is_counted_in_data_items_is_a_dataset(nlp):
    types = _types(nlp, (
        "We introduce KoQuorra. KoQuorra comprises 5,120 multi-turn conversations. We also propose ViReo. "
        "ViReo consists of two modules."
    ))
    assert types == {"KoQuorra": "Dataset", "ViReo": "Method"}


def test_entities_a_listed_name_of_plain_capitalised_words_needs_its_capitals(nlp):
    types = _types(nlp, "Detectors miss modern Chinese poems; we train on split MNIST and the Pile.")
    assert types == {"split MNIST": "Dataset", "the Pile": "Dataset"}


def test_results_a_metric_right_after_a_number_beats_one_bound_before_it(nlp):
    record = _extract(nlp, "A study", "Quorra reaches 68% recall at 90% precision and 41% TPR at 1% FPR on QuillBench.")
    assert {r.text: r.metric for r in record.results} == {"68%": "recall", "90%": "precision", "41%": "TPR", "1%": "FPR"}


def test_relations_a_variant_of_the_papers_own_name_is_introduced_not_compared(nlp):
    relations = _relations(nlp, "A study", (
        "We introduce QuillLRM, a family of judges. QuillLRM-3B surpasses GPT-4, and QuillLRM-7B outperforms "
        "DeepSeek-R1 by 2.79% in F1 score."
    ))
    assert {("INTRODUCES", "QuillLRM-3B"), ("INTRODUCES", "QuillLRM-7B"), ("COMPARES_TO", "GPT-4")} <= relations
    assert not {target for kind, target in relations if kind in ("COMPARES_TO", "USES")} & {"QuillLRM-3B", "QuillLRM-7B"}


def test_results_a_cut_in_steps_tokens_or_rounds_measures_no_metric(nlp):
    record = _extract(nlp, "A study", (
        "Quorra improves average accuracy by 24% while reducing the reasoning tokens by 28%, "
        "communication rounds by approximately 22% and executed steps by 15%."
    ))
    assert {r.text: r.metric for r in record.results} == {"24%": "average accuracy", "28%": None, "22%": None, "15%": None}


def test_results_the_object_of_a_verb_of_change_is_what_the_number_measures(nlp):
    record = _extract(nlp, "A study", (
        "QuillNet improves risk-adjusted utility by 7.95%, lowers calibration error by 13.89%, and increases "
        "governance compliance by 9.76%. It reaches 91% accuracy and improves GPT-4o by 2.1 points."
    ))
    metrics = {r.text: r.metric for r in record.results}
    assert metrics == {"7.95%": None, "13.89%": "calibration error", "9.76%": None, "91%": "accuracy", "2.1 points": "accuracy"}


def test_entities_an_architecture_after_for_in_the_title_stays_a_technique(nlp):
    types = _types(nlp, "Sparse Mixture-of-Experts (MoE) models scale LLMs.", "Quorra: Faster Decoding for Mixture-of-Experts")
    assert types["Mixture-of-Experts"] == types["MoE"] == "Method"


def test_relations_a_known_term_after_an_introduced_name_says_its_kind(nlp):
    relations = _relations(nlp, "A study", (
        "Training depends on weight initialization. We introduce the Quill Index Rescaling (QIR) weight "
        "initialization scheme."
    ))
    assert {("INTRODUCES", "Quill Index Rescaling"), ("INTRODUCES", "QIR"), ("USES", "weight initialization")} <= relations
    assert ("INTRODUCES", "weight initialization") not in relations


def test_entities_bare_rl_is_reinforcement_learning(nlp):
    record = _extract(nlp, "A study", "We fine-tune Qwen2.5-7B with RL on math problems, after SFT.")
    assert {(m.text, m.type, m.canonical) for m in record.mentions if m.text == "RL"} == {
        ("RL", "Method", "reinforcement learning")
    }


def test_entities_asr_is_speech_recognition_unless_a_number_or_definition_makes_it_a_measure(nlp):
    speech = _extract(nlp, "Quorra: Robust ASR for Dialects", "We fine-tune ASR models on dialect speech.")
    assert {(m.type, m.canonical) for m in speech.mentions if m.text == "ASR"} == {("Task", "automatic speech recognition")}
    attack = _extract(nlp, "A study", "QuillAttack achieves up to 95.2% ASR on guarded models.")
    assert [(m.type, m.canonical) for m in attack.mentions if m.text == "ASR"] == [("Metric", None)]
    assert [(r.text, r.metric) for r in attack.results] == [("95.2%", "ASR")]


def test_entities_a_listed_acronym_the_paper_defines_otherwise_takes_its_long_forms_type(nlp):
    record = _extract(nlp, "A study", (
        "Quorra applies parallel test-time scaling (TTS) to latent reasoning. TTS raises accuracy. Jailbreaks "
        "raise prompt-injection attack success rates (ASR) to 42%."
    ))
    assert {(m.text, m.type, m.canonical) for m in record.mentions if m.text in ("TTS", "ASR")} == {
        ("TTS", "Method", None), ("ASR", "Metric", None)
    }
    assert not any(r.type == "ADDRESSES" for r in record.relations)


def test_patterns_words_joined_to_a_class_or_field_name_are_no_name(nlp):
    types = _types(nlp, (
        "Human-AI collaboration on CPU-GPU clusters helps LLM-Agent pipelines. We compare QuillNet with "
        "OpenAI-o1 on Quorra-KG-Bench, Vireo-IT Bench and QR-101, and release it under the MIT license."
    ))
    assert set(types) == {"QuillNet", "OpenAI-o1", "Quorra-KG-Bench", "Vireo-IT Bench", "QR-101"}


def test_patterns_names_listed_after_a_colon_that_follows_datasets_are_datasets(nlp):
    relations = _relations(nlp, "A study", (
        "We evaluate QuillNet on three dialogue benchmarks: Camrest-Q, On-Road and Vireo Dialogs. We also "
        "release two benchmarks: a 100-item diagnostic set and a 150-item contest suite."
    ))
    assert {target for kind, target in relations if kind == "EVALUATES_ON"} == {"Camrest-Q", "On-Road", "Vireo Dialogs"}
    found = find_dataset_examples("on two datasets: QUORRA-I, Vireoham, and KORRA.")
    assert [name for _, _, name, _ in found] == ["QUORRA-I", "Vireoham", "KORRA"]


def test_entities_an_acronym_defined_by_a_generic_long_form_goes_with_it(nlp):
    types = _types(nlp, (
        "Harmonization arises in augmented reality (AR), yet it is missing from AR pipelines. QuillNet "
        "removes personally identifiable information (PII) from Vireo logs; PII leaks drop."
    ))
    assert types == {"QuillNet": "Method"}


def test_gazetteer_a_neighbouring_word_shows_a_metric_term_means_something_else(nlp):
    record = _extract(
        nlp, "A study",
        "Quorra trains with mixed precision, FP16 precision and low-precision attention for precision medicine,"
        " lowering weight and activation precision. Factual recall suffers and high-accuracy models are slow."
        " On QuillSet, Quorra reports precision and recall of 91%, with high precision and a low-FPR threshold.",
    )
    metrics = [(m.text, m.sentence) for m in record.mentions if m.type == "Metric"]
    assert metrics == [("precision", 3), ("recall", 3), ("precision", 3), ("FPR", 3)]
    assert {(r.value, r.metric) for r in record.results} == {(91.0, "recall")}


def test_entities_a_sentence_or_subtitle_opening_on_a_verb_leaves_it_out_of_the_term(nlp):
    record = _extract(
        nlp, "QuillNet: Scaling Contrastive Graph Learning to Billions of Nodes",
        "Understanding contrastive graph learning remains open. Scaling contrastive graph learning is costly.",
    )
    assert [m.text for m in record.mentions if m.type == "Method"] == [
        "QuillNet", "Contrastive Graph Learning", "contrastive graph learning", "contrastive graph learning",
    ]


def test_entities_an_apposition_naming_a_set_of_metrics_or_a_framework_types_the_name(nlp):
    types = _types(
        nlp, "We introduce Vireo-M, a set of metrics that reward faithfulness, and QUORRA, a suite of faithfulness"
        " metrics for factuality. We also present the Quill Assurance Environment (QAE), a novel framework that"
        " monitors agents, and the Marlowe Particle Environment (MPE), a benchmark for agents.",
    )
    assert (types["Vireo-M"], types["QUORRA"]) == ("Metric", "Metric")
    assert (types["Quill Assurance Environment"], types["QAE"]) == ("Method", "Method")
    assert (types["Marlowe Particle Environment"], types["MPE"]) == ("Dataset", "Dataset")


def test_entities_generic_phrases_with_a_task_head_name_no_task(nlp):
    types = _types(
        nlp, "We enable the automated generation of Quill puzzles and the automatic detection of Vireo faults from"
        " natural language task descriptions, keeping human control. We also study automated program repair.",
    )
    assert types == {"automated program repair": "Task"}


def test_entities_protocols_structures_and_image_kinds_written_as_acronyms_are_no_names(nlp):
    types = _types(
        nlp, "Quorra agents call tools over MCP, plan on a DAG and write RTL in a DSL. Quorra improves SNR by"
        " 3 dB on CXR images and solves NL2SQL.",
    )
    assert types == {"SNR": "Metric", "NL2SQL": "Task"}
    assert _types(nlp, "QuorraMol decodes SMILES and SELFIES strings of molecules.") == {"QuorraMol": "Method"}


def test_results_listed_before_respectively_pair_with_the_names_listed_in_order(nlp):
    record = _extract(nlp, "A method", "Quorra reaches 81.2% and 77.5% accuracy on VireoQA and MarloweBench, respectively.")
    assert [(r.text, r.metric, r.dataset) for r in record.results] == [("81.2%", "accuracy", "VireoQA"), ("77.5%", "accuracy", "MarloweBench")]
    record = _extract(nlp, "A method", "Recall and F1 improve by 6.7% and 3.5% over the baseline, respectively.")
    assert [(r.text, r.metric) for r in record.results] == [("6.7%", "Recall"), ("3.5%", "F1")]
    # no list of two metrics: both numbers measure what the first does, here no named metric
    record = _extract(nlp, "A method", "Quorra lifts the F1 score by 5.1% while reducing latency and peak memory by 50.4% and 21.1%, respectively.")
    assert {r.text: r.metric for r in record.results} == {"5.1%": "F1 score", "50.4%": None, "21.1%": None}
    # without "respectively" the nearest names still attach
    record = _extract(nlp, "A method", "Quorra reaches 81.2% on VireoQA and 77.5% on MarloweBench.")
    assert [(r.text, r.dataset) for r in record.results] == [("81.2%", "VireoQA"), ("77.5%", "MarloweBench")]


def test_entities_one_capitalised_word_between_the_and_a_dataset_noun_names_a_dataset(nlp):
    types = _types(
        nlp,
        "Quorra wins on a subset of the Tightrope benchmark and in the Gallowmere environment, "
        "but not on the English corpus nor the Fields of the Vireo dataset.",
    )
    assert types.get("Tightrope") == "Dataset" and types.get("Gallowmere") == "Dataset"
    assert "English" not in types and "Vireo" not in types


def test_entities_a_name_set_up_as_a_dataset_or_metric_takes_that_type(nlp):
    types = _types(nlp, "We introduce QMED (Quorra Medical Exam Dialogues) as a dataset of tutoring talks. We use VireoRank as a unifying metric.")
    assert types.get("QMED") == "Dataset" and types.get("Quorra Medical Exam Dialogues") == "Dataset"
    assert types.get("VireoRank") == "Metric"
    # a lower-case phrase after "we propose" is no name for being set up "as a framework"
    assert "viewing them" not in _types(nlp, "We propose viewing them as a new interface layer atop an old framework.")


def test_relations_a_long_name_set_off_after_our_method_or_a_new_metric_is_introduced(nlp):
    record = _extract(
        nlp, "A study",
        "Our method, Multi-level Quorra Credit Assignment (MQCA), captures agent contributions. "
        "We introduce a novel information-theoretic metric, Vireo Gain per Parameter (VGPP), which quantifies learning.",
    )
    introduced = {(r.target, r.target_type) for r in record.relations if r.type == "INTRODUCES"}
    assert {("Multi-level Quorra Credit Assignment", "Method"), ("MQCA", "Method")} <= introduced
    assert {("Vireo Gain per Parameter", "Metric"), ("VGPP", "Metric")} <= introduced


def test_relations_what_a_new_thing_evaluates_or_is_compared_against_is_not_introduced_but_each_listed_item_is(nlp):
    compared = _targets(
        nlp,
        "We introduce two benchmarks (QuorraShop and VireoWorld) and compare the decomposition against "
        "QuillAct and Uncertainty-Aware Marlowe (UAM) across backbones.",
        "INTRODUCES",
    )
    assert {"QuorraShop", "VireoWorld"} <= compared and not compared & {"QuillAct", "Uncertainty-Aware Marlowe", "UAM"}
    evaluated = _targets(
        nlp, "We present a structured finetuning and deployment pipeline evaluating two models (QuillVLA and Vireo-OFT).", "INTRODUCES"
    )
    assert not evaluated & {"QuillVLA", "Vireo-OFT"}
    listed = _targets(
        nlp,
        "We contribute: (1) QuillEval, an evaluation framework assessing four abilities; "
        "(2) QuillPrompt, a prompting architecture; and (3) QuillBench, a bilingual benchmark.",
        "INTRODUCES",
    )
    assert {"QuillEval", "QuillPrompt", "QuillBench"} <= listed


def test_entities_a_dataset_with_an_edition_or_context_length_is_a_dataset_but_not_with_a_model_size(nlp):
    types = _types(nlp, "QuorraBench-2.0 is harder. We test on QuorraBench and VireoEval. VireoEval-64K is long. Quill-7B is trained on VireoEval.")
    assert types["QuorraBench-2.0"] == types["VireoEval-64K"] == "Dataset"
    assert types["Quill-7B"] == "Model"


def test_entities_a_name_set_up_as_a_new_task_is_a_task_the_paper_addresses(nlp):
    record = _extract(
        nlp, "A study",
        "We propose Quorra Ranking, a novel task that prioritizes sources. We introduce Vireo2Act, a new task for "
        "predicting behavior. We introduce a diagnostic benchmark, QuillFace, an emoji manipulation task where a robot "
        "places objects. We introduce QuillMCP, a task-agnostic, open-source server.",
    )
    types = {m.text: m.type for m in record.mentions}
    assert types["Quorra Ranking"] == types["Vireo2Act"] == "Task"
    assert types["QuillFace"] == "Dataset" and types["QuillMCP"] == "Method"
    addressed = {r.target for r in record.relations if r.type == "ADDRESSES"}
    introduced = {r.target for r in record.relations if r.type == "INTRODUCES"}
    assert {"Quorra Ranking", "Vireo2Act"} <= addressed and not introduced & {"Quorra Ranking", "Vireo2Act"}


def test_entities_the_names_a_list_of_metrics_opens_on_are_metrics_up_to_the_lists_end(nlp):
    types = _types(
        nlp,
        "We introduce two metrics: Quorra Drop (QD) and Vireo Recourse Gap (VRG). Our loss improves disentanglement "
        "scores such as QIG and Marlowe score. Comparison experiments with metrics such as FID and SSIM demonstrate the "
        "gains of Quill-SGAN. We evaluate similarity metrics, including embeddings and judges via QuillAlign, here. "
        "Beyond aggregate scores, Tessary2.5 achieves leading results.",
    )
    assert {name: types[name] for name in ("Quorra Drop", "QD", "Vireo Recourse Gap", "VRG", "QIG")} == dict.fromkeys(
        ("Quorra Drop", "QD", "Vireo Recourse Gap", "VRG", "QIG"), "Metric"
    )
    assert types["Quill-SGAN"] == types["QuillAlign"] == "Method" and types["Tessary2.5"] == "Model"


def test_entities_a_coined_name_with_a_version_before_a_dataset_noun_is_a_dataset_edition(nlp):
    types = _types(nlp, "We build on the ParVireo 4.0 corpus and test on the MultiQuill 2.0 benchmark. We fine-tune QuillLM 2.0 on it.")
    assert types["ParVireo 4.0"] == types["MultiQuill 2.0"] == "Dataset" and types["QuillLM 2.0"] == "Model"


def test_entities_a_dataset_noun_before_generator_or_plugin_does_not_make_a_dataset(nlp):
    types = _types(
        nlp,
        "We present QuorraSafe, an Integrated Development Environment (IDE) plugin that uses GPT-4o. "
        "We present VireoSynth, a controllable synthetic corpus generator that provides data. "
        "We present QuillSet, a benchmark dataset for QA.",
    )
    assert types["QuorraSafe"] == types["VireoSynth"] == "Method" and types["QuillSet"] == "Dataset"
    assert "IDE" not in types and "Integrated Development Environment" not in types


def test_relations_a_known_name_in_a_dash_or_quoted_apposition_describes_what_is_introduced(nlp):
    introduced = _targets(
        nlp,
        "We propose Reduced-Space Quorra Trees (RS-QT) - a specialized branch-and-bound (BB) algorithm that branches on "
        'tree variables. This paper proposes "Vireo3D," a procedural 3D computer graphics (3D-CG) generation framework.',
        "INTRODUCES",
    )
    assert {"Reduced-Space Quorra Trees", "RS-QT", "Vireo3D"} <= introduced
    assert not introduced & {"branch-and-bound", "BB", "3D computer graphics", "3D-CG"}


def test_results_a_reduction_of_a_resource_takes_no_metric_from_elsewhere(nlp):
    record = _extract(
        nlp, "A method",
        "QuorraPrune achieves 77.5-80.4% memory footprint reduction and 38.0% latency reduction, with a drop of 7% "
        "in HPSv2 score. It gives a 40% reduction in peak memory and 3% higher accuracy.",
    )
    metric_of = {r.value: r.metric for r in record.results}
    assert metric_of[77.5] is metric_of[80.4] is metric_of[38.0] is metric_of[40.0] is None
    assert metric_of[7.0] == "HPSv2" and metric_of[3.0] == "accuracy"
    record = _extract(nlp, "A method", "QuorraQ gives a memory reduction of 4.5x and 2.2x higher throughput at 91% accuracy.")
    metric_of = {r.value: r.metric for r in record.results}
    assert metric_of[4.5] is metric_of[2.2] is None and metric_of[91.0] == "accuracy"


def test_entities_a_capitalised_language_model_noun_in_the_apposition_makes_a_model(nlp):
    types = _types(
        nlp,
        "We introduce Quorra-Audio-Chat, a Large Audio Language Model addressing these limitations. "
        "We propose VireoPtis, an LLM training system that supports pipelines.",
    )
    assert types["Quorra-Audio-Chat"] == "Model" and types["VireoPtis"] == "Method"


def test_relations_a_known_name_after_an_article_and_describing_words_is_a_variant_not_introduced(nlp):
    introduced = _targets(
        nlp,
        "Federated learning based on low-rank adaptation (LoRA) is common. We first propose a sparse-and-orthogonal LoRA "
        "that ensures orthogonality. We also propose QuorraLoRA, a gated variant.",
        "INTRODUCES",
    )
    assert "QuorraLoRA" in introduced and not introduced & {"LoRA", "low-rank adaptation"}


def test_entities_a_proposed_acronym_gives_its_type_to_the_long_form_after_it(nlp):
    types = _types(
        nlp,
        "To address these limitations, we propose QIVP (Quorra Intent Vector Prediction), a novel framework that "
        "combines LSTM networks with LLMs.",
    )
    assert types["QIVP"] == types["Quorra Intent Vector Prediction"] == "Method"


def test_entities_an_acronym_before_a_noun_after_we_propose_is_the_purpose_not_the_method(nlp):
    types = _types(
        nlp,
        "For the technical challenges, we propose a novel AQA method, named Vireo, which scores dives.",
        "Action Quality Assessment (AQA) aims to evaluate and score sports actions",
    )
    assert types["AQA"] == types["Action Quality Assessment"] == "Task" and types["Vireo"] == "Method"


def test_entities_precision_after_a_describing_adjective_is_no_metric_and_hard_negative_mining_a_method(nlp):
    types = _types(
        nlp,
        "Our detector improves semantic precision and geometric precision, and reaches 91% precision on COCO. "
        "We train the retriever with hard negative mining.",
    )
    record = _extract(nlp, "A study", "Our detector improves semantic precision. It reaches 91% precision on COCO.")
    assert [m.sentence for m in record.mentions if m.text == "precision"] == [2]
    assert types["hard negative mining"] == "Method"


def test_entities_a_name_counting_a_few_million_takes_a_dataset_noun_before_it(nlp):
    types = _types(
        nlp,
        "Experimental results on three diverse datasets Quorra-1M, Games, and Bundle show that our method wins. "
        "We also train QuillLM-70M on ML-100K.",
    )
    assert types["Quorra-1M"] == types["ML-100K"] == "Dataset" and types["QuillLM-70M"] == "Model"


def test_entities_datasets_in_a_list_a_technique_noun_opens_are_methods(nlp):
    types = _types(
        nlp,
        "Across four attention paradigms -- GQA, MLA, Gated QuorraNet, and Vireo2 -- decode draws only 137 W. "
        "We halve energy relative to GQA. We also report results on VQAv2, COCO and Flickr30k.",
    )
    assert types["GQA"] == types["MLA"] == "Method"
    assert types["VQAv2"] == "Dataset"


def test_results_a_span_of_time_after_a_metric_is_no_score_and_a_decimal_is_never_cut(nlp):
    record = _extract(
        nlp, "A method",
        "QuorraNet achieves 89.2% attribution accuracy at 87 ms. Its false alarm rate (FPR) of 0.09/hour halves, "
        "and it reaches an F1 of 0.91.",
    )
    assert sorted((r.value, r.metric) for r in record.results) == [(0.91, "F1"), (89.2, "accuracy")]


def test_entities_domain_modifiers_join_their_terms(nlp):
    types = _types(
        nlp,
        "This paper introduces QuorraQ, a framework for queue length estimation. We train it with agentic "
        "reinforcement learning and test it on dexterous manipulation, reaching a high acceptance rate.",
    )
    assert types["queue length estimation"] == types["dexterous manipulation"] == "Task"
    assert types["agentic reinforcement learning"] == "Method" and types["acceptance rate"] == "Metric"


def test_gazetteer_a_one_word_name_hyphen_joined_to_a_capitalised_word_ends_another_name(nlp):
    record = _extract(
        nlp, "A study",
        "We introduce Quorra-R^2, a novel framework, and fine-tune Lugha-Llama on the Speed-Accuracy trade-off. "
        "It reaches R^2 of 0.93 with Llama.",
    )
    found = [(m.text, m.sentence) for m in record.mentions]
    assert ("R^2", 2) in found and ("Llama", 2) in found
    assert not any(sentence == 1 and text in ("R^2", "Llama", "Accuracy") for text, sentence in found)


def test_entities_the_noun_that_names_a_name_types_it_over_its_look(nlp):
    mentions = _extract(
        nlp,
        "A study",
        "This paper proposes a deep learning-based framework, called QUORRA, for intensity prediction. The input "
        "to QUORRA is a set of stations. The QUORRA model learns their relations. We also introduce a novel task "
        "called Vireo Kestrel Learning (VKL).",
    ).mentions
    typed = {(m.text, m.type) for m in mentions}
    assert typed >= {("QUORRA", "Method"), ("Vireo Kestrel Learning", "Task"), ("VKL", "Task")}
    assert ("QUORRA", "Model") not in typed


def test_entities_a_name_said_to_be_a_task_is_a_task_and_core_opens_no_term(nlp):
    types = _types(
        nlp,
        "Quorra Base Vireo Construction (QBVC) is a core NLP task, and recent work proposes generating knowledge "
        "bases. Ranking is a core recommendation stage.",
    )
    assert types["Quorra Base Vireo Construction"] == types["QBVC"] == "Task"
    assert not {"core NLP", "core recommendation"} & types.keys()


def test_entities_a_verb_before_a_term_is_no_part_of_it(nlp):
    types = _types(
        nlp,
        "Training causal transformers is costly. We train self-supervised learning models and execute graph "
        "reasoning on large graphs.",
    )
    assert types == {"causal transformers": "Method", "self-supervised learning": "Method", "graph reasoning": "Task"}


def test_entities_a_verb_form_before_a_listed_term_is_no_part_of_it(nlp):
    types = _types(
        nlp,
        "When training machine learning models, Quorra uses scaling imitation learning, learning motion planning "
        "and training personalized image generation for training transformers. We add training data generation "
        "and learning rate scheduling.",
    )
    assert {"imitation learning", "motion planning", "personalized image generation"} <= types.keys()
    assert not {"training machine learning", "scaling imitation learning", "learning motion planning",
                "training personalized image generation", "training transformers"} & types.keys()
    assert {"training data generation", "learning rate scheduling"} <= types.keys()


def test_entities_a_listed_dataset_or_model_opening_a_term_is_named_itself(nlp):
    types = _types(nlp, "Quorra improves MNIST classification and GPT-4 distillation over YOLO object detection.")
    assert {"MNIST": "Dataset", "GPT-4": "Model", "YOLO": "Model"}.items() <= types.items()
    assert {"distillation", "object detection"} <= types.keys()
    assert not {"MNIST classification", "GPT-4 distillation", "YOLO object detection"} & types.keys()


def test_entities_real_opens_no_term(nlp):
    types = _types(nlp, "We run real robot control on arms and real molecular learning on Quorra-Set.")
    assert {"robot control", "molecular learning"} <= types.keys()
    assert not any(name.startswith("real") for name in types)


def test_entities_describing_words_open_no_term(nlp):
    types = _types(
        nlp,
        "Quorra reaches the highest win rate on initial target detection and generalizable robotic manipulation,"
        " with pretrained vision transformers and specialized agentic planning.",
    )
    assert {"win rate", "target detection", "robotic manipulation", "vision transformers", "agentic planning"} == types.keys()


def test_relations_a_name_after_a_colon_that_closes_a_novel_technique_is_introduced(nlp):
    relations = _relations(nlp, "A study", "We introduce a novel self-training algorithm: Quorra Vireo (QV). QV trains LLMs.")
    assert {("INTRODUCES", "Quorra Vireo"), ("INTRODUCES", "QV"), ("USES", "self-training")} <= relations


def test_relations_a_name_introduced_as_a_new_thing_is_introduced(nlp):
    relations = _relations(
        nlp, "A study",
        "This paper introduces the Quorra Index as a novel metric of attention. We introduce LLMs as a third "
        "component. We compute the Quorra Index daily.",
    )
    assert ("INTRODUCES", "Quorra Index") in relations
    assert not any(target == "LLMs" for _, target in relations)


def test_relations_a_technical_report_introduces_what_its_title_names(nlp):
    relations = _relations(
        nlp, "Quorra-Diagnosis-1.1 Technical Report",
        "This report introduces Quorra-Diagnosis-1.1 model, our assistant. Quorra-Diagnosis-1.1 leads GPT-4 on exams.",
    )
    assert ("INTRODUCES", "Quorra-Diagnosis-1.1") in relations and ("USES", "GPT-4") in relations


def test_relations_the_named_components_of_the_papers_own_system_are_introduced(nlp):
    record = _extract(nlp, "A study", (
        "We present QuorraKit, a framework with three key components: (1) a Vireo Query Planner that splits "
        "questions; (2) Marlowe Memory Fusion, which merges notes; and (3) the Tessary Benchmark, which validates "
        "tools. Prior systems share two components: Global Memory and Local Memory. QuorraKit runs in two stages, "
        "namely Tessary Warmup and Quill Refinement."
    ))
    types = {m.text: m.type for m in record.mentions}
    introduced = {r.target for r in record.relations if r.type == "INTRODUCES"}
    assert types["Vireo Query Planner"] == types["Marlowe Memory Fusion"] == "Method"
    assert types["Tessary Benchmark"] == "Dataset"
    assert {"QuorraKit", "Vireo Query Planner", "Marlowe Memory Fusion", "Tessary Benchmark", "Quill Refinement"} <= introduced
    assert "Global Memory" not in types


def test_relations_a_comparison_word_inside_a_name_compares_nothing(nlp):
    relations = _relations(nlp, "A study", (
        "We propose Competitive Vireo Learning (CVL), a novel approach. Defenses such as Guarding Against "
        "Quorra Theft (GAQT) fail."
    ))
    assert {("INTRODUCES", "Competitive Vireo Learning"), ("INTRODUCES", "CVL"), ("USES", "GAQT")} <= relations
    assert not {rel for rel in relations if rel[0] == "COMPARES_TO"}


def test_entities_a_name_written_with_a_latex_superscript_is_a_name(nlp):
    record = _extract(nlp, "Q$^2$-Searcher: A Search Agent for Open Questions", (
        "We present Q$^2$-Searcher, a search agent. It beats V$^{3}$RD on Tess$^2$-QA, and R$^2$ rises to 0.9."
    ))
    types = {m.text: m.type for m in record.mentions}
    assert types["Q$^2$-Searcher"] == types["V$^{3}$RD"] == "Method" and types["Tess$^2$-QA"] == "Dataset"
    assert ("INTRODUCES", "Q$^2$-Searcher") in {(r.type, r.target) for r in record.relations}
    assert types.get("R$^2$") in (None, "Metric") and "RD" not in types


def test_relations_our_framework_named_after_a_listed_techniques_acronym_uses_it(nlp):
    relations = _relations(nlp, "A study", (
        "We propose a continual tuning approach leveraging adaptive singular value decomposition (SVD). Our adaptive "
        "SVD framework balances plasticity. We also introduce Quorra Vector Decoding (QVD), a light method."
    ))
    assert {("USES", "SVD"), ("INTRODUCES", "QVD"), ("INTRODUCES", "Quorra Vector Decoding")} <= relations
    assert ("INTRODUCES", "SVD") not in relations


def test_relations_a_name_referred_to_is_introduced_and_a_comma_is_no_part_of_an_acronym(nlp):
    record = _extract(nlp, "A study", (
        "We develop a novel inference-time optimization framework, referred to as QuorraMentor, which helps. "
        "We also propose VIRE, (Vireo Is Really Efficient), a framework for ensembling."
    ))
    relations = {(r.type, r.target) for r in record.relations}
    assert {("INTRODUCES", "QuorraMentor"), ("INTRODUCES", "VIRE")} <= relations
    assert ("INTRODUCES", "inference-time optimization") not in relations
    assert not any(m.text.endswith(",") for m in record.mentions)


def test_relations_a_known_technique_a_new_thing_is_based_on_is_used_not_introduced(nlp):
    relations = _relations(nlp, "A study", (
        "We propose a novel Generative Adversarial Network (GAN) based planner for robots. We also develop a "
        "mixture of experts (MoE)-driven router. Finally, we develop Quorra Routing (QR) based on gradient descent."
    ))
    assert {("USES", "GAN"), ("USES", "Generative Adversarial Network"), ("USES", "MoE")} <= relations
    assert {("INTRODUCES", "Quorra Routing"), ("INTRODUCES", "QR")} <= relations
    assert not {name for kind, name in relations if kind == "INTRODUCES"} & {"GAN", "Generative Adversarial Network", "MoE"}


def test_relations_a_listed_technique_term_a_paper_introduces_into_its_work_is_used(nlp):
    relations = _relations(nlp, "A study", (
        "We introduce knowledge distillation into the Quorra pipeline. We construct a dataset and train three "
        "classifiers: a decision tree, random forest, and XGBoost. We also propose a novel Vireo Scheduler."
    ))
    assert {("USES", "knowledge distillation"), ("USES", "random forest"), ("INTRODUCES", "Vireo Scheduler")} <= relations
    assert not {("INTRODUCES", "knowledge distillation"), ("INTRODUCES", "random forest")} & relations


def test_relations_an_introducing_word_after_a_determiner_is_a_noun(nlp):
    relations = _relations(nlp, "A study", (
        "We demonstrate that this design reduces the false-negative rate of guards. We evaluate the proposed "
        "Quorra Edge Composition (QEC) method, and Vireo, a tool that constructs the Tessary-Set."
    ))
    assert ("INTRODUCES", "false-negative rate") not in relations
    assert {("INTRODUCES", "QEC"), ("INTRODUCES", "Tessary-Set")} <= relations


def test_entities_mvtec_ad_is_one_dataset(nlp):
    types = _types(nlp, "QuorraNet leads on the MVTec AD dataset and on MVTec-AD textures.")
    assert types["MVTec AD"] == types["MVTec-AD"] == "Dataset" and "AD" not in types and "MVTec" not in types


def test_results_a_resource_named_right_after_a_number_is_no_metric_score(nlp):
    record = _extract(nlp, "A study", (
        "On QuillBench, QuorraNet keeps 78% accuracy with a 5.5x parameter reduction, 500x less retrieval time and "
        "83.0% peak memory, versus 41.3% accuracy without memory."
    ))
    metrics = {r.text: r.metric for r in record.results}
    assert metrics["78%"] == "accuracy" and metrics["41.3%"] == "accuracy"
    assert metrics["5.5x"] is None and metrics["83.0%"] is None


def test_results_a_change_in_something_named_after_it_is_not_the_clauses_metric(nlp):
    record = _extract(nlp, "A study", (
        "QuorraNet reaches 91% accuracy in crash recognition, and a 40% improvement in the harder pre-crash "
        "localization. It offers a 2.5x reduction in accumulator bitwidth while keeping its accuracy."
    ))
    metrics = {r.text: r.metric for r in record.results}
    assert metrics["91%"] == "accuracy" and metrics["40%"] is None and metrics["2.5x"] is None


def test_entities_a_long_form_named_again_in_the_title_is_one_name_not_its_parts(nlp):
    types = _types(nlp, (
        "To this end, we propose the Deep Tessary Quantization Network (DTQN) to compress long behavior "
        "sequences. DTQN is fast."
    ), title="Deep Tessary Quantization Network for Click-Through Rate Prediction")
    assert types["Deep Tessary Quantization Network"] == "Method" and "Quantization" not in types


def test_entities_every_item_of_a_list_after_a_dataset_noun_is_a_dataset(nlp):
    types = _types(nlp, (
        "We evaluate QuorraNet on three benchmark datasets - Tessary Wood, VireoBerries, and DeepMarlowe-Fruit. "
        "This study benchmarks three architectures -- U-Net, QuillNet++, and QuillNet-L."
    ))
    assert types["VireoBerries"] == types["DeepMarlowe-Fruit"] == "Dataset"
    assert types["QuillNet++"] != "Dataset"


def test_entities_a_noun_after_an_acronym_pair_types_it_against_the_term_vocabulary(nlp):
    types = _types(nlp, (
        "We apply a tessary-augmented generation (TAG) framework to metaphors. We build the Quorra Event "
        "Extraction (QEE) benchmark. Prior work built a multi-hop table question answering (MTQA) framework."
    ))
    assert types["tessary-augmented generation"] == types["TAG"] == "Method"
    assert types["QEE"] == "Dataset" and types["MTQA"] == "Task"


def test_entities_a_test_set_or_treebank_in_an_apposition_is_a_dataset(nlp):
    types = _types(nlp, (
        "We introduce QuillDrinks, a test set in English and Korean containing speech utterances. "
        "We also release Vireo-NewsCrawl, the largest Tagalog treebank."
    ))
    assert types["QuillDrinks"] == types["Vireo-NewsCrawl"] == "Dataset"


def test_entities_a_task_term_before_the_noun_a_paper_proposes_is_its_purpose(nlp):
    record = _extract(nlp, "A study", (
        "We propose a novel treatment effect estimation algorithm that incorporates a mixture of experts. "
        "We also propose a graph-based error detection framework."
    ))
    types = {m.text: m.type for m in record.mentions}
    relations = {(r.type, r.target) for r in record.relations}
    assert types["treatment effect estimation"] == "Task" and ("ADDRESSES", "treatment effect estimation") in relations
    assert ("INTRODUCES", "treatment effect estimation") not in relations
    assert ("INTRODUCES", "graph-based error detection") in relations


def test_patterns_a_metric_at_a_threshold_or_a_range_of_them_is_a_metric(nlp):
    record = _extract(nlp, "A study", (
        "QuorraDet reaches mAP@0.5:0.95 0.752 on VireoFlowers, 0.35 IoU@0.75 and 81% Recall@20%."
    ))
    types = {m.text: m.type for m in record.mentions}
    assert types["mAP@0.5:0.95"] == types["IoU@0.75"] == types["Recall@20%"] == "Metric"
    assert {r.text: r.metric for r in record.results}["0.752"] == "mAP@0.5:0.95"


def test_entities_sok_before_a_title_colon_is_a_kind_of_paper_not_a_name(nlp):
    relations = _relations(nlp, "SoK: Measuring What Matters for Quorra Agents", (
        "We introduce VIREO: the Vireo Integrated Readiness Evaluation Oracle framework."
    ))
    assert ("INTRODUCES", "VIREO") in relations and not any(target == "SoK" for _, target in relations)


def test_entities_system_and_hardware_words_written_as_names_are_no_entities(nlp):
    types = _types(nlp, (
        "QuorraASR improves multilingual E2E ASR, meets SLOs under load, senses poses from WiFi and runs "
        "on a MacBook."
    ))
    assert "QuorraASR" in types and not {"E2E", "SLOs", "WiFi", "MacBook"} & types.keys()


def test_entities_names_given_as_examples_of_released_models_are_models(nlp):
    types = _types(nlp, (
        "We extend multilingual LLMs, such as QUORRA, to speech. Foundation models (e.g., VireoFM, TessaryICL "
        "and MarloweLM) fail here. Classical models such as QSIR stay strong. Compared with frontier models like "
        "GPT-4o, QuillAgent runs offline."
    ))
    assert types["QUORRA"] == types["VireoFM"] == types["TessaryICL"] == types["MarloweLM"] == "Model"
    assert types["QSIR"] == "Method" and types["QuillAgent"] == "Method"


def test_entities_an_acronym_for_a_recording_technique_or_a_field_is_no_entity(nlp):
    names = set(_types(nlp, (
        "We decode surface electromyography (sEMG) and color fundus photography (CFP) with QuorraNet, trained on "
        "texts of Traditional Chinese Medicine (TCM) and the humanities and social sciences (HSS)."
    )))
    assert "QuorraNet" in names
    assert not names & {"sEMG", "surface electromyography", "CFP", "color fundus photography", "TCM",
                        "Traditional Chinese Medicine", "HSS", "humanities and social sciences"}


def test_entities_an_acronym_inside_a_technique_apposition_keeps_it_a_technique(nlp):
    types = _types(nlp, (
        "We present QuorraTT, a unified Tensor Train (TT) adapter framework for low-rank fine-tuning. "
        "When tested on standard language modeling benchmarks, QuorraTT keeps accuracy."
    ))
    assert types["QuorraTT"] == "Method"


def test_entities_the_subject_after_a_phrase_with_a_dataset_noun_is_no_dataset(nlp):
    record = _extract(nlp, "A study", (
        "Evaluated on the VireoHands and MarloweCups datasets, QuillDex achieves state-of-the-art results. "
        "To overcome the scarcity of manipulation datasets, TessaryWM is trained on human videos. "
        "We release a new benchmark, QuorraBench, for planning."
    ))
    types = {m.text: m.type for m in record.mentions}
    assert types["QuillDex"] == types["TessaryWM"] == "Method" and types["QuorraBench"] == "Dataset"
    assert ("EVALUATES_ON", "QuillDex") not in {(r.type, r.target) for r in record.relations}


def test_entities_a_name_a_work_is_about_is_no_dataset(nlp):
    relations = _relations(nlp, "A study", (
        "We report on QuillAssist, a local assistant for technical support. This survey reviews research on "
        "VireoCodeGen and recent work on MarloweBERT. We evaluate the framework on QuorraBench."
    ))
    assert ("EVALUATES_ON", "QuorraBench") in relations
    assert not {("EVALUATES_ON", "QuillAssist"), ("EVALUATES_ON", "VireoCodeGen"), ("EVALUATES_ON", "MarloweBERT")} & relations


def test_entities_a_kl_penalty_and_air_pollutants_are_no_entities(nlp):
    names = set(_types(nlp, (
        "QuorraRL adds a KL penalty to the Kullback-Leibler divergence and forecasts PM2.5 and NOx levels."
    )))
    assert "QuorraRL" in names and not names & {"KL", "Kullback-Leibler", "PM2.5", "NOx"}


def test_entities_a_dataset_apposition_may_list_its_adjectives_with_commas(nlp):
    types = _types(nlp, (
        "This work introduces QuorraBG, a large-scale, multi-entity heterogeneous book graph dataset designed "
        "for recommendation."
    ), "VireoSearch: A Closed-Loop, Cost-Aware, Strategy-Consistent Benchmark for Trading Agents")
    assert types["QuorraBG"] == types["VireoSearch"] == "Dataset"


def test_results_take_no_metric_from_another_clause_of_the_sentence(nlp):
    record = _extract(nlp, "A study", (
        "With QuorraGuard, F1 rose from 83.1% to 85.0%, and leakage fell from 6.32% to 4.02%. "
        "QuillNet reaches 50.1%, 92.4%, and 67.7% accuracies on VireoScreen, VireoWeb and VireoPro."
    ))
    metrics = {r.text: r.metric for r in record.results}
    assert metrics["85.0%"] == "F1" and metrics["6.32%"] is None and metrics["4.02%"] is None
    assert metrics["50.1%"] == metrics["67.7%"] == "accuracies"


def test_entities_a_model_or_dataset_written_as_a_likeness_is_not_mentioned(nlp):
    record = _extract(nlp, "A study", (
        "QuorraRetriever pairs a lightweight BERT-style encoder with a ReAct-style executor, ranks models on "
        "MMLU-style benchmarks and evaluates on GSM8K."
    ))
    names = {m.text for m in record.mentions}
    relations = {(r.type, r.target) for r in record.relations}
    assert not {"BERT", "MMLU"} & names and ("EVALUATES_ON", "GSM8K") in relations
    assert ("USES", "ReAct") in relations


def test_entities_a_range_of_model_sizes_and_business_words_are_no_models(nlp):
    names = set(_types(nlp, (
        "We fine-tune 1-3B and 7-8B models with QuorraTune for Web3 and B2B marketplaces and ICD-10 coding."
    )))
    assert "QuorraTune" in names and not names & {"1-3B", "7-8B", "Web3", "B2B", "ICD-10"}


def test_patterns_a_rate_that_measures_no_result_is_no_metric(nlp):
    types = _types(nlp, (
        "QuorraNet uses an adaptive learning rate, tracks resting heart rate and mortality rates, and lowers "
        "the attack success rate."
    ))
    assert types["attack success rate"] == "Metric"
    assert not {"adaptive learning rate", "adaptive learning", "heart rate", "resting heart rate", "mortality rates"} & types.keys()


def test_patterns_a_search_space_is_no_search_technique(nlp):
    types = _types(nlp, (
        "QuorraNAS explores a topology-aware search space and the RDARTS search spaces with beam search."
    ))
    assert types["beam search"] == "Method"
    assert not {"topology-aware search", "RDARTS search"} & types.keys()


def test_patterns_search_results_engines_and_queries_are_no_search_technique(nlp):
    types = _types(nlp, (
        "QuorraRAG filters low-quality search results from generative search engines and rewrites ambiguous"
        " search queries with beam search."
    ))
    assert types["beam search"] == "Method"
    assert not {"low-quality search", "generative search", "ambiguous search"} & types.keys()


def test_entities_recorded_body_signals_and_web_runtimes_are_no_entities(nlp):
    names = set(_types(nlp, "QuorraNet decodes EMG, ECoG and PPG signals in the browser with WebGPU and WebAssembly."))
    assert "QuorraNet" in names and not names & {"EMG", "ECoG", "PPG", "WebGPU", "WebAssembly"}


def test_entities_a_name_typed_only_by_default_takes_the_type_another_mention_is_given(nlp):
    record = _extract(nlp, "A study", (
        "We adapt the instruction-tuned QuorraEmb model to new languages. "
        "Our VireoEmb outperforms strong baselines such as QuorraEmb."
    ))
    assert {m.type for m in record.mentions if m.text == "QuorraEmb"} == {"Model"}


def test_relations_a_name_set_off_after_a_described_contribution_is_introduced(nlp):
    relations = _relations(nlp, "A study", (
        "We propose a comment distillation method, Vireoview, which selects comments. "
        "We developed a specialized evaluation benchmark, Quorra Eval, and test models on it."
    ))
    assert ("INTRODUCES", "Vireoview") in relations and ("INTRODUCES", "Quorra Eval") in relations


def test_gazetteer_technique_and_attack_terms_mined_from_the_corpus_are_listed(nlp):
    types = _types(nlp, (
        "QuorraNet is tuned with 5-fold cross-validation, loss reweighting and resampling, "
        "then applies back-translation and distillation."
    ))
    assert all(types.get(name) == "Method" for name in (
        "cross-validation", "reweighting", "resampling", "back-translation", "distillation",
    )), types
    types = _types(nlp, "VireoGuard combines decision trees and watermarking to resist prompt injection and jailbreaking.")
    assert types["decision trees"] == types["watermarking"] == "Method"
    assert types["prompt injection"] == types["jailbreaking"] == "Task"


def test_relations_a_technique_the_field_writes_often_is_applied_not_introduced(nlp):
    relations = _relations(
        nlp, "QuorraAgent: Training Web Agents via Online Reinforcement Learning",
        "We introduce QuorraAgent. We propose integrating reinforcement learning with a verifier for VireoShop tasks.",
    )
    assert ("INTRODUCES", "QuorraAgent") in relations and ("USES", "Online Reinforcement Learning") in relations
    assert not {target for kind, target in relations if kind == "INTRODUCES"} - {"QuorraAgent"}
    assert ("USES", "reinforcement learning") in relations


def test_relations_a_title_means_no_list_or_corpus_knows_is_introduced(nlp):
    relations = _relations(nlp, "Program Repair via Trace Hinting", "We study program repair.")
    assert ("INTRODUCES", "Trace Hinting") in relations


def test_relations_a_familiar_term_describing_the_papers_work_is_applied(nlp):
    relations = _relations(nlp, "A study", (
        "We present a two-stage fine-tuning approach for QuillSet. We propose two novel adaptive optimization "
        "algorithms, QuorraAdam and VireoAdam, and a novel supervised contrastive learning (SCL) approach."
    ))
    introduced = {target for kind, target in relations if kind == "INTRODUCES"}
    assert introduced == {"QuorraAdam", "VireoAdam"}
    assert {("USES", "two-stage fine-tuning"), ("USES", "adaptive optimization"), ("USES", "SCL")} <= relations


def test_patterns_a_release_with_variant_words_in_one_token_is_a_model(nlp):
    record = _extract(nlp, "A study", (
        "We use Quorra-3-Pro as the judge. On Kestrel-Bench, Vireo-4.5-Flash achieves 68.0% pass@1. "
        "Agents stall at Top-5-Accuracy."
    ))
    types = {m.text: m.type for m in record.mentions}
    relations = {(r.type, r.target) for r in record.relations}
    assert types["Quorra-3-Pro"] == types["Vireo-4.5-Flash"] == "Model" and "Top-5-Accuracy" not in types
    assert ("USES", "Quorra-3-Pro") in relations and ("EVALUATES_ON", "Kestrel-Bench") in relations
    assert [r.dataset for r in record.results] == ["Kestrel-Bench"]


def test_patterns_the_noun_after_an_acronyms_bracket_says_its_type(nlp):
    types = _types(nlp, (
        "We propose a Kestrel and Kite-aware Optimization (K2O) strategy and evaluate on the MIMIC-III "
        "and Marlowe Kidney Injury (MKI) datasets."
    ))
    assert types["K2O"] == "Method" and types["MKI"] == "Dataset"


def test_gazetteer_a_benchmark_the_task_list_misfiles_is_a_dataset(nlp):
    types = _types(nlp, "QuorraNet holds up on the challenging PASCAL dataset and on WMT09.")
    assert types["PASCAL"] == types["WMT09"] == "Dataset"


def test_relations_each_name_beaten_by_its_own_margin_is_compared_with(nlp):
    relations = _relations(nlp, "A study", (
        "QuorraNet outperforms Vireo-7B by 3.2% and KestrelGPT by 5.1 points on GSM8K. "
        "Compared to MarloweNet, QuorraNet raises speed by 2x, highlighting the risks of VireoAttack."
    ))
    assert {("COMPARES_TO", "Vireo-7B"), ("COMPARES_TO", "KestrelGPT"), ("COMPARES_TO", "MarloweNet")} <= relations
    assert ("COMPARES_TO", "VireoAttack") not in relations


def test_entities_a_name_run_on_through_a_subset_of_it_is_a_dataset(nlp):
    types = _types(nlp, "On a subset of QuorraMark, VireoNet completes 30% of tasks, and on the test split of KestrelQA, 41%.")
    assert types["QuorraMark"] == types["KestrelQA"] == "Dataset"


def test_patterns_a_title_case_name_ending_in_a_component_noun_is_a_method(nlp):
    types = _types(nlp, (
        "QuorraSight integrates a Kestrel Topology Module, a Hash Decoder and a Node Balance Loss "
        "on top of an Application and Interface Layer."
    ))
    assert types["Kestrel Topology Module"] == types["Hash Decoder"] == types["Node Balance Loss"] == "Method"
    assert not any("Layer" in name for name in types)


def test_relations_title_case_parts_of_the_papers_own_system_are_introduced(nlp):
    relations = _relations(nlp, "A study", (
        "We propose QuorraNet, a multimodal model for trait assessment. "
        "QuorraNet comprises a Kestrel Topology Module and a Hash Decoder."
    ))
    assert {("INTRODUCES", "Kestrel Topology Module"), ("INTRODUCES", "Hash Decoder")} <= relations

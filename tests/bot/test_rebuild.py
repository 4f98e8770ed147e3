"""A conversation holds facts by id: after a rebuild that moves every fact, an open list
pages on through the same commitments and a quiz in progress checks the same facts."""
import json
import random
import shutil

from bot.answers.facts.lists import list_facts, more
from bot.answers.quiz import make_quiz
from index.builder import build
from index.search import Searcher
from knowledge.corpus import DEFAULT_SOURCES
from tests.knowledge.sample_plan import write_markdown

LIST = "Liệt kê các chỉ tiêu của Bắc Kạn đến năm 2025"


def _quotes(searcher, reply):
    return [searcher.fact_by_id[s["fact_id"]].quote for s in reply.sources]


def test_an_open_list_and_a_quiz_keep_their_facts_across_a_rebuild(index_settings, embedder, tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(DEFAULT_SOURCES, sources)
    settings = index_settings.copy(update={"sources_dir": sources, "index_dir": tmp_path / "idx"})
    build(settings, embedder=embedder, progress=False)
    before = Searcher(settings, embedder=embedder)
    listed = list_facts(before, before.understand(LIST))
    state = listed.slots["list_state"]
    next_page = _quotes(before, more(before, state))
    quiz = make_quiz(before.facts, before.cards, ["bac-kan-08-nq-tu-2021"], 5, random.Random(3))
    quiz_quotes = [before.fact_by_id[q["fact"]].quote for q in quiz]

    # A new document read first and a new target early in Bắc Kạn's: every fact moves.
    write_markdown(sources / "000-ha-giang-kh-617-2025.md")
    bac_kan = sources / "bac-kan-08-nq-tu-2021.txt"
    text = bac_kan.read_text("utf-8")
    first_target = next(line for line in text.splitlines() if line.startswith("- ") and "%" in line)
    bac_kan.write_text(text.replace(first_target, "- Phấn đấu 97% hồ sơ được lưu trữ điện tử;\n" + first_target, 1),
                       "utf-8")
    build(settings, embedder=embedder, progress=False)
    after = Searcher(settings, embedder=embedder)
    assert [f.fact_id for f in after.facts][:len(before.facts)] != [f.fact_id for f in before.facts]

    assert _quotes(after, more(after, state)) == next_page
    assert [after.fact_by_id[q["fact"]].quote for q in quiz] == quiz_quotes
    assert json.loads(state)["ids"][0] in after.fact_by_id

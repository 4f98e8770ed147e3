"""The command line as a user runs it."""
import json
import os
import subprocess
import sys
from pathlib import Path



def run_cli(args, index_settings, stdin="", root=Path(__file__).resolve().parents[2]):
    env = {**os.environ, "ASSISTANT_INDEX_DIR": str(index_settings.path(index_settings.index_dir))}
    return subprocess.run([sys.executable, "-m", "index", *args], cwd=root, env=env, input=stdin,
                          capture_output=True, text=True, timeout=600)


def test_batch_search_reads_stdin_and_prints_one_json_line_per_question(searcher, index_settings):
    out = run_cli(["search", "--json", "--k", "3"], index_settings,
                  stdin="Ai ký nghị quyết của Quảng Ninh?\n\nbac giang giam bao nhieu phan tram thoi gian\n")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert len(first) == 3
    assert set(first[0]) >= {"text", "province", "doc_id", "section", "score"}
    assert first[0]["province"] == "Quảng Ninh" and second[0]["province"] == "Bắc Giang"


def test_search_prints_readable_hits_and_filters(searcher, index_settings):
    out = run_cli(["search", "mức độ hài lòng", "--province", "Bắc Kạn", "--k", "2"], index_settings)
    assert out.returncode == 0, out.stderr
    assert "filters: provinces=['Bắc Kạn']" in out.stdout and out.stdout.count("Bắc Kạn ·") == 2


def test_search_without_question_or_json_is_a_usage_error(index_settings):
    out = run_cli(["search"], index_settings)
    assert out.returncode == 2 and "give a QUESTION" in out.stderr

"""Building, rebuilding incrementally, index kinds and broken indexes."""
import shutil

import pytest

from index import store
from index.builder import build
from index.search import Searcher
from knowledge.corpus import DEFAULT_SOURCES


@pytest.fixture()
def own_sources(tmp_path):
    folder = tmp_path / "sources"
    shutil.copytree(DEFAULT_SOURCES, folder)
    return folder


def test_incremental_rebuild_reembeds_only_the_changed_document(index_settings, embedder, own_sources, tmp_path):
    settings = index_settings.copy(update={"sources_dir": own_sources, "index_dir": tmp_path / "idx"})
    first = build(settings, embedder=embedder, progress=False)
    assert len(first.embedded) == 7 and not first.reused

    again = build(settings, embedder=embedder, progress=False)
    assert again.embedded == [] and len(again.reused) == 7 and again.embedded_passages == 0

    lai_chau = own_sources / "lai-chau-01-nq-duk-2020.txt"
    lai_chau.write_text(lai_chau.read_text("utf-8").replace(
        "Nghị quyết này được phổ biến", "Phấn đấu 97% hồ sơ được số hóa.\n\nNghị quyết này được phổ biến"), "utf-8")
    changed = build(settings, embedder=embedder, progress=False)
    assert changed.embedded == ["lai-chau-01-nq-duk-2020"] and len(changed.reused) == 6
    hits = Searcher(settings, embedder=embedder).search("Lai Châu phấn đấu bao nhiêu phần trăm hồ sơ được số hóa").hits
    assert "97% hồ sơ được số hóa" in hits[0].text

    (own_sources / "bac-kan-tin-nq-08-2021.txt").unlink()
    (own_sources / "bac-kan-tin-nq-08-2021.meta.yaml").unlink()
    removed = build(settings, embedder=embedder, progress=False)
    assert removed.removed == ["bac-kan-tin-nq-08-2021"] and removed.embedded == []


def test_hnsw_index_by_configuration(index_settings, embedder, tmp_path):
    settings = index_settings.copy(update={"ann": "hnsw", "index_dir": tmp_path / "hnsw"})
    report = build(settings, embedder=embedder, progress=False)
    assert report.index_type == "IndexHNSWFlat"
    hits = Searcher(settings, embedder=embedder).search("Quảng Ninh thu hút FDI bao nhiêu đến năm 2025?").hits
    assert any("5 tỷ USD" in h.text for h in hits)


def test_missing_or_corrupt_index_says_how_to_fix(index_settings, embedder, tmp_path):
    settings = index_settings.copy(update={"index_dir": tmp_path / "nothing"})
    with pytest.raises(store.IndexMissingError, match="python -m index build"):
        Searcher(settings, embedder=embedder)
    build(settings, embedder=embedder, progress=False)
    (tmp_path / "nothing" / "dense.faiss").write_bytes(b"garbage")
    with pytest.raises(store.IndexMissingError, match="rebuild"):
        Searcher(settings, embedder=embedder)


def test_duplicate_document_ids_are_refused(index_settings, embedder, own_sources, tmp_path):
    meta = own_sources / "bac-kan-tin-nq-08-2021.meta.yaml"
    meta.write_text(meta.read_text("utf-8").replace("id: bac-kan-tin-nq-08-2021", "id: bac-kan-08-nq-tu-2021"), "utf-8")
    settings = index_settings.copy(update={"sources_dir": own_sources, "index_dir": tmp_path / "dup"})
    with pytest.raises(ValueError, match="unique"):
        build(settings, embedder=embedder, progress=False)

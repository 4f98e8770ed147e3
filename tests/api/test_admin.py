"""Admin actions: 403 while no token is set, 401 for a wrong one, reload and incremental
rebuild with the right one. The real index is only read: the build is a stand-in."""
import pytest
from pydantic import SecretStr

from api.routers import admin
from index.runtime import get_searcher
from index.builder import BuildReport

TOKEN = "s3cret-token-for-tests"
PATHS = ("/admin/reload", "/admin/rebuild-index")


@pytest.fixture
def with_token(client, monkeypatch):
    monkeypatch.setattr(client.app.state.assistant.settings, "admin_token", SecretStr(TOKEN))
    return {"Authorization": f"Bearer {TOKEN}"}


@pytest.mark.parametrize("path", PATHS)
def test_admin_is_disabled_without_a_token(client, path):
    assert client.app.state.assistant.settings.admin_token is None
    response = client.post(path, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403 and "admin disabled" in response.json()["detail"]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
                                     {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": "Bearer"},
                                     {"X-Admin-Token": TOKEN}])
def test_a_missing_or_wrong_token_gets_401(client, with_token, path, headers):
    response = client.post(path, headers=headers)
    assert response.status_code == 401 and response.headers["WWW-Authenticate"] == "Bearer"
    assert response.json()["detail"]


def test_admin_needs_post(client, with_token):
    assert client.get("/admin/reload", headers=with_token).status_code == 405


def test_reload_loads_the_index_again(client, with_token):
    before = get_searcher()
    response = client.post("/admin/reload", headers=with_token)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["documents"] == len(get_searcher().documents) > 0 and body["passages"] > 200
    assert get_searcher() is not before
    assert client.get("/health").json()["status"] == "ok"
    assert client.get("/search", params={"q": "bac kan cap quang", "k": 1}).json()["hits"]


def test_a_broken_index_is_refused_and_the_loaded_one_kept(client, with_token, monkeypatch, tmp_path):
    loaded = get_searcher()
    broken = loaded.settings.copy(update={"index_dir": tmp_path})
    monkeypatch.setattr(admin, "get_settings", lambda: broken)
    response = client.post("/admin/reload", headers=with_token)
    assert response.status_code == 503 and "index build" in response.json()["detail"]
    assert get_searcher() is loaded


def test_rebuild_runs_the_incremental_build_then_reloads(client, with_token, monkeypatch):
    calls = []

    def fake_build(settings, **options):
        calls.append(options)
        return BuildReport(embedded=["new-doc"], reused=["old-doc"], removed=["gone-doc"], passages=1)

    monkeypatch.setattr(admin, "build", fake_build)
    monkeypatch.setattr(admin, "reload_knowledge",
                        lambda: admin.AdminReport(documents=7, passages=300, seconds=0.1))
    response = client.post("/admin/rebuild-index", headers=with_token)
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["embedded"], body["reused"], body["removed"], body["documents"]) == (
        ["new-doc"], ["old-doc"], ["gone-doc"], 7)
    assert calls == [{"progress": False}]  # incremental: no full=True


def test_a_failing_build_is_reported(client, with_token, monkeypatch):
    def failing_build(settings, **options):
        raise ValueError("document ids must be unique; repeated: ['x']")

    monkeypatch.setattr(admin, "build", failing_build)
    response = client.post("/admin/rebuild-index", headers=with_token)
    assert response.status_code == 500 and "must be unique" in response.json()["detail"]


def test_one_admin_action_at_a_time(client, with_token):
    assert admin._busy.acquire(blocking=False)
    try:
        assert client.post("/admin/reload", headers=with_token).status_code == 409
    finally:
        admin._busy.release()


def test_admin_token_from_the_environment(monkeypatch):
    from api.settings import ApiSettings

    monkeypatch.setenv("ASSISTANT_ADMIN_TOKEN", TOKEN)
    settings = ApiSettings()
    assert settings.admin_token.get_secret_value() == TOKEN and TOKEN not in repr(settings)

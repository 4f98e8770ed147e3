import pytest


@pytest.fixture(scope="session")
def tracker_db(tmp_path_factory):
    return tmp_path_factory.mktemp("tracker") / "tracker.db"


@pytest.fixture(scope="session")
def client(built, tracker_db):
    """The real app (real Rasa agent, index and model) in-process, loaded once."""
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.settings import ApiSettings

    with TestClient(create_app(ApiSettings(tracker_db=tracker_db))) as test_client:
        yield test_client

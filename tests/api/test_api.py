"""The HTTP API in-process with the real agent: contract, validation, history, persistence."""
import uuid

from knowledge.language.normalize import fold


def new_sender() -> str:
    return f"t-{uuid.uuid4().hex[:10]}"


def test_health_and_documents(client):
    health = client.get("/health").json()
    assert health["status"] == "ok" and health["documents"] == 7 and health["passages"] > 200
    documents = client.get("/documents").json()
    by_id = {d["id"]: d for d in documents}
    assert by_id["lai-chau-01-nq-duk-2020"]["number"] == "01-NQ/ĐUK"
    assert by_id["quang-ninh-nq-cchc-2021-2025"]["number"] is None
    assert by_id["bac-kan-08-nq-tu-2021"]["signer"] == "Hoàng Duy Chinh"


def test_search_endpoint(client):
    body = client.get("/search", params={"q": "bac kan cap quang ho gia dinh", "k": 3}).json()
    assert body["provinces"] == ["Bắc Kạn"] and len(body["hits"]) == 3
    assert "80% hộ gia đình" in body["hits"][0]["text"]


def test_chat_contract(client):
    reply = client.post("/chat", json={"sender": new_sender(), "message": "Lai Châu đặt mục tiêu bao nhiêu % "
                                       "dịch vụ công trực tuyến mức độ 3, 4 được tích hợp với Cổng Dịch vụ công quốc gia?"})
    assert reply.status_code == 200
    body = reply.json()
    assert set(body) == {"sender", "text", "sources", "buttons", "intent"}
    assert "50%" in body["text"][:400]
    assert set(body["sources"][0]) >= {"doc_id", "title", "province", "number", "section", "quote"}
    assert body["sources"][0]["province"] == "Lai Châu"


def test_small_talk_has_no_sources(client):
    body = client.post("/chat", json={"sender": new_sender(), "message": "chào bạn"}).json()
    assert body["intent"]["name"] == "greet" and body["sources"] == [] and body["text"]


def test_list_documents(client):
    body = client.post("/chat", json={"sender": new_sender(), "message": "Bạn có những văn bản nghị quyết nào?"}).json()
    assert "7 văn bản" in body["text"] and "08-NQ/TU" in body["text"]


def test_bad_input_gets_clear_4xx(client):
    assert client.post("/chat", json={"sender": "x", "message": "   "}).status_code == 422
    assert client.post("/chat", json={"sender": "bad sender!", "message": "hi"}).status_code == 422
    assert client.post("/chat", json={"sender": "x", "message": "a" * 2001}).status_code == 422
    assert client.post("/chat", json={"message": "no sender"}).status_code == 422
    assert client.post("/chat", content=b"not json", headers={"Content-Type": "application/json"}).status_code == 422
    assert client.get("/search", params={"q": ""}).status_code == 422


def test_html_in_a_message_is_just_text(client):
    body = client.post("/chat", json={"sender": new_sender(), "message": "<script>alert(1)</script> Bắc Kạn?"}).json()
    assert "<script>" not in body["text"]


def test_history_restores_the_conversation(client):
    sender = new_sender()
    client.post("/chat", json={"sender": sender, "message": "Ai ký nghị quyết của Quảng Ninh?"})
    history = client.get(f"/conversations/{sender}/messages").json()["messages"]
    assert history[0] == {"role": "user", "text": "Ai ký nghị quyết của Quảng Ninh?", "sources": [], "buttons": []}
    assert history[1]["role"] == "bot" and "Nguyễn Xuân Ký" in history[1]["text"] and history[1]["sources"]
    assert client.get(f"/conversations/{new_sender()}/messages").status_code == 404


def test_openapi_documents_the_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/chat", "/webhooks/rest/webhook", "/documents", "/search", "/health"} <= set(paths)


def test_page_is_served_without_external_resources(client):
    page = client.get("/")
    assert page.status_code == 200 and "Trợ lý nghị quyết" in page.text
    assert "http://" not in page.text and "https://" not in page.text
    assert client.get("/static/app.js").status_code == 200


def test_a_restart_keeps_the_conversation(client, tracker_db):
    """The SQL tracker store: a second app on the same database resolves a follow-up."""
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.settings import ApiSettings

    sender = new_sender()
    first = client.post("/chat", json={"sender": sender, "message": "Quảng Ninh đặt mục tiêu thu hút FDI bao nhiêu đến năm 2025?"}).json()
    assert "5 tỷ USD" in first["text"]
    with TestClient(create_app(ApiSettings(tracker_db=tracker_db))) as restarted:
        follow = restarted.post("/chat", json={"sender": sender, "message": "Còn định hướng đến 2030 thì sao?"}).json()
    assert "5 ty usd" in fold(follow["text"][:400]) and {s["province"] for s in follow["sources"]} == {"Quảng Ninh"}

"""Browser test of the web chat page, with Playwright driving Debian's headless Chromium.

The running assistant comes from the `live_server` fixture (tests/e2e/conftest.py), which
yields its base URL. Run only these tests with `pytest -m browser tests/e2e`.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = sync_api.expect

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
TITLE = "Trợ lý nghị quyết cải cách hành chính"
STARTERS = (
    "Bắc Kạn đặt mục tiêu gì về dịch vụ công trực tuyến đến năm 2025?",
    "Ai chủ trì theo dõi việc thực hiện nghị quyết của Quảng Ninh?",
    "Nghị quyết của Lai Châu có những mục tiêu cụ thể nào?",
    "Các nghị quyết hiện có là những văn bản nào?",
)
QUESTION = "Bắc Kạn đặt mục tiêu bao nhiêu phần trăm hộ gia đình có cáp quang?"
ANSWER_TIMEOUT_MS = 120_000   # the first answer may load the model

BOT_ANSWER = ".msg--bot:not(.msg--typing):not(.msg--error)"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install -y chromium")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox"], headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser context (empty localStorage) per test; page errors are collected."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.js_errors = []
    page.on("pageerror", lambda error: page.js_errors.append(str(error)))
    yield page
    context.close()


def open_chat(page, base_url: str) -> None:
    """Open the chat page: served at `/` (or, failing that, at /static/index.html)."""
    base = base_url.rstrip("/")
    response = page.goto(base + "/")
    if response is None or response.status == 404:
        page.goto(base + "/static/index.html")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    # History has been asked for and rendered (or found empty).
    expect(page.locator("#messages")).to_have_attribute("aria-busy", "false")


def ask(page, question: str):
    """Type a question, press Enter, and return the locator of the new bot answer."""
    answers_before = page.locator(BOT_ANSWER).count()
    box = page.get_by_label("Câu hỏi của bạn")
    box.fill(question)
    box.press("Enter")
    expect(page.locator(".msg--user").last).to_contain_text(question)
    answers = page.locator(BOT_ANSWER)
    expect(answers).to_have_count(answers_before + 1, timeout=ANSWER_TIMEOUT_MS)
    expect(page.locator(".msg--typing")).to_have_count(0)
    return answers.last


def test_question_gets_answer_with_source(page, live_server, tmp_path):
    open_chat(page, live_server)
    expect(page).to_have_title(TITLE)
    for starter in STARTERS:
        expect(page.get_by_role("button", name=starter)).to_be_visible()
    expect(page.get_by_placeholder("Nhập câu hỏi về nghị quyết…")).to_be_visible()
    expect(page.get_by_role("button", name="Gửi", exact=True)).to_be_visible()
    page.screenshot(path=tmp_path / "empty.png", full_page=True)

    answer = ask(page, QUESTION)
    page.screenshot(path=tmp_path / "answer.png", full_page=True)
    expect(answer.locator(".bubble")).to_contain_text("80%")

    # The starters are gone once the conversation has begun.
    expect(page.get_by_role("button", name=STARTERS[0])).to_be_hidden()

    source = answer.locator(".source__summary").filter(has_text="Bắc Kạn").first
    expect(source).to_be_visible()
    quote = answer.locator(".source__details").filter(has_text="Bắc Kạn").first.locator(
        ".source__quote"
    )
    expect(quote).to_be_hidden()
    source.click()
    expect(quote).to_be_visible()
    assert quote.inner_text().strip(), "the expanded source shows no quote"
    page.screenshot(path=tmp_path / "source-open.png", full_page=True)
    assert page.js_errors == []


def test_reload_keeps_the_conversation(page, live_server, tmp_path):
    open_chat(page, live_server)
    sender = page.evaluate("localStorage.getItem('ra.sender')")
    assert sender, "no conversation id in localStorage"

    answer = ask(page, QUESTION)
    answer_text = answer.locator(".bubble").inner_text().strip()
    assert answer_text

    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator("#messages")).to_have_attribute("aria-busy", "false")
    assert page.evaluate("localStorage.getItem('ra.sender')") == sender
    expect(page.locator(".msg--user").filter(has_text=QUESTION)).to_have_count(1)
    expect(page.locator(BOT_ANSWER).last.locator(".bubble")).to_contain_text("80%")
    expect(page.locator(BOT_ANSWER).last.locator(".source__summary").first).to_be_visible()
    expect(page.get_by_role("button", name=STARTERS[0])).to_be_hidden()
    page.screenshot(path=tmp_path / "reloaded.png", full_page=True)

    # A new conversation gets a new id and starts empty.
    page.get_by_role("button", name="Cuộc trò chuyện mới").click()
    expect(page.locator(".msg")).to_have_count(0)
    expect(page.get_by_role("button", name=STARTERS[0])).to_be_visible()
    new_sender = page.evaluate("localStorage.getItem('ra.sender')")
    assert new_sender and new_sender != sender
    page.screenshot(path=tmp_path / "new-conversation.png", full_page=True)
    assert page.js_errors == []


def test_markup_in_a_question_is_shown_as_text(page, live_server, tmp_path):
    dialogs = []

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    open_chat(page, live_server)

    payload = "<img src=x onerror=alert(1)>"
    box = page.get_by_label("Câu hỏi của bạn")
    box.fill(payload)
    box.press("Enter")

    user = page.locator(".msg--user").last
    expect(user.locator(".bubble")).to_have_text(payload)
    # Wait for the reply (an answer or a polite error) so any echo of the text is rendered too.
    expect(page.locator(".msg--bot:not(.msg--typing)")).to_have_count(1, timeout=ANSWER_TIMEOUT_MS)
    page.wait_for_timeout(500)
    page.screenshot(path=tmp_path / "markup.png", full_page=True)

    assert dialogs == []
    assert page.locator("#messages img").count() == 0
    assert page.locator("#messages script").count() == 0
    assert page.evaluate("document.querySelectorAll('[onerror]').length") == 0
    assert re.search(re.escape(payload), page.locator("#messages").inner_text())
    assert page.js_errors == []


def test_documents_panel_shows_a_resolutions_targets(page, live_server, tmp_path):
    """The "Văn bản" panel: pick Bắc Kạn's 08-NQ/TU, see its targets as a table whose rows
    open to the verbatim quote; on a phone the rows become cards without sideways scrolling."""
    open_chat(page, live_server)
    opener = page.get_by_role("button", name="Văn bản", exact=True)
    opener.click()
    panel = page.get_by_role("dialog", name="Văn bản")
    expect(panel).to_be_visible()

    resolution = panel.get_by_role("button", name="Nghị quyết · 08-NQ/TU")
    resolution.click()
    expect(resolution).to_have_attribute("aria-current", "true")
    # the province that issued it, and the unit it belongs to since 1 July 2025
    expect(panel.get_by_role("heading", name="Nghị quyết 08-NQ/TU — Bắc Kạn, nay thuộc tỉnh Thái Nguyên")).to_be_visible()
    targets = panel.get_by_role("table", name=re.compile("^Chỉ tiêu"))
    row = targets.get_by_role("row").filter(has_text="80%").first
    expect(row).to_be_visible()
    expect(panel.get_by_role("heading", name=re.compile("^Thời hạn"))).to_be_visible()
    csv_link = panel.get_by_role("link", name=re.compile("Tải CSV"))
    expect(csv_link).to_have_attribute("href", re.compile(r"/facts\?doc_id=bac-kan-08-nq-tu-2021&format=csv$"))

    toggle = row.get_by_role("button")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    quote = panel.locator("#" + toggle.get_attribute("aria-controls"))
    expect(quote).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(quote).to_be_visible()
    expect(quote.locator("blockquote")).to_contain_text("80%")
    page.screenshot(path=tmp_path / "documents-desktop.png")

    page.set_viewport_size({"width": 390, "height": 844})
    expect(row).to_be_visible()
    expect(quote).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.evaluate("document.querySelector('.docs__detail').scrollWidth") <= 390
    page.screenshot(path=tmp_path / "documents-phone.png")

    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(opener).to_be_focused()
    assert page.js_errors == []

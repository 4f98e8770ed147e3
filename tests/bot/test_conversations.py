"""The Rasa test conversations (tests/bot/conversations, Rasa's test-stories format): each
feature's messages go to its action, follow-ups go back to the feature that answered."""
import subprocess
import sys
from pathlib import Path

import yaml

CONVERSATIONS = Path(__file__).parent / "conversations"


def test_every_conversation_takes_the_route_the_rules_say(built, root, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "rasa", "test", "core", "--model", str(built), "--stories", str(CONVERSATIONS),
         "--out", str(tmp_path), "--fail-on-prediction-errors", "--no-plot"],
        cwd=root, capture_output=True, text=True, timeout=600)
    failed = tmp_path / "failed_test_stories.yml"
    report = failed.read_text("utf-8") if failed.exists() else ""
    assert result.returncode == 0 and "story:" not in report, report or result.stdout[-3000:] + result.stderr[-3000:]


def test_every_action_of_the_domain_is_exercised(root):
    domain = yaml.safe_load((root / "bot" / "domain.yml").read_text("utf-8"))
    used = {step["action"] for path in CONVERSATIONS.glob("test_*.yml")
            for story in yaml.safe_load(path.read_text("utf-8"))["stories"]
            for step in story["steps"] if "action" in step}
    features = {a for a in domain["actions"] if not a.startswith(("validate_", "action_ask_", "action_end_"))}
    missing = features - used - {"action_record_feedback"}
    assert not missing, f"no test conversation reaches {sorted(missing)}"

"""Custom actions of the resolution assistant (rasa-sdk)."""
from bot.actions.actions import ActionAnswerQuestion, ActionListDocuments, ActionRecordFeedback

__all__ = ["ActionAnswerQuestion", "ActionListDocuments", "ActionRecordFeedback"]

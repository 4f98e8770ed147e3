"""Custom actions of the resolution assistant (rasa-sdk)."""
from bot.actions.actions import ActionAnswerQuestion, ActionListDocuments, ActionRecordFeedback
from bot.actions.quiz_actions import ActionAskQuizAnswer, ActionEndQuiz, ActionStartQuiz, ValidateQuizForm

__all__ = ["ActionAnswerQuestion", "ActionListDocuments", "ActionRecordFeedback", "ActionStartQuiz",
           "ActionAskQuizAnswer", "ValidateQuizForm", "ActionEndQuiz"]

"""Custom actions of the resolution assistant (rasa-sdk): one per feature, each a thin adapter
that reads the turn once (turn.read), calls the feature's answering code (bot.answers) and
says the reply (turn.say). domain.yml lists them; data/rules say which intent goes where."""
from bot.actions.answer import ActionAnswerQuestion, ActionOutOfScope
from bot.actions.compare import ActionCompare
from bot.actions.documents import ActionDocumentInfo, ActionListDocuments
from bot.actions.feedback import ActionRecordFeedback
from bot.actions.lists import ActionListFacts, ActionMore, ActionTimeline
from bot.actions.quiz import ActionAskQuizAnswer, ActionEndQuiz, ActionStartQuiz, ValidateQuizForm
from bot.actions.summary import ActionSummarize

__all__ = ["ActionAnswerQuestion", "ActionOutOfScope", "ActionCompare", "ActionDocumentInfo", "ActionListDocuments",
           "ActionRecordFeedback", "ActionListFacts", "ActionMore", "ActionTimeline", "ActionStartQuiz",
           "ActionAskQuizAnswer", "ValidateQuizForm", "ActionEndQuiz", "ActionSummarize"]

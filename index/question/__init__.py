"""One reading of each question, made once per turn and handed to search and to the handlers."""
from index.question.asks import Wants
from index.question.model import Previous, Question
from index.question.understand import understand

__all__ = ["Previous", "Question", "Wants", "understand"]

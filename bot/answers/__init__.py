"""The answering code of each feature: pure Python over the index's typed records (no Rasa types).

text/     how well a text answers a question (evidence, what a unit holds)
single/   one question, one answer: the sentence that states it, the document's own fields
facts/    commitments as lists, comparisons and a timeline, paged by fact id
summary   a document's goal, main targets and task groups; quiz  the study quiz
"""

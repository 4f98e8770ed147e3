"""One question, one answer: the sentence that states it, a document's own fields, a section's items."""

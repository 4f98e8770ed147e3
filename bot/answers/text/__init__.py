"""How well a text answers a question: evidence coverage, and whether a unit holds the body or time asked."""

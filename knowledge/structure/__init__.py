"""A document's structure: its section tree, and the passages cut from it for search and quotes."""

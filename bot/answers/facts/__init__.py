"""Commitments (targets, responsibilities, deadlines) as lists, comparisons and a timeline."""

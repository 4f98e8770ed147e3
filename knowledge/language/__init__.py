"""Vietnamese as people write it: normalisation, provinces (old and new), entities."""

"""diplograf.extract: from article text to plain Python records (knows nothing of RDF)."""

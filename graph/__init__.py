"""diplograf.graph: the RDF graph with provenance, its serialisations, the view, queries and the CLI."""

"""Training recipe for diplograf's Indonesian Stanza models (``make models``)."""

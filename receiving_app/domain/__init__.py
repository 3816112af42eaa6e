"""Money, weights, fill level, policies and decisions: the standard library only, no I/O."""

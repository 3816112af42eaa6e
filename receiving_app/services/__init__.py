"""Use cases: open an RMA by scan, record weights, inspect, decide, issue documents."""

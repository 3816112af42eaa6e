"""Scale, scanner and printer adapters behind small interfaces, with fakes for tests and demos."""

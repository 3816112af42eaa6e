"""Where the station's records live: policy files, tables, repositories, the unit of work."""

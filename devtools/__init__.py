"""Tools for a checkout, not part of the installed product: the embedded PostgreSQL and Redis,
demo data, the national-scale data generator and the benchmark."""

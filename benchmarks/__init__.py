"""The station's speed figures: `python benchmarks/run.py` measures them and writes docs/performance.md.

See benchmarks/README.md for what each module holds and how to add a figure.
"""

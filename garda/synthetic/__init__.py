"""Synthetic data, and nothing else: the generators of people, identities and applications, and the demo office.

Production code never imports this package. The `garda demo` command (this package's only entry point in an
installation), the tests and the benchmarks do. It sits above every app and writes through their actions and
importers; see docs/architecture.md.
"""

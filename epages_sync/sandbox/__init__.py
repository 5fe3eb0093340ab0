"""Offline simulators of ePages Beyond and Afosto, for tests, benchmarks and the demo mode."""

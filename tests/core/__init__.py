"""Unit tests of the library's sans-I/O core (lists, plans, retry decisions): no server."""

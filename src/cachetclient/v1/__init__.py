"""Cachet API v1: the client, one module per resource, and the enums."""

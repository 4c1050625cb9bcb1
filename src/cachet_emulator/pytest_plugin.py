"""pytest plugin: the `cachet_emulator` fixture (filled in with the server)."""

"""Files mypy checks and pytest does not run: the types users see, stated independently."""

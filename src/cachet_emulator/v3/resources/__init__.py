"""One module per Cachet 3 resource: its Kind, query allow-lists, rules and handlers.

A handler takes the `Call` and returns an `Answer`; `common.py` holds what they share.
"""

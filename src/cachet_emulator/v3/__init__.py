"""The Cachet 3 API (cachethq/core at commit 9183688b) at `/api`: `--cachet-version 3`.

JSON:API documents, Sanctum-style bearer tokens with abilities, `filter[...]`/`sort`/
`include`, simple pagination and 422 validation errors, on the emulator's store and server.
`app.py` is the request pipeline, `routes.py` the route table, `resources/` one module per
Cachet resource.
"""

"""One module per Cachet resource: its field declarations, presenter and route handlers.

How a resource plugs in:

* Routes: every route lives in the one table `ROUTES` of `cachet_emulator.app` (Appendix B
  order), naming the handler here, its auth class and the Cachet versions that have it. Path
  parameters are `{name}` segments; `PARAMETER_MODELS` in app.py maps each name to its table
  and model class. Before a handler runs, the row is looked up (404 if missing or
  soft-deleted) and put in `call.bound[name]`; Accept, Time-Zone and auth are checked too.
* Handlers: `def handler(call: ApiCall) -> Reply` (see `api_call.py`). Use `item(data)` for
  200 `{"data": ...}`, `no_content()` for 204, `listing.paginate()` for lists. Raise the
  errors of `errors.py` (`server_error()` where real Cachet answers 500). The handler runs
  inside one SQLite transaction under the store's lock: any exception rolls it back.
* Input and validation: declare the fields once as `commands.Field(name, command_rules,
  cast=php.cast_int, default=..., clean=False)`; `read_command(call, FIELDS)` applies the
  controller defaults, PHP casts and the command rules (2.4 only); `check_model(call,
  attributes, MODEL_RULES)` applies the model rules before an insert; `save_changes(call,
  table, row, changes, MODEL_RULES)` does an update (rules, dirty check, `updated_at`).
  `call.input` is cleaned, `call.raw_input` is not.
* Store: `call.store.insert/update/find/select/count/delete` with column names of
  `schema.TABLES` (Cachet's column order; booleans 0/1; JSON columns take lists/dicts;
  timestamps UTC via `clock.stored_now()`). A NOT NULL violation becomes a bare 400.
* Dates: `clock.parse_minute(text, call.zone_name)` parses `Y-m-d H:i` like PHP (raises
  `clock.DateFormatError` with PHP's message, or `clock.DateOutOfRange`, a bare 400, for
  years no date column holds); `call.present_time(value)` and
  `clock.present_long(value, call.zone_name)` show stored timestamps (None shows now).
* Presenter: `presenting.model_array(call, table, attributes)` casts and presents timestamps
  in the request timezone, keeping the attributes' order. GET/PUT pass a full row (table
  order); create passes the fresh attributes: model defaults, then filled fields, then
  `updated_at`, `created_at`, `id` -- that is Cachet's create shape. Append presenter fields
  (`status_name`, ...) after it.
* Lists: `listing.search_conditions` (2.12), `listing.sort_order` (2.11), `listing.paginate`
  with a `listing.Query(table, where, order_by)`; ties are always broken by id ascending.
* Versions: what 2.3 does differently is declared once at the top of the module, as a
  `versions.Versioned` value named for the behaviour (`HIDDEN = until_23((), ("meta",))`),
  and read with `call.pick(HIDDEN)`; never test the version in a branch. A handler that
  differs as a whole is a `Versioned` handler in the route table.
* Tests: `tests/emulator/test_<resource>.py` over HTTP with the `api` / `api23` fixtures.
"""

"""Input cleaning (spec 2.5): trim and the anti-XSS filter, seen through component fields."""

from __future__ import annotations

import pytest

from tests.emulator.api import Api


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("  padded  ", "padded"),
        ("a\tb", "a b"),
        ("a\u0001b\u007f", "ab"),
        ("100%25", "100%"),
        ("a%2520b", "a b"),
        ("line%0Abreak", "line\nbreak"),
        ("<b>bold</b>", "<b>bold</b>"),
        ("<script>x</script>", "[removed]x[removed]"),
        ("<!-- x -->", "&lt;!-- x --&gt;"),
        ("<? php", "&lt;? php"),
        ("<% x", "&lt;&#37; x"),
        ("document.cookie", "[removed]"),
        ("go javascript:void", "go [removed]void"),
        ("Filesystem (NFS) down", "Filesystem &#40;NFS&#41; down"),
        ("Confirm (yes)", "Confirm &#40;yes&#41;"),
        ("Open (no closing", "Open (no closing"),
        ("<img src=x onerror=alert(1)>", "<img src=x xss=removed>"),
        ("<iframe src=x>", "&lt;iframe src=x&gt;"),
        ("Système", "Système"),
        ("a -moz-binding b", "a [removed] b"),
        ("redirect  301 here", "[removed] here"),
    ],
)
def test_cleaning_of_text_fields(api: Api, sent: str, stored: str) -> None:
    data = api.create("components", name="A", description=sent)
    assert data["description"] == stored
    assert api.get(f"components/{data['id']}").json()["data"]["description"] == stored


def test_numbers_and_booleans_are_not_cleaned(api: Api) -> None:
    data = api.create("components", name="A", meta={"n": 1.5, "b": False, "s": " x "})
    assert data["meta"] == {"n": 1.5, "b": False, "s": "x"}


def test_query_filter_values_are_cleaned(api: Api) -> None:
    api.create("components", name="File (Main)")
    found = api.get("components", params={"name": " File (Main) "}).json()["data"]
    assert [row["name"] for row in found] == ["File &#40;Main&#41;"]

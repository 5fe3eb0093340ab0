"""Texts a person reads: English wherever a string is expected, and in the person's language in the window."""

from __future__ import annotations

import copy
import pickle

from epages_sync.errors import AuthenticationError, NotFound
from epages_sync.store import Direction, LogRow, Outcome, Store
from epages_sync.texts import Text, join, localize

GERMAN = {
    "Order {number}: {units} unit(s) cancelled in Afosto ({skus}), as in ePages.":
        "Bestellung {number}: {units} Einheit(en) in Afosto storniert ({skus}), wie in ePages.",
    "Credentials refused": "Zugangsdaten abgelehnt",
    "Check the client id and secret (or API key) and enter them again.":
        "Prüfen Sie Client-ID und Secret (oder API-Schlüssel) und geben Sie sie neu ein.",
    "{title}: {message}": "{title}: {message}",
    "{problem}. {action}": "{problem}. {action}",
    "{problem} {action}": "{problem} {action}",
    "Order {number}: {problem}": "Bestellung {number}: {problem}",
    "Delivered.": "Zugestellt.",
    "Broken {placeholder}": "Kaputt {anderer}",
}


def german(template: str) -> str:
    return GERMAN.get(template, template)


def test_a_text_is_its_english_sentence_everywhere_a_string_goes() -> None:
    text = Text("Order {number}: {units} unit(s) cancelled in Afosto ({skus}), as in ePages.",
                number="10013", units=2, skus=["CF-1", "CF-2"])
    assert text == "Order 10013: 2 unit(s) cancelled in Afosto (CF-1, CF-2), as in ePages."
    assert isinstance(text, str) and text.startswith("Order 10013")
    assert f"{text}" == str(text) and f"{text}" == str(text)


def test_the_window_shows_a_text_in_its_language_with_the_values_filled_in() -> None:
    text = Text("Order {number}: {units} unit(s) cancelled in Afosto ({skus}), as in ePages.",
                number="10013", units=2, skus=["CF-1", "CF-2"])
    assert localize(text, german) == ("Bestellung 10013: 2 Einheit(en) in Afosto storniert (CF-1, CF-2), "
                                      "wie in ePages.")


def test_an_error_says_title_message_and_action_in_the_language_of_the_window() -> None:
    exc = AuthenticationError(Text("Delivered."))
    logged = Text("Order {number}: {problem}", number="10001", problem=exc.with_action())
    assert str(logged) == ("Order 10001: Credentials refused: Delivered. Check the client id and secret "
                           "(or API key) and enter them again.")
    assert localize(logged, german) == ("Bestellung 10001: Zugangsdaten abgelehnt: Zugestellt. Prüfen "
                                        "Sie Client-ID und Secret (oder API-Schlüssel) und geben Sie sie neu "
                                        "ein.")
    # A message without a full stop gets one before the action.
    assert str(AuthenticationError("no").with_action()).startswith("Credentials refused: no. Check")
    # str() of an error is unchanged English, for the log file and the command line.
    assert str(NotFound("gone", concerns="order 7")) == "Not found (order 7): gone"


def test_words_without_a_translation_stay_english_and_server_words_stay_as_they_are() -> None:
    # The server's own message (a plain str) is never looked up; an untranslated template stays English.
    text = Text("Order {number}: {problem}", number="1", problem="Quantity {too} high")
    assert localize(text, german) == "Bestellung 1: Quantity {too} high"
    assert localize(Text("Nothing to say."), german) == "Nothing to say."


def test_a_translation_whose_placeholders_do_not_fit_falls_back_to_english() -> None:
    assert localize(Text("Broken {placeholder}", placeholder="x"), german) == "Broken x"


def test_the_stored_form_brings_back_the_same_text_nested_texts_and_lists_included() -> None:
    inner = AuthenticationError().with_action()
    text = Text("Order {number}: {problem}", number="10001", problem=inner)
    again = Text.from_json(text.to_json())
    assert again == text and again.template == text.template
    assert localize(again, german) == localize(text, german)
    listed = Text("Order {number}: {units} unit(s) cancelled in Afosto ({skus}), as in ePages.",
                  number="9", units=1, skus=["A"])
    assert Text.from_json(listed.to_json()) == listed


def test_copies_and_pickles_keep_the_template() -> None:
    text = Text("Order {number}: {problem}", number="1", problem=Text("Delivered."))
    for other in (copy.deepcopy(text), pickle.loads(pickle.dumps(text))):
        assert other == text and isinstance(other, Text) and other.template == text.template
        assert localize(other, german) == "Bestellung 1: Zugestellt."


def test_joined_sentences_are_each_translated() -> None:
    both = join([Text("Order {number}: {problem}", number="1", problem="x"), Text("Delivered.")])
    assert both == "Order 1: x Delivered."
    assert localize(both, german) == "Bestellung 1: x Zugestellt."


def test_a_log_row_keeps_its_template_and_old_rows_read_as_their_english() -> None:
    store = Store.memory()
    message = Text("Order {number}: {problem}", number="10001", problem=Text("Delivered."))
    store.add_log(LogRow(direction=Direction.SYSTEM, outcome=Outcome.INFO, message=message))
    store.add_log(LogRow(direction=Direction.SYSTEM, outcome=Outcome.INFO, message="plain words"))
    plain, templated = store.log_page(limit=2)
    assert templated.message == "Order 10001: Delivered."
    assert localize(templated.text, german) == "Bestellung 10001: Zugestellt."
    assert plain.message_args is None and localize(plain.text, german) == "plain words"


def test_a_secret_in_a_parameter_is_redacted_in_the_stored_template_too() -> None:
    store = Store.memory()
    token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlc2lnbmF0dXJl"
    store.add_log(LogRow(direction=Direction.SYSTEM, outcome=Outcome.ERROR,
                         message=Text("Order {number}: {problem}", number="1", problem=f"Bearer {token}")))
    (row,) = store.log_page(limit=1)
    assert token not in row.message and token not in str(row.message_args)

"""Editors maintain the tools' content; saved results are private to their owners."""

_EDITABLE = ["toetsstap", "wielonderdeel", "scanthema", "financieringsbron"]

MODEL_PERMISSIONS = {
    "Redactie NJi": [
        f"toolkit.{action}_{model}" for model in _EDITABLE for action in ("add", "change", "delete")
    ],
}

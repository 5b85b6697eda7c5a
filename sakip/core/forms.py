"""Form habits shared by every screen: Bootstrap classes and accessible error texts.

:class:`FormRapi` ties each field's help and errors to its input
(``aria-describedby``), so a screen reader announces why a value was refused.
"""

from __future__ import annotations

from typing import Any

from django import forms


class FormRapi(forms.Form):
    """Bootstrap classes on every widget; help and error texts described by id."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for f in self.fields.values():
            w = f.widget
            if isinstance(w, forms.CheckboxInput):
                kelas = "form-check-input"
            elif isinstance(w, forms.Select | forms.SelectMultiple):
                kelas = "form-select"
            else:
                kelas = "form-control"
            w.attrs["class"] = f"{w.attrs.get('class', '')} {kelas}".strip()

    def full_clean(self) -> None:
        super().full_clean()
        for nama, f in self.fields.items():
            bf = self[nama]
            rujukan = []
            if f.help_text:
                rujukan.append(f"{bf.auto_id}_helptext")
            if nama in self.errors:
                rujukan.append(f"{bf.auto_id}-galat")
                f.widget.attrs["class"] += " is-invalid"
            if rujukan:
                f.widget.attrs["aria-describedby"] = " ".join(rujukan)


class FormModelRapi(FormRapi, forms.ModelForm):
    pass

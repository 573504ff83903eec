"""bootstrap_form: the widgets as the pages render them."""

from __future__ import annotations

from django import forms

from govcounsel.core.views.base import bootstrap_form


class _Form(forms.Form):
    channels = forms.MultipleChoiceField(
        choices=[("a", "甲"), ("b", "乙")], widget=forms.CheckboxSelectMultiple
    )
    agreed = forms.BooleanField()
    day = forms.DateField()
    starts_at = forms.DateTimeField(widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))


def test_a_list_of_checkboxes_is_neither_shrunk_nor_all_required():
    html = str(bootstrap_form(_Form())["channels"])
    assert "form-check-input" not in html
    assert "required" not in html


def test_a_single_checkbox_keeps_its_class_and_requirement():
    html = str(bootstrap_form(_Form())["agreed"])
    assert 'class="form-check-input"' in html
    assert "required" in html


def test_a_date_is_a_date_picker_and_a_datetime_keeps_its_time():
    form = bootstrap_form(_Form())
    assert 'type="date"' in str(form["day"])
    assert 'type="datetime-local"' in str(form["starts_at"])
    assert 'type="date"' not in str(form["starts_at"])

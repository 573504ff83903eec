"""Running a service from a page form: refusals land beside the field they concern."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from .errors import DomainError, refusing_duplicates

T = TypeVar("T")


def run_service(form: forms.BaseForm, action: Callable[[], T]) -> T | None:
    """Call a service; on refusal, put its message on the form and return None."""
    try:
        with refusing_duplicates():
            return action()
    except DomainError as error:
        field = error.field if error.field in form.fields else None
        if error.reasons:
            form.add_error(field, [str(error.title), *error.reasons])
        else:
            form.add_error(field, str(error.message))
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, messages in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages)
        else:
            form.add_error(None, error.messages)
    return None


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def form_page(
    request: HttpRequest,
    form: forms.BaseForm,
    action: Callable[[], Any],
    *,
    success: Any,
    next_url: Callable[[Any], str],
    template: str = "core/form.html",
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """The life of a page form: show it; on a valid POST run the service; on success say so
    and move on; on refusal show the form again with the reason beside its field."""
    from .views import bootstrap_form

    if request.method == "POST" and form.is_valid():
        result = run_service(form, action)
        if result is not None:
            messages.success(request, success)
            return redirect(next_url(result))
    return render(request, template, {"form": bootstrap_form(form), **(context or {})})

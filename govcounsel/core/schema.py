"""OpenAPI: every operation documents the refusals the API answers with (core/api.py
exception_handler), so clients and schema checks know 400/401/403/404/429 bodies."""

from __future__ import annotations

from typing import Any

ERROR_COMPONENT = {
    "type": "object",
    "description": "A refusal: a stable code, a message for people, and field errors.",
    "properties": {
        "code": {"type": "string"},
        "message": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": True},
        "reasons": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["code", "message"],
}
REFUSALS = {
    "400": "请求内容有误",
    "401": "未登录或凭证已失效",
    "403": "无权执行此操作",
    "404": "对象不存在或不在您的范围内",
    "429": "请求过于频繁",
}


def document_refusals(result: dict[str, Any], generator: Any, request: Any, public: Any) -> Any:
    """drf-spectacular postprocessing hook: add the error body to every operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_COMPONENT
    reference = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path in result.get("paths", {}).values():
        for method, operation in path.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            for status, description in REFUSALS.items():
                responses.setdefault(status, {"description": description, "content": reference})
    return result

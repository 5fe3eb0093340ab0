"""Checks the variables of a GraphQL operation against a schema's input types and says what does not fit in
the project's own words, whichever graphql-core release is installed.

graphql-core's own messages change wording between releases and quote the whole offending value (for an
order: the customer's name and address). A problem here names the place, the type and, for an enum, the value
the caller chose; never the data itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from graphql import (
    GraphQLEnumType,
    GraphQLError,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    GraphQLSchema,
    OperationDefinitionNode,
    type_from_ast,
)
from graphql.pyutils import Undefined

ProblemKind = Literal["unknown_type", "unknown_field", "missing_field", "unknown_enum_value", "wrong_value"]


@dataclass(frozen=True)
class InputProblem:
    """One thing in the variables that the schema does not take.

    ``path`` is where, as dotted names without list positions ("input.items.price"); ``type_name`` the input,
    enum or scalar type concerned; ``name`` the input field or the enum value.
    """

    kind: ProblemKind
    path: str
    type_name: str
    name: str = ""
    required_type: str = ""

    @property
    def field_path(self) -> str:
        """The path without the variable's name, as Afosto names fields in errors ("items.price")."""
        head, _, rest = self.path.partition(".")
        return rest or head


def coerce_scalar(scalar: GraphQLScalarType, value: Any) -> bool:
    """Whether ``scalar`` takes ``value`` as input."""
    parse = getattr(scalar, "coerce_input_value", None) or scalar.parse_value
    try:
        result = parse(value)
    except (GraphQLError, ValueError, TypeError, ArithmeticError):
        return False
    return result is not Undefined


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _walk(value: Any, type_: Any, path: str, out: list[InputProblem]) -> None:
    if isinstance(type_, GraphQLNonNull):
        if value is None:
            out.append(InputProblem("wrong_value", path, str(type_.of_type)))
            return
        type_ = type_.of_type
    if value is None:
        return
    if isinstance(type_, GraphQLList):
        for item in value if isinstance(value, list) else [value]:
            _walk(item, type_.of_type, path, out)
    elif isinstance(type_, GraphQLInputObjectType):
        if not isinstance(value, Mapping):
            out.append(InputProblem("wrong_value", path, type_.name))
            return
        for key in value:
            if key not in type_.fields:
                out.append(InputProblem("unknown_field", _join(path, str(key)), type_.name, str(key)))
        for name, field in type_.fields.items():
            if name in value:
                _walk(value[name], field.type, _join(path, name), out)
            elif isinstance(field.type, GraphQLNonNull) and field.default_value is Undefined:
                out.append(InputProblem("missing_field", _join(path, name), type_.name, name, str(field.type)))
    elif isinstance(type_, GraphQLEnumType):
        if not isinstance(value, str) or value not in type_.values:
            shown = value if isinstance(value, str) else ""
            out.append(InputProblem("unknown_enum_value", path, type_.name, shown))
    elif isinstance(type_, GraphQLScalarType) and not coerce_scalar(type_, value):
        out.append(InputProblem("wrong_value", path, type_.name))


def variable_problems(schema: GraphQLSchema, operation: OperationDefinitionNode,
                      variables: Mapping[str, Any]) -> list[InputProblem]:
    """Everything in ``variables`` that the operation's variable types in ``schema`` do not take."""
    out: list[InputProblem] = []
    for definition in operation.variable_definitions or ():
        name = definition.variable.name.value
        type_ = type_from_ast(schema, definition.type)
        if type_ is None:
            out.append(InputProblem("unknown_type", name, _named(definition.type)))
            continue
        if name in variables:
            _walk(variables[name], type_, name, out)
        elif isinstance(type_, GraphQLNonNull) and definition.default_value is None:
            out.append(InputProblem("missing_field", name, "", name, str(type_)))
    return out


def _named(node: Any) -> str:
    while not hasattr(node, "name"):
        node = node.type
    return str(node.name.value)

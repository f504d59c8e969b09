#!/usr/bin/python3
"""Validates a JSON document against one definition of a JSON Schema file, with python3-jsonschema.

usage: validate_json.py SCHEMA_FILE DEFINITION DOCUMENT_FILE
Exit 0 when valid; 1 with every error on stderr when not; 2 when the inputs cannot be read.
"""
import json
import sys

import jsonschema


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    schema_file, definition, document_file = sys.argv[1:]
    with open(schema_file, encoding="utf-8") as f:
        schema = json.load(f)
    try:
        with open(document_file, encoding="utf-8") as f:
            document = json.load(f)
    except ValueError as e:
        print(f"not JSON: {e}", file=sys.stderr)
        return 1
    if definition not in schema.get("$defs", {}):
        print(f"no definition {definition!r} in {schema_file}", file=sys.stderr)
        return 2
    jsonschema.Draft202012Validator.check_schema(schema)
    target = dict(schema, **{"$ref": f"#/$defs/{definition}"})
    validator = jsonschema.Draft202012Validator(target)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for e in errors:
        print(f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

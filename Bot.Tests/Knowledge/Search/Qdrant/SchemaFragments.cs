using System.Text.Json;

namespace Bot.Tests.Knowledge.Search.Qdrant;

/// <summary>
/// Checks JSON against the fragments of Qdrant's published schema kept in qdrant-schema-fragments.json:
/// required properties, undeclared properties, types, formats (uuid), enums, minimums, anyOf. A $ref to a
/// schema not kept here is not followed (the adapter never sends those parts).
/// </summary>
internal sealed class SchemaFragments
{
    private readonly JsonElement _schemas;

    private SchemaFragments(JsonElement schemas) => _schemas = schemas;

    public static SchemaFragments Load() => new(JsonDocument.Parse(File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "Knowledge", "Search", "Qdrant", "qdrant-schema-fragments.json"))).RootElement.GetProperty("schemas").Clone());

    public IReadOnlyList<string> Validate(string json, string schemaName)
    {
        var errors = new List<string>();
        Validate(JsonDocument.Parse(json).RootElement, _schemas.GetProperty(schemaName), "$", errors);
        return errors;
    }

    private void Validate(JsonElement value, JsonElement schema, string path, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            if (_schemas.TryGetProperty(name, out var target))
            {
                Validate(value, target, path, errors);
            }

            return;
        }

        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            foreach (var branch in anyOf.EnumerateArray())
            {
                if (branch.TryGetProperty("nullable", out _) && branch.EnumerateObject().Count() == 1)
                {
                    if (value.ValueKind == JsonValueKind.Null)
                    {
                        return;
                    }

                    continue;
                }

                var branchErrors = new List<string>();
                Validate(value, branch, path, branchErrors);
                if (branchErrors.Count == 0)
                {
                    return;
                }
            }

            errors.Add($"{path}: matches no anyOf branch");
            return;
        }

        if (!schema.TryGetProperty("type", out var type))
        {
            return;
        }

        switch (type.GetString())
        {
            case "object":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    errors.Add($"{path}: expected object, got {value.ValueKind}");
                    return;
                }

                if (schema.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    {
                        if (!value.TryGetProperty(name, out _))
                        {
                            errors.Add($"{path}: missing required property '{name}'");
                        }
                    }
                }

                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in value.EnumerateObject())
                    {
                        if (properties.TryGetProperty(property.Name, out var declared))
                        {
                            Validate(property.Value, declared, $"{path}.{property.Name}", errors);
                        }
                        else if (!schema.TryGetProperty("additionalProperties", out _))
                        {
                            errors.Add($"{path}: property '{property.Name}' is not in the schema");
                        }
                    }
                }

                break;
            case "array":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    errors.Add($"{path}: expected array, got {value.ValueKind}");
                    return;
                }

                if (schema.TryGetProperty("items", out var items))
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Validate(item, items, $"{path}[{i++}]", errors);
                    }
                }

                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String)
                {
                    errors.Add($"{path}: expected string, got {value.ValueKind}");
                }
                else if (schema.TryGetProperty("format", out var format) && format.GetString() == "uuid" && !Guid.TryParse(value.GetString(), out _))
                {
                    errors.Add($"{path}: '{value.GetString()}' is not a uuid");
                }
                else if (schema.TryGetProperty("enum", out var allowed) && allowed.EnumerateArray().All(a => a.GetString() != value.GetString()))
                {
                    errors.Add($"{path}: '{value.GetString()}' is not one of the allowed values");
                }

                break;
            case "integer":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var integer))
                {
                    errors.Add($"{path}: expected integer");
                }
                else if (schema.TryGetProperty("minimum", out var minimum) && integer < minimum.GetDouble())
                {
                    errors.Add($"{path}: {integer} is below the minimum {minimum.GetDouble()}");
                }

                break;
            case "number":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    errors.Add($"{path}: expected number");
                }

                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add($"{path}: expected boolean");
                }

                break;
        }
    }
}

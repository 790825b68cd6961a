using System.Text;

namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>One record of Go's encoding/csv, as docker reads <c>--mount</c> and <c>--network</c> values: commas split, quotes group.</summary>
public static class CsvFields
{
    public static List<string> Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStart = true;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            if (c == '"' && fieldStart)
            {
                quoted = true;
                fieldStart = false;
                continue;
            }

            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStart = true;
                continue;
            }

            if (c == '"')
            {
                throw new FormatException($"parse error on line 1, column {i + 1}: bare \" in non-quoted-field");
            }

            field.Append(c);
            fieldStart = false;
        }

        if (quoted)
        {
            throw new FormatException($"parse error on line 1, column {line.Length + 1}: extraneous or missing \" in quoted-field");
        }

        fields.Add(field.ToString());
        return fields;
    }
}

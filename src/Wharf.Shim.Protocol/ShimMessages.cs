using System.Buffers;
using System.Text.Json;

namespace Wharf.Shim.Protocol;

/// <summary>
/// The JSON of the protocol's messages, written and read with Utf8JsonWriter/Utf8JsonReader by hand: no serializer
/// metadata in the shim, whose resident memory is mostly its own code. Property names are camelCase; properties
/// at their default value are left out (the exit record writes all of its own).
/// </summary>
public static class ShimMessages
{
    public static byte[] EncodeRequest(ShimRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Encode(writer =>
        {
            writer.WriteString("op", request.Op);
            WriteIfTrue(writer, "stdin", request.Stdin);
            WriteIfTrue(writer, "stdout", request.Stdout);
            WriteIfTrue(writer, "stderr", request.Stderr);
            WriteIfSet(writer, "execId", request.ExecId);
            WriteIfNonZero(writer, "height", request.Height);
            WriteIfNonZero(writer, "width", request.Width);
            WriteIfNonZero(writer, "signal", request.Signal);
            WriteIfSet(writer, "process", request.Process);
            WriteIfTrue(writer, "tty", request.Tty);
        });
    }

    public static ShimRequest DecodeRequest(ReadOnlySpan<byte> json)
    {
        var request = new ShimRequest();
        Decode(json, (ref Utf8JsonReader reader, string name) =>
        {
            switch (name)
            {
                case "op": request.Op = reader.GetString() ?? ""; break;
                case "stdin": request.Stdin = reader.GetBoolean(); break;
                case "stdout": request.Stdout = reader.GetBoolean(); break;
                case "stderr": request.Stderr = reader.GetBoolean(); break;
                case "execId": request.ExecId = reader.GetString(); break;
                case "height": request.Height = reader.GetInt32(); break;
                case "width": request.Width = reader.GetInt32(); break;
                case "signal": request.Signal = reader.GetInt32(); break;
                case "process": request.Process = reader.GetString(); break;
                case "tty": request.Tty = reader.GetBoolean(); break;
                default: reader.Skip(); break;
            }
        });
        return request;
    }

    public static byte[] EncodeResponse(ShimResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Encode(writer =>
        {
            WriteIfSet(writer, "error", response.Error);
            WriteIfNonZero(writer, "pid", response.Pid);
            WriteIfTrue(writer, "running", response.Running);
            WriteIfTrue(writer, "exited", response.Exited);
            WriteIfNonZero(writer, "exitCode", response.ExitCode);
            WriteIfSet(writer, "finishedAt", response.FinishedAt);
            WriteIfTrue(writer, "oomKilled", response.OomKilled);
        });
    }

    public static ShimResponse DecodeResponse(ReadOnlySpan<byte> json)
    {
        var response = new ShimResponse();
        Decode(json, (ref Utf8JsonReader reader, string name) =>
        {
            switch (name)
            {
                case "error": response.Error = reader.GetString(); break;
                case "pid": response.Pid = reader.GetInt32(); break;
                case "running": response.Running = reader.GetBoolean(); break;
                case "exited": response.Exited = reader.GetBoolean(); break;
                case "exitCode": response.ExitCode = reader.GetInt32(); break;
                case "finishedAt": response.FinishedAt = reader.GetString(); break;
                case "oomKilled": response.OomKilled = reader.GetBoolean(); break;
                default: reader.Skip(); break;
            }
        });
        return response;
    }

    /// <summary><c>exit.json</c>: <c>{"exitCode":N,"finishedAt":"…","oomKilled":false}</c>, without a trailing newline.</summary>
    public static byte[] EncodeExitRecord(ShimExitRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var line = Encode(writer =>
        {
            writer.WriteNumber("exitCode", record.ExitCode);
            writer.WriteString("finishedAt", record.FinishedAt);
            writer.WriteBoolean("oomKilled", record.OomKilled);
        });
        return line.AsSpan(0, line.Length - 1).ToArray();
    }

    public static ShimExitRecord DecodeExitRecord(ReadOnlySpan<byte> json)
    {
        var record = new ShimExitRecord();
        Decode(json, (ref Utf8JsonReader reader, string name) =>
        {
            switch (name)
            {
                case "exitCode": record.ExitCode = reader.GetInt32(); break;
                case "finishedAt": record.FinishedAt = reader.GetString() ?? ""; break;
                case "oomKilled": record.OomKilled = reader.GetBoolean(); break;
                default: reader.Skip(); break;
            }
        });
        return record;
    }

    private delegate void PropertyReader(ref Utf8JsonReader reader, string name);

    /// <summary>One JSON object and a newline.</summary>
    private static byte[] Encode(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads one object, handing each property's value to <paramref name="readProperty"/>; throws JsonException on anything else.</summary>
    private static void Decode(ReadOnlySpan<byte> json, PropertyReader readProperty)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("expected a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                readProperty(ref reader, name);
            }
        }
        catch (InvalidOperationException exception)
        {
            // A value of the wrong type (a string where a number belongs, …).
            throw new JsonException(exception.Message, exception);
        }
    }

    private static void WriteIfTrue(Utf8JsonWriter writer, string name, bool value)
    {
        if (value)
        {
            writer.WriteBoolean(name, true);
        }
    }

    private static void WriteIfNonZero(Utf8JsonWriter writer, string name, int value)
    {
        if (value != 0)
        {
            writer.WriteNumber(name, value);
        }
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}

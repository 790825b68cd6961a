using System.Text.Json;
using Microsoft.Data.Sqlite;
using Wharf.Engine.Errors;
using Wharf.Engine.State;

namespace Wharf.Engine.Containers;

/// <summary>
/// The <c>containers</c> table (migration 4): one row per container, written once its directory is complete and
/// deleted last when it is removed. <c>layer_chain_id</c> repeats the record's layer so that the layer recount at
/// start-up sees the containers' references.
/// </summary>
internal sealed class ContainerTable(StateStore state)
{
    public List<ContainerRecord> All()
    {
        using var connection = state.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT record FROM containers ORDER BY created_nano;";
        using var reader = command.ExecuteReader();
        var records = new List<ContainerRecord>();
        while (reader.Read())
        {
            records.Add(Deserialize(reader.GetString(0)));
        }

        return records;
    }

    public List<ContainerRecord> ByImage(string imageId)
    {
        using var connection = state.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT record FROM containers WHERE image_id = $image ORDER BY created_nano;";
        command.Parameters.AddWithValue("$image", imageId);
        using var reader = command.ExecuteReader();
        var records = new List<ContainerRecord>();
        while (reader.Read())
        {
            records.Add(Deserialize(reader.GetString(0)));
        }

        return records;
    }

    /// <summary>Adds the row; Conflict when the name is taken (the in-memory index is checked first, this is the backstop).</summary>
    public void Insert(ContainerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var connection = state.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO containers (id, name, image_id, layer_chain_id, record, created_nano) VALUES ($id, $name, $image, $layer, $record, $created);";
        command.Parameters.AddWithValue("$id", record.Id);
        command.Parameters.AddWithValue("$name", record.Name);
        command.Parameters.AddWithValue("$image", record.ImageId);
        command.Parameters.AddWithValue("$layer", (object?)record.LayerChainId ?? DBNull.Value);
        command.Parameters.AddWithValue("$record", Serialize(record));
        command.Parameters.AddWithValue("$created", (record.Created - DateTimeOffset.UnixEpoch).Ticks * 100);
        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT)
        {
            throw EngineException.Conflict($"container {record.Id} or name {record.Name} already exists");
        }
    }

    /// <summary>
    /// Rewrites a row. State changes (started, exited, paused) are on every run's hot path and are re-derived from the
    /// shims and their exit files at start-up, so they commit with synchronous=NORMAL: safe against kill -9, one WAL
    /// fsync less per change (the pooled connection gets FULL back on its next open).
    /// </summary>
    public void Update(ContainerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var connection = state.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; UPDATE containers SET name = $name, record = $record WHERE id = $id;";
        command.Parameters.AddWithValue("$id", record.Id);
        command.Parameters.AddWithValue("$name", record.Name);
        command.Parameters.AddWithValue("$record", Serialize(record));
        command.ExecuteNonQuery();
    }

    public void Delete(string id)
    {
        using var connection = state.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM containers WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
    }

    private static string Serialize(ContainerRecord record) => JsonSerializer.Serialize(record, ContainerStoreJsonContext.Default.ContainerRecord);

    private static ContainerRecord Deserialize(string json) =>
        JsonSerializer.Deserialize(json, ContainerStoreJsonContext.Default.ContainerRecord) ?? throw new EngineException("corrupt container record");
}

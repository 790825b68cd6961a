using System.Text.Json;
using Microsoft.Data.Sqlite;
using Wharf.Engine.Errors;
using Wharf.Engine.State;

namespace Wharf.Engine.Networking.Service;

/// <summary>
/// The <c>networks</c> and <c>ip_leases</c> tables (migration 5). Every write commits (synchronous=FULL) before it
/// returns, so an address handed out is never handed out again after a crash.
/// </summary>
internal sealed class NetworkTable(StateStore state)
{
    public List<StoredNetwork> AllNetworks()
    {
        using var connection = state.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT record FROM networks ORDER BY created_nano, id;";
        using var reader = command.ExecuteReader();
        var networks = new List<StoredNetwork>();
        while (reader.Read())
        {
            networks.Add(Deserialize(reader.GetString(0)));
        }

        return networks;
    }

    /// <summary>Adds the row; Conflict with dockerd's message when the name is taken (the in-memory check comes first, this is the backstop).</summary>
    public void Insert(StoredNetwork network)
    {
        using var connection = state.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO networks (id, name, record, created_nano) VALUES ($id, $name, $record, $created);";
        command.Parameters.AddWithValue("$id", network.Id);
        command.Parameters.AddWithValue("$name", network.Name);
        command.Parameters.AddWithValue("$record", Serialize(network));
        command.Parameters.AddWithValue("$created", (network.Created - DateTimeOffset.UnixEpoch).Ticks * 100);
        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT)
        {
            throw EngineException.Conflict(NetworkMessages.NameExists(network.Name));
        }
    }

    public void Update(StoredNetwork network)
    {
        using var connection = state.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE networks SET name = $name, record = $record WHERE id = $id;";
        command.Parameters.AddWithValue("$id", network.Id);
        command.Parameters.AddWithValue("$name", network.Name);
        command.Parameters.AddWithValue("$record", Serialize(network));
        command.ExecuteNonQuery();
    }

    public void Delete(string id)
    {
        using var connection = state.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM networks WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
    }

    public List<LeaseRow> AllLeases()
    {
        using var connection = state.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT network_id, container_id, endpoint_id, address, address_v6, mac, aliases FROM ip_leases ORDER BY rowid;";
        using var reader = command.ExecuteReader();
        var leases = new List<LeaseRow>();
        while (reader.Read())
        {
            var aliases = reader.GetString(6);
            leases.Add(new LeaseRow(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5),
                aliases.Length == 0 ? [] : aliases.Split('\n')));
        }

        return leases;
    }

    /// <summary>Adds the lease; false when the address or the container already has one on the network.</summary>
    public bool TryInsertLease(LeaseRow lease)
    {
        using var connection = state.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO ip_leases (network_id, container_id, endpoint_id, address, address_v6, mac, aliases)
            VALUES ($network, $container, $endpoint, $address, $address6, $mac, $aliases);
            """;
        command.Parameters.AddWithValue("$network", lease.NetworkId);
        command.Parameters.AddWithValue("$container", lease.ContainerId);
        command.Parameters.AddWithValue("$endpoint", lease.EndpointId);
        command.Parameters.AddWithValue("$address", (object?)lease.Address ?? DBNull.Value);
        command.Parameters.AddWithValue("$address6", (object?)lease.AddressV6 ?? DBNull.Value);
        command.Parameters.AddWithValue("$mac", lease.MacAddress);
        command.Parameters.AddWithValue("$aliases", string.Join('\n', lease.Aliases));
        try
        {
            command.ExecuteNonQuery();
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT)
        {
            return false;
        }
    }

    public void DeleteLease(string networkId, string containerId)
    {
        using var connection = state.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM ip_leases WHERE network_id = $network AND container_id = $container;";
        command.Parameters.AddWithValue("$network", networkId);
        command.Parameters.AddWithValue("$container", containerId);
        command.ExecuteNonQuery();
    }

    private static string Serialize(StoredNetwork network) => JsonSerializer.Serialize(network, NetworkStoreJsonContext.Default.StoredNetwork);

    private static StoredNetwork Deserialize(string json) =>
        JsonSerializer.Deserialize(json, NetworkStoreJsonContext.Default.StoredNetwork) ?? throw new EngineException("corrupt network record");
}

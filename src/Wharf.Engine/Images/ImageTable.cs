using Microsoft.Data.Sqlite;
using Wharf.Engine.Content;
using Wharf.Engine.State;

namespace Wharf.Engine.Images;

/// <summary>The <c>images</c>, <c>image_tags</c> and <c>image_blobs</c> tables (migration 3).</summary>
internal sealed class ImageTable(StateStore state)
{
    private const string Columns = "id, config, top_chain_id, parent_id, size, created_unix, last_tag_nano";

    private const string RecountSql =
        "UPDATE layers SET ref_count = (SELECT COUNT(*) FROM images i WHERE i.top_chain_id = layers.chain_id) + (SELECT COUNT(*) FROM layers c WHERE c.parent_chain_id = layers.chain_id) + (SELECT COUNT(*) FROM containers k WHERE k.layer_chain_id = layers.chain_id);";

    public List<ImageRecord> All()
    {
        using var connection = state.OpenConnection();
        var tags = ReadTags(connection, null, null);
        var images = new List<ImageRecord>();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM images;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            images.Add(ReadImage(reader, tags));
        }

        return images;
    }

    public ImageRecord? Get(string id)
    {
        using var connection = state.OpenConnection();
        return Get(connection, null, id);
    }

    public string? FindByReference(string reference)
    {
        using var connection = state.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT image_id FROM image_tags WHERE reference = $ref;";
        command.Parameters.AddWithValue("$ref", reference);
        return command.ExecuteScalar() as string;
    }

    public List<string> FindByIdPrefix(string prefix)
    {
        using var connection = state.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM images WHERE substr(id, 1, length($prefix)) = $prefix;";
        command.Parameters.AddWithValue("$prefix", prefix);
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>
    /// Records an image (unless it is already stored: then false, and the caller drops its layer reference) with its
    /// blobs, and points <paramref name="tags"/> at it. Returns whether the row is new and which tags moved from
    /// which other image.
    /// </summary>
    public (bool Created, List<(string Reference, string? PreviousImage)> Tagged) Commit(
        ImageRecord image, long addedNano, IReadOnlyList<ImageBlob> blobs, IReadOnlyList<string> tags, long tagNano)
    {
        using var connection = state.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        var created = Get(connection, transaction, image.Id) is null;
        if (created)
        {
            Execute(
                connection,
                transaction,
                "INSERT INTO images (id, config, top_chain_id, parent_id, size, created_unix, last_tag_nano, added_nano) VALUES ($id, $config, $top, $parent, $size, $created, 0, $added);",
                ("$id", image.Id),
                ("$config", image.Config),
                ("$top", image.TopChainId?.ToString()),
                ("$parent", image.ParentId),
                ("$size", image.Size),
                ("$created", image.CreatedUnix),
                ("$added", addedNano));
        }

        foreach (var blob in blobs)
        {
            Execute(
                connection,
                transaction,
                "INSERT OR IGNORE INTO image_blobs (image_id, digest, diff_id) VALUES ($id, $digest, $diff);",
                ("$id", image.Id),
                ("$digest", blob.Digest.ToString()),
                ("$diff", blob.DiffId?.ToString()));
        }

        var tagged = new List<(string, string?)>();
        foreach (var tag in tags)
        {
            tagged.Add((tag, SetTag(connection, transaction, tag, image.Id, tagNano)));
        }

        transaction.Commit();
        return (created, tagged);
    }

    /// <summary>Points <paramref name="reference"/> at <paramref name="imageId"/>; returns the image it named before, if any.</summary>
    public string? Tag(string reference, string imageId, long tagNano)
    {
        using var connection = state.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        var previous = SetTag(connection, transaction, reference, imageId, tagNano);
        transaction.Commit();
        return previous;
    }

    public bool Untag(string reference)
    {
        using var connection = state.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM image_tags WHERE reference = $ref;";
        command.Parameters.AddWithValue("$ref", reference);
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>
    /// Deletes the image row (tags and blob rows go with it); returns its blobs that no other image keeps, or null
    /// when the row was already gone (a concurrent delete won, and it releases the layers).
    /// </summary>
    public List<Digest>? Delete(string imageId)
    {
        using var connection = state.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        var orphans = new List<Digest>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT digest FROM image_blobs b WHERE image_id = $id AND NOT EXISTS (SELECT 1 FROM image_blobs o WHERE o.digest = b.digest AND o.image_id <> $id);";
            command.Parameters.AddWithValue("$id", imageId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                orphans.Add(Digest.Parse(reader.GetString(0)));
            }
        }

        if (Execute(connection, transaction, "DELETE FROM images WHERE id = $id;", ("$id", imageId)) == 0)
        {
            return null;
        }

        transaction.Commit();
        return orphans;
    }

    public List<ImageBlob> Blobs(string imageId)
    {
        using var connection = state.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT digest, diff_id FROM image_blobs WHERE image_id = $id;";
        command.Parameters.AddWithValue("$id", imageId);
        using var reader = command.ExecuteReader();
        var blobs = new List<ImageBlob>();
        while (reader.Read())
        {
            blobs.Add(new ImageBlob(Digest.Parse(reader.GetString(0)), reader.IsDBNull(1) ? null : Digest.Parse(reader.GetString(1))));
        }

        return blobs;
    }

    public HashSet<string> ReferencedBlobs()
    {
        using var connection = state.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT digest FROM image_blobs;";
        using var reader = command.ExecuteReader();
        var digests = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            digests.Add(reader.GetString(0));
        }

        return digests;
    }

    /// <summary>
    /// Start-up repair of layer reference counts: each layer is referenced by the images it tops, by its child
    /// layers and by the containers created from it (their rw layers sit on it), nothing else. A crash between taking layer references and committing the image row leaves counts
    /// too high (and layers no image uses); recounting and deleting the zero rows, children first, fixes both.
    /// Returns how many layer rows were deleted; their files are then orphans for the layer store's reconcile.
    /// </summary>
    public int RecountLayers()
    {
        using var connection = state.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(
            connection,
            transaction,
            RecountSql);
        var deleted = 0;
        while (true)
        {
            var removed = Execute(
                connection,
                transaction,
                "DELETE FROM layers WHERE ref_count = 0 AND NOT EXISTS (SELECT 1 FROM layers c WHERE c.parent_chain_id = layers.chain_id) AND NOT EXISTS (SELECT 1 FROM images i WHERE i.top_chain_id = layers.chain_id) AND NOT EXISTS (SELECT 1 FROM containers k WHERE k.layer_chain_id = layers.chain_id);");
            if (removed == 0)
            {
                break;
            }

            deleted += removed;
            Execute(
                connection,
                transaction,
                RecountSql);
        }

        transaction.Commit();
        return deleted;
    }

    private static string? SetTag(SqliteConnection connection, SqliteTransaction transaction, string reference, string imageId, long tagNano)
    {
        string? previous;
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT image_id FROM image_tags WHERE reference = $ref;";
            command.Parameters.AddWithValue("$ref", reference);
            previous = command.ExecuteScalar() as string;
        }

        Execute(connection, transaction, "INSERT INTO image_tags (reference, image_id) VALUES ($ref, $id) ON CONFLICT(reference) DO UPDATE SET image_id = excluded.image_id;", ("$ref", reference), ("$id", imageId));
        if (tagNano > 0)
        {
            Execute(connection, transaction, "UPDATE images SET last_tag_nano = $nano WHERE id = $id;", ("$nano", tagNano), ("$id", imageId));
        }
        return previous;
    }

    private static ImageRecord? Get(SqliteConnection connection, SqliteTransaction? transaction, string id)
    {
        var tags = ReadTags(connection, transaction, id);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM images WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadImage(reader, tags) : null;
    }

    private static ImageRecord ReadImage(SqliteDataReader reader, Dictionary<string, List<string>> tags)
    {
        var id = reader.GetString(0);
        return new ImageRecord(
            id,
            (byte[])reader.GetValue(1),
            reader.IsDBNull(2) ? null : Digest.Parse(reader.GetString(2)),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetInt64(4),
            reader.GetInt64(5),
            reader.GetInt64(6),
            tags.TryGetValue(id, out var list) ? list : []);
    }

    private static Dictionary<string, List<string>> ReadTags(SqliteConnection connection, SqliteTransaction? transaction, string? imageId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = imageId is null
            ? "SELECT reference, image_id FROM image_tags ORDER BY reference;"
            : "SELECT reference, image_id FROM image_tags WHERE image_id = $id ORDER BY reference;";
        if (imageId is not null)
        {
            command.Parameters.AddWithValue("$id", imageId);
        }

        using var reader = command.ExecuteReader();
        var tags = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var image = reader.GetString(1);
            if (!tags.TryGetValue(image, out var list))
            {
                tags[image] = list = [];
            }

            list.Add(reader.GetString(0));
        }

        return tags;
    }

    private static int Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command.ExecuteNonQuery();
    }
}

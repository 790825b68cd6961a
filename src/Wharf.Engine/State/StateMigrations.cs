namespace Wharf.Engine.State;

/// <summary>
/// The database schema as an ordered list of scripts: script <c>n</c> (0-based) takes the schema from
/// version <c>n</c> to <c>n + 1</c>. Never edit a script that has shipped; append a new one.
/// </summary>
internal static class StateMigrations
{
    public static readonly IReadOnlyList<string> Scripts =
    [
        // 1: the event log behind GET /events?since= (only the most recent events are kept).
        """
        CREATE TABLE events (
            seq INTEGER PRIMARY KEY,
            time_nano INTEGER NOT NULL,
            message TEXT NOT NULL
        );
        """,

        // 2: image layers (Layers/LayerStore). A row exists only once its overlay dir is complete. ref_count counts
        // images and child layers that use the layer; at 0 the row goes first, then the files.
        """
        CREATE TABLE layers (
            chain_id TEXT PRIMARY KEY,
            diff_id TEXT NOT NULL,
            parent_chain_id TEXT REFERENCES layers(chain_id),
            cache_id TEXT NOT NULL UNIQUE,
            link_id TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL,
            tar_size INTEGER NOT NULL,
            ref_count INTEGER NOT NULL,
            created_nano INTEGER NOT NULL
        );
        CREATE INDEX layers_parent ON layers(parent_chain_id);
        """,
        // 3: images (Images/ImageService). An image row is written only after its layers are complete; it holds one
        // reference on its top layer. config is the config JSON as stored (its digest is the id). image_blobs lists
        // the content-store blobs each image keeps (config and original layer blobs, for save); a blob no row lists
        // is garbage.
        """
        CREATE TABLE images (
            id TEXT PRIMARY KEY,
            config BLOB NOT NULL,
            top_chain_id TEXT REFERENCES layers(chain_id),
            parent_id TEXT,
            size INTEGER NOT NULL,
            created_unix INTEGER NOT NULL,
            last_tag_nano INTEGER NOT NULL DEFAULT 0,
            added_nano INTEGER NOT NULL
        );
        CREATE TABLE image_tags (
            reference TEXT PRIMARY KEY,
            image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE
        );
        CREATE INDEX image_tags_image ON image_tags(image_id);
        CREATE TABLE image_blobs (
            image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE,
            digest TEXT NOT NULL,
            diff_id TEXT,
            PRIMARY KEY (image_id, digest)
        );
        CREATE INDEX image_blobs_digest ON image_blobs(digest);
        """,

        // 4: containers (Containers/ContainerService). A row is written once the container's directory (rw layer,
        // hostname, hosts, resolv.conf) is complete and deleted last on removal; record is the container's JSON.
        // layer_chain_id is the image layer the container holds one reference on (no foreign key: removal releases
        // the layer before deleting the row, and the start-up recount counts these rows).
        """
        CREATE TABLE containers (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            image_id TEXT NOT NULL,
            layer_chain_id TEXT,
            record TEXT NOT NULL,
            created_nano INTEGER NOT NULL
        );
        CREATE INDEX containers_image ON containers(image_id);
        CREATE INDEX containers_layer ON containers(layer_chain_id);
        """,

        // 5: networks (Networking/Service/NetworkService). record is the network's JSON (driver, IPAM, options, labels);
        // a row exists once its bridge and firewall rules are in place. ip_leases holds the addresses of the endpoints of
        // running containers: the UNIQUE constraints are what keeps an address from being handed out twice on a network.
        """
        CREATE TABLE networks (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            record TEXT NOT NULL,
            created_nano INTEGER NOT NULL
        );
        CREATE TABLE ip_leases (
            network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
            container_id TEXT NOT NULL,
            endpoint_id TEXT NOT NULL UNIQUE,
            address TEXT,
            address_v6 TEXT,
            mac TEXT NOT NULL,
            aliases TEXT NOT NULL,
            UNIQUE (network_id, address),
            UNIQUE (network_id, address_v6),
            UNIQUE (network_id, container_id)
        );
        CREATE INDEX ip_leases_container ON ip_leases(container_id);
        """,
    ];
}

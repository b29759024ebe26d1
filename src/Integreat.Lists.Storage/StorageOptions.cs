namespace Integreat.Lists.Storage;

/// <summary>Settings of section <c>Storage</c>: where the database and the spool live.</summary>
public sealed class StorageOptions
{
    /// <summary>The section name in configuration.</summary>
    public const string Section = "Storage";

    /// <summary>The data directory (relative to the working directory): holds <c>lists.db</c> (LiteDB) and
    /// <c>spool/</c> (one folder per queue). Created when missing.</summary>
    public string Directory { get; set; } = "data";

    /// <summary>The LiteDB file inside <see cref="Directory"/>.</summary>
    public string DatabasePath => Path.Combine(Path.GetFullPath(Directory), "lists.db");

    /// <summary>The DKIM keys inside <see cref="Directory"/>: <c>dkim/DOMAIN/SELECTOR.pem</c>.</summary>
    public string DkimKeysPath => Path.Combine(Path.GetFullPath(Directory), "dkim");

    /// <summary>The archived posts' bytes inside <see cref="Directory"/>: <c>archive/LIST/ID.eml</c>.</summary>
    public string ArchivePath => Path.Combine(Path.GetFullPath(Directory), "archive");

    /// <summary>The spool folder inside <see cref="Directory"/>.</summary>
    public string SpoolPath => Path.Combine(Path.GetFullPath(Directory), "spool");

    /// <summary>The key file of the one-click unsubscribe tokens, <c>keys/unsubscribe.key</c> (in backups; made on first use;
    /// delete it to revoke every link).</summary>
    public string UnsubscribeKeyPath => Path.Combine(Path.GetFullPath(Directory), "keys", "unsubscribe.key");

    /// <summary>The key of the log pseudonyms (<c>Privacy:PseudonymiseLogs</c>), <c>keys/log.key</c> (made on first use).</summary>
    public string LogKeyPath => Path.Combine(Path.GetFullPath(Directory), "keys", "log.key");
}
